package org.portplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portplan.cli.ErrorCasesTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.portplan.TestSupport;

/**
 * {@code --diagnostics json|sarif|github} for every bad site under src/test/resources/errors:
 * each format carries exactly the diagnostics of the text format (severity, code, file, line,
 * column, message), and the SARIF is valid SARIF 2.1.0 by its JSON schema.
 */
class DiagnosticsFormatTest {

    private static final Path ERRORS = Path.of("src/test/resources/errors");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code FILE:LINE:COL: severity: message [PPnnn]} or {@code FILE: severity: message [PPnnn...]}. */
    private static final Pattern TEXT = Pattern.compile(
            "^(.*?)(?::(\\d+):(\\d+))?: (error|warning|note): (.*) \\[(PP\\d{3})(?:, acknowledged: (.*))?]$");
    private static JsonSchema sarifSchema;

    @TempDir
    Path tmp;

    /** One diagnostic, as every format must carry it. */
    private record Item(String severity, String code, String file, Integer line, Integer column, String message) {
    }

    @BeforeAll
    static void schema() throws IOException {
        JsonNode schema = JSON.readTree(TestSupport.repo().resolve("src/test/resources/sarif/sarif-2.1.0-rtm.5.json").toFile());
        sarifSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
    }

    private static List<Item> fromText(String err) {
        List<Item> out = new ArrayList<>();
        for (String line : err.lines().toList()) {
            if (line.matches("portplan: \\d+ errors?")) {
                continue;
            }
            Matcher m = TEXT.matcher(line);
            assertThat(m.matches()).as("a text diagnostic line: %s", line).isTrue();
            out.add(new Item(m.group(4), m.group(6), m.group(1), m.group(2) == null ? null : Integer.valueOf(m.group(2)),
                    m.group(3) == null ? null : Integer.valueOf(m.group(3)), m.group(5)));
        }
        return out;
    }

    private static List<Item> fromJson(String json) throws IOException {
        List<Item> out = new ArrayList<>();
        for (JsonNode d : JSON.readTree(json)) {
            out.add(new Item(d.get("severity").asText(), d.get("code").asText(), d.get("file").asText(),
                    d.get("line").isNull() ? null : d.get("line").asInt(),
                    d.get("column").isNull() ? null : d.get("column").asInt(), d.get("message").asText()));
        }
        return out;
    }

    private static List<Item> fromSarif(String sarif) throws IOException {
        JsonNode log = JSON.readTree(sarif);
        assertThat(sarifSchema.validate(log)).as("SARIF 2.1.0 schema violations").isEmpty();
        JsonNode run = log.get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        List<Item> out = new ArrayList<>();
        for (JsonNode r : run.get("results")) {
            assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(r.get("ruleId").asText());
            JsonNode loc = r.get("locations").get(0).get("physicalLocation");
            JsonNode region = loc.get("region");
            out.add(new Item(r.get("level").asText(), r.get("ruleId").asText(), loc.get("artifactLocation").get("uri").asText(),
                    region == null ? null : region.get("startLine").asInt(),
                    region == null ? null : region.get("startColumn").asInt(), r.get("message").get("text").asText()));
        }
        return out;
    }

    /** Workflow commands decoded: {@code ::error file=F,line=L,col=C,title=PPnnn slug::message}. */
    private static List<Item> fromGithub(String text) {
        Pattern p = Pattern.compile("^::(error|warning|notice) (.*?)::(.*)$");
        List<Item> out = new ArrayList<>();
        for (String line : text.lines().toList()) {
            Matcher m = p.matcher(line);
            assertThat(m.matches()).as("a workflow command: %s", line).isTrue();
            String file = null;
            Integer l = null;
            Integer c = null;
            String code = null;
            for (String prop : m.group(2).split(",")) {
                String k = prop.substring(0, prop.indexOf('='));
                String v = decode(prop.substring(prop.indexOf('=') + 1));
                switch (k) {
                    case "file" -> file = v;
                    case "line" -> l = Integer.valueOf(v);
                    case "col" -> c = Integer.valueOf(v);
                    case "title" -> code = v.substring(0, v.indexOf(' '));
                    default -> throw new AssertionError("unexpected property " + k);
                }
            }
            String severity = m.group(1).equals("notice") ? "note" : m.group(1);
            out.add(new Item(severity, code, file, l, c, decode(m.group(3))));
        }
        return out;
    }

    private static String decode(String s) {
        return s.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%");
    }

    @TestFactory
    Stream<DynamicTest> everyFormatCarriesTheSameDiagnosticsForEveryErrorCase() throws IOException {
        try (Stream<Path> dirs = Files.list(TestSupport.repo().resolve(ERRORS))) {
            return dirs.sorted().map(Path::getFileName).toList().stream().map(name -> DynamicTest.dynamicTest(name.toString(), () -> {
                String site = ERRORS.resolve(name).resolve("site.yaml").toString();
                ErrorCasesTest.Run text = run("validate", site);
                List<Item> expected = fromText(text.err());
                assertThat(expected).as("the case has diagnostics").isNotEmpty();
                for (String format : List.of("json", "sarif", "github")) {
                    Path file = tmp.resolve(name + "." + format);
                    ErrorCasesTest.Run r = run("validate", site, "--diagnostics", format, "--diagnostics-file", file.toString());
                    assertThat(r.code()).as(format).isEqualTo(text.code());
                    assertThat(r.err()).as("with --diagnostics-file nothing goes to stderr").isEmpty();
                    String written = Files.readString(file);
                    List<Item> got = switch (format) {
                        case "json" -> fromJson(written);
                        case "sarif" -> fromSarif(written);
                        default -> fromGithub(written);
                    };
                    assertThat(got).as(format).containsExactlyElementsOf(expected);
                }
            }));
        }
    }

    /**
     * A copy of an example (with its lock) in {@code dir}, without its {@code acknowledge:}
     * block, so that its warnings fail {@code --strict} again.
     */
    static Path unacknowledged(Path example, Path dir) throws IOException {
        String text = Files.readString(example);
        int at = text.indexOf("\nacknowledge:");
        assertThat(at).as("the example acknowledges its warnings").isPositive();
        Path site = Files.writeString(dir.resolve("site.yaml"), text.substring(0, at + 1));
        Files.copy(example.resolveSibling("site.lock"), dir.resolve("site.lock"));
        return site;
    }

    @Test
    void acknowledgedWarningsAreSuppressedInSarifAndNoticesForGithub() throws IOException {
        Path site = unacknowledged(Path.of("examples/net2phone-pix/site.yaml"), tmp);
        ErrorCasesTest.Run strict = run("validate", site.toString(), "--strict");
        assertThat(strict.code()).as("the example warns").isEqualTo(1);
        List<Item> warnings = fromText(strict.err());
        String code = warnings.get(0).code();
        Files.writeString(site, Files.readString(site) + "acknowledge:\n  " + code + ": \"accepted: 100% on purpose, see the ticket\"\n");
        ErrorCasesTest.Run sarif = run("validate", site.toString(), "--diagnostics", "sarif");
        JsonNode results = JSON.readTree(sarif.err()).get("runs").get(0).get("results");
        assertThat(sarifSchema.validate(JSON.readTree(sarif.err()))).isEmpty();
        for (JsonNode r : results) {
            if (r.get("ruleId").asText().equals(code)) {
                assertThat(r.get("suppressions").get(0).get("justification").asText())
                        .isEqualTo("accepted: 100% on purpose, see the ticket");
            }
        }
        ErrorCasesTest.Run github = run("validate", site.toString(), "--diagnostics", "github");
        assertThat(github.err().lines().filter(l -> l.contains("title=" + code)))
                .allMatch(l -> l.startsWith("::notice ") && l.contains("(acknowledged: accepted: 100%25 on purpose, see the ticket)"));
    }

    @Test
    void githubEscapesWhatWouldEndAPropertyOrACommand() {
        ErrorCasesTest.Run r = run("validate", "src/test/resources/errors/control-in-key/site.yaml", "--diagnostics", "github");
        assertThat(r.err().lines()).allMatch(l -> l.startsWith("::"));
        assertThat(r.err()).doesNotContain("\r");
    }
}
