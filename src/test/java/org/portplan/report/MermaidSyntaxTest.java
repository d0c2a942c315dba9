package org.portplan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.portplan.TestSupport;

/**
 * Every diagram plan.md can hold passes the real Mermaid parser (npm {@code mermaid}, run by
 * Node in one process for all of them): the examples' and golden cases' plan.md, sites whose
 * names are Mermaid keywords, labels made of every character that means something to Mermaid,
 * Markdown or HTML, and a site of 1,000 devices. A broken diagram must fail, so a parser that
 * accepts everything cannot pass. Needs {@code node} and the packages {@code .ci/run} installs
 * into target/mermaid; skipped without them, except with CI=true.
 */
class MermaidSyntaxTest {

    private static final String BROKEN = "broken-on-purpose.mmd";

    @Test
    void everyDiagramPassesTheMermaidParser() throws Exception {
        Path repo = TestSupport.repo().toAbsolutePath();
        Path home = repo.resolve("target/mermaid");
        Optional<Path> node = tool("node");
        require(node.isPresent(), "node is not on the PATH");
        require(Files.isRegularFile(home.resolve("node_modules/mermaid/package.json"))
                        && Files.isRegularFile(home.resolve("node_modules/jsdom/package.json")),
                "the Mermaid parser is not installed; run: mkdir -p target/mermaid && cp src/test/mermaid/package*.json"
                        + " target/mermaid/ && npm ci --prefix target/mermaid (or .ci/run)");
        Map<String, String> diagrams = diagrams(repo);
        Path dir = Files.createTempDirectory(home, "diagrams-");
        try {
            for (Map.Entry<String, String> d : diagrams.entrySet()) {
                Files.writeString(dir.resolve(d.getKey()), d.getValue(), StandardCharsets.UTF_8);
            }
            Files.copy(repo.resolve("src/test/mermaid/parse.mjs"), home.resolve("parse.mjs"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Map<String, String> results = parse(node.get(), home, dir);
            SoftAssertions soft = new SoftAssertions();
            for (String name : diagrams.keySet()) {
                if (name.equals(BROKEN)) {
                    soft.assertThat(results.get(name)).as("a broken diagram is rejected").startsWith("error:");
                } else {
                    soft.assertThat(results.get(name)).as("%s:%n%s", name, diagrams.get(name)).isEqualTo("ok");
                }
            }
            soft.assertAll();
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    /** The diagrams to check, by file name. */
    private static Map<String, String> diagrams(Path repo) throws IOException {
        Map<String, String> out = new TreeMap<>();
        Path golden = repo.resolve("src/test/resources/golden");
        try (Stream<Path> files = Files.walk(golden)) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("plan.md")).sorted().toList()) {
                String md = Files.readString(f, StandardCharsets.UTF_8);
                String name = golden.relativize(f.getParent()).toString().replace('/', '-');
                List<String> blocks = mermaidBlocks(md);
                assertThat(blocks).as("%s opens with one diagram", f).hasSize(1);
                out.put("golden-" + name + ".mmd", blocks.get(0));
            }
        }
        assertThat(out).as("golden plan.md files").hasSizeGreaterThanOrEqualTo(9);
        out.put("keyword-names.mmd", PlanDiagramTest.diagram(TestSupport.plan(PlanDiagramTest.keywordSite()).ok()));
        out.put("thousand-devices.mmd", PlanDiagramTest.diagram(TestSupport.plan(PlanDiagramTest.bigSite()).ok()));
        out.put("every-character.mmd", everyCharacter());
        out.put(BROKEN, "flowchart LR\n  a1[\"x\"] -->|\"y\"| [\n");
        return out;
    }

    /** Boxes, a subgraph and an arrow labelled with every printable ASCII character, keywords and non-ASCII text. */
    private static String everyCharacter() {
        StringBuilder ascii = new StringBuilder();
        for (char c = 0x20; c < 0x7f; c++) {
            ascii.append(c);
        }
        List<String> labels = List.of(ascii.toString(), "end", "a --> b", "x---o", "%% not a comment", "#quot; #35; &amp;",
                "<br/><script>alert(1)</script>", "\"]); click a1 call alert()", "caf\u00e9 \u2603 \u4e2d", "``` fence");
        StringBuilder d = new StringBuilder("flowchart LR\n  subgraph s1[\"" + Mermaid.text(ascii.toString()) + "\"]\n");
        for (int i = 0; i < labels.size(); i++) {
            d.append("    n").append(i).append(i % 2 == 0 ? "[" : "(").append(Mermaid.label(List.of(labels.get(i), "second line")))
                    .append(i % 2 == 0 ? "]" : ")").append('\n');
        }
        d.append("  end\n");
        for (int i = 1; i < labels.size(); i++) {
            d.append("  n0 ").append(i % 2 == 0 ? "==>" : "-->").append("|\"").append(Mermaid.text(labels.get(i)))
                    .append("\"| n").append(i).append('\n');
        }
        return d.toString();
    }

    static List<String> mermaidBlocks(String markdown) {
        List<String> out = new ArrayList<>();
        int at = 0;
        while ((at = markdown.indexOf("```mermaid\n", at)) >= 0) {
            int end = markdown.indexOf("\n```\n", at);
            out.add(markdown.substring(at + "```mermaid\n".length(), end + 1));
            at = end;
        }
        return out;
    }

    /** Runs the parser once over {@code dir}; the answer per file: "ok" or "error: ...". */
    private static Map<String, String> parse(Path node, Path home, Path dir) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile(home, "parse-", ".out");
        Path stderr = Files.createTempFile(home, "parse-", ".err");
        try {
            Process p = new ProcessBuilder(node.toString(), home.resolve("parse.mjs").toString(), dir.toString())
                    .directory(home.toFile()).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("the Mermaid parser gave no answer within 180 s");
            }
            String out = Files.readString(stdout, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as("node's exit status; stderr: %s", Files.readString(stderr, StandardCharsets.UTF_8))
                    .isZero();
            Map<String, String> results = new TreeMap<>();
            out.lines().filter(l -> l.contains("\t")).forEach(l -> results.put(l.substring(0, l.indexOf('\t')),
                    l.substring(l.indexOf('\t') + 1)));
            return results;
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /** Skips where the parser cannot run, but fails in CI, where .ci/run installs it. */
    private static void require(boolean ok, String why) {
        TestSupport.require("MermaidSyntaxTest", ok, why);
    }

    private static Optional<Path> tool(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Optional.of(Path.of(dir, name));
            }
        }
        return Optional.empty();
    }
}
