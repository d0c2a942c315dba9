package org.portplan.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.portplan.TestSupport;

/**
 * The diagnostic codes are a contract: unique, documented in docs/ci.md, all in use, and on
 * every diagnostic the error cases expect.
 */
class CodesTest {

    private static final Pattern ID = Pattern.compile("PP[1-7][0-9][0-9]");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** A diagnostic line as the CLI prints it: place, severity, message, code (acknowledged or not). */
    private static final Pattern LINE = Pattern.compile("^(\\S.*?): (error|warning|note): (.*) \\[(PP[0-9]{3})(, acknowledged: .*)?]$");

    @Test
    void idsAndSlugsAreUniqueAndWellFormed() {
        Map<String, Code> ids = new HashMap<>();
        Map<String, Code> slugs = new HashMap<>();
        for (Code c : Code.values()) {
            assertThat(c.id()).as(c.name()).matches(ID);
            assertThat(c.slug()).as(c.name()).matches(SLUG);
            assertThat(ids.put(c.id(), c)).as("id %s of %s", c.id(), c).isNull();
            assertThat(slugs.put(c.slug(), c)).as("slug %s of %s", c.slug(), c).isNull();
            assertThat(c.title()).as(c.name()).isNotBlank().doesNotContain("\n").doesNotEndWith(".");
            assertThat(c.help()).as(c.name()).isNotBlank().doesNotContain("\n").endsWith(".");
            assertThat(Code.byId(c.id())).contains(c);
        }
        assertThat(Code.byId("PP000")).isEmpty();
    }

    @Test
    void everyCodeIsDocumentedInCiMdWithItsSeverityAnExampleAndTheFix() throws IOException {
        String doc = Files.readString(TestSupport.repo().resolve("docs/ci.md"), StandardCharsets.UTF_8);
        // | PP301 | `unknown-model` | error | `site.yaml:...: error: ... [PP301]` | help |
        Pattern row = Pattern.compile("^\\| (PP[0-9]{3}) \\| `([^`]*)` \\| (\\w+) \\| `([^`]*)` \\| (.*) \\|$");
        Map<String, Matcher> rows = new HashMap<>();
        for (String line : doc.split("\n")) {
            Matcher m = row.matcher(line);
            if (m.matches()) {
                assertThat(rows.put(m.group(1), m)).as("%s documented twice", m.group(1)).isNull();
            } else {
                assertThat(line).as("a row of the codes' tables that does not read as one").doesNotStartWith("| PP");
            }
        }
        List<String> wrong = new ArrayList<>();
        for (Code c : Code.values()) {
            Matcher m = rows.get(c.id());
            if (m == null) {
                wrong.add(c.id() + ": no row");
                continue;
            }
            if (!m.group(2).equals(c.slug()) || !m.group(3).equals(c.severity().label()) || !m.group(5).equals(c.help())) {
                wrong.add(c.id() + ": slug, severity or fix differ from the code's");
            }
            Matcher example = LINE.matcher(m.group(4));
            if (!example.matches() || !example.group(2).equals(c.severity().label()) || !example.group(4).equals(c.id())) {
                wrong.add(c.id() + ": the example is not a diagnostic line of this code");
            }
        }
        assertThat(wrong).isEmpty();
        // And nothing documented that does not exist.
        Set<String> stale = new TreeSet<>();
        Matcher any = ID.matcher(doc);
        while (any.find()) {
            if (Code.byId(any.group()).isEmpty()) {
                stale.add(any.group());
            }
        }
        assertThat(stale).as("codes docs/ci.md names that portplan does not have").isEmpty();
    }

    @Test
    void everyCodeIsUsedInTheSources() throws IOException {
        StringBuilder sources = new StringBuilder();
        Path main = TestSupport.repo().resolve("src/main/java");
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (!f.getFileName().toString().equals("Code.java")) {
                    sources.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
                }
            }
        }
        List<String> unused = new ArrayList<>();
        for (Code c : Code.values()) {
            if (!Pattern.compile("\\bCode\\." + c.name() + "\\b").matcher(sources).find()) {
                unused.add(c.id() + " " + c.name());
            }
        }
        assertThat(unused).as("codes no source reports (dead codes)").isEmpty();
    }

    @Test
    void everyExpectedDiagnosticCarriesAKnownCodeOfItsSeverity() throws IOException {
        List<Path> expected = new ArrayList<>();
        for (String dir : List.of("src/test/resources/errors", "src/test/resources/golden")) {
            try (Stream<Path> files = Files.walk(TestSupport.repo().resolve(dir))) {
                files.filter(p -> p.getFileName().toString().equals("expected.txt")
                        || p.getFileName().toString().equals("diagnostics.txt")).sorted().forEach(expected::add);
            }
        }
        assertThat(expected).hasSizeGreaterThan(20);
        List<String> bad = new ArrayList<>();
        int diagnostics = 0;
        for (Path f : expected) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (line.startsWith("exit ") || line.matches("portplan: [0-9]+ (error|warning)s?( and .*)?")) {
                    continue;
                }
                Matcher m = LINE.matcher(line);
                if (!m.matches()) {
                    if (line.contains(": error: ") || line.contains(": warning: ") || line.contains(": note: ")) {
                        bad.add(f + ": no code: " + line);
                    }
                    continue;
                }
                diagnostics++;
                Code code = Code.byId(m.group(4)).orElse(null);
                if (code == null || !code.severity().label().equals(m.group(2))) {
                    bad.add(f + ": unknown code or other severity: " + line);
                }
            }
        }
        assertThat(bad).isEmpty();
        assertThat(diagnostics).isGreaterThan(100);
    }
}
