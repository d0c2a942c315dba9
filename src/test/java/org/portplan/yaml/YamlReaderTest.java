package org.portplan.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portplan.diag.Diagnostic;
import org.portplan.diag.Diagnostics;

/** Bad bytes and hostile shapes are located errors, and every limit holds and names itself. */
class YamlReaderTest {

    @TempDir
    Path tmp;

    private static List<String> read(String text) {
        return read(text, Limits.DEFAULT);
    }

    private static List<String> read(String text, Limits limits) {
        Diagnostics d = new Diagnostics();
        Optional<Node> n = YamlReader.read("f.yaml", text, d, limits);
        assertThat(n.isEmpty()).isEqualTo(d.hasErrors());
        return d.sorted().stream().map(Diagnostic::format).toList();
    }

    @Test
    void aNulByteIsReportedWhereItIs() {
        String text = "site: s\n" + "# comment\n".repeat(10) + "devices:\n  d: { model: ab\0c }\n";
        assertThat(read(text)).containsExactly("f.yaml:13:17: error: the character U+0000 (NUL) is not allowed in YAML text; remove it [PP102]");
    }

    @Test
    void otherControlCharactersAndLoneSurrogatesToo() {
        assertThat(read("a: b\r\nc: \u001b[31m\n")).containsExactly("f.yaml:2:4: error: the character U+001B (ESC) is not allowed in YAML text; remove it [PP102]");
        assertThat(read("a: \ud800\n")).containsExactly("f.yaml:1:4: error: the character U+D800 is not allowed in YAML text; remove it [PP102]");
        assertThat(read("a: b\rc: \u0007\n")).as("a lone CR ends a line").containsExactly(
                "f.yaml:2:4: error: the character U+0007 is not allowed in YAML text; remove it [PP102]");
        assertThat(read("\uFEFFa: b\n")).isEmpty();
    }

    @Test
    void bytesThatAreNotUtf8AreReportedWhereTheyAre() throws Exception {
        byte[] latin1 = "site: s\ndescription: caf\u00e9 \u00fcber\n".getBytes(StandardCharsets.ISO_8859_1);
        Path f = Files.write(tmp.resolve("s.yaml"), latin1);
        Diagnostics d = new Diagnostics();
        assertThat(YamlReader.readText(f, "s.yaml", d)).isEmpty();
        assertThat(d.sorted().get(0).format()).isEqualTo(
                "s.yaml:2:17: error: the file is not UTF-8 text: byte 0xE9 cannot start or continue a UTF-8 character here; save the file as UTF-8 [PP101]");
        Diagnostics ok = new Diagnostics();
        assertThat(YamlReader.decode("u.yaml", "a: \u00e9\ud83d\ude00".getBytes(StandardCharsets.UTF_8), ok)).contains("a: \u00e9\ud83d\ude00");
    }

    @Test
    void fileSizeLimit() throws Exception {
        Path f = tmp.resolve("big.yaml");
        try (var ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'#'}), Limits.DEFAULT.fileBytes()); // sparse
        }
        Diagnostics d = new Diagnostics();
        assertThat(YamlReader.readText(f, "big.yaml", d)).isEmpty();
        assertThat(d.sorted().get(0).format()).isEqualTo("big.yaml: error: the file has 33554433 bytes, more than"
                + " portplan reads (limit: file size, 33554432 bytes) [PP103]");
    }

    @Test
    void lineLengthLimitStopsARunawayScalarBeforeTheParser() {
        String text = "a: b\ndescription: " + "x".repeat(10_000_000) + "\n";
        long t0 = System.nanoTime();
        assertThat(read(text)).containsExactly("f.yaml:2:65537: error: line 2 is longer than portplan reads (limit: line length, 65536 characters) [PP103]");
        assertThat(System.nanoTime() - t0).as("nanoseconds").isLessThan(2_000_000_000L);
    }

    @Test
    void scalarSizeLimitCatchesValuesSpreadOverLines() {
        String text = "description: \"" + ("word ".repeat(1000) + "\n  ").repeat(20) + "\"\n";
        assertThat(read(text)).containsExactly("f.yaml:1:14: error: this value has 100000 characters, more than portplan reads"
                + " (limit: scalar size, 65536 characters) [PP103]");
        assertThat(read("? \"" + "k".repeat(40_000) + "\n  " + "k".repeat(40_000) + "\"\n: 1\n")).singleElement().asString()
                .contains("(limit: scalar size, 65536 characters)");
    }

    @Test
    void nestingDepthLimit() {
        StringBuilder deep = new StringBuilder("a:\n");
        for (int i = 1; i <= 100; i++) {
            deep.append("  ".repeat(i)).append("- \n");
        }
        assertThat(read(deep.toString())).singleElement().asString()
                .startsWith("f.yaml:65:").endsWith("error: mappings and lists are nested too deeply (limit: nesting depth, 64 levels) [PP103]");
        assertThat(read("a: " + "[".repeat(65) + "]".repeat(65) + "\n")).singleElement().asString()
                .contains("(limit: nesting depth, 64 levels)");
        assertThat(read("a: " + "[".repeat(63) + "]".repeat(63) + "\n")).isEmpty();
    }

    @Test
    void valuesPerFileLimit() {
        Limits small = new Limits(1 << 20, 1 << 16, 1 << 16, 64, 1000, 100);
        assertThat(read("a: [" + "1,\n".repeat(997) + "1]\n", small)).isEmpty();
        assertThat(read("a: [" + "1,\n".repeat(998) + "1]\n", small)).containsExactly(
                "f.yaml:999:1: error: the file has more values (keys, list items and values) than portplan reads (limit: values per file, 1000) [PP103]");
        assertThat(Limits.DEFAULT.values()).isEqualTo(1_500_000);
    }

    @Test
    void aliasLimitStopsReadingAndBoundsTheOutput() {
        String text = "a: &x 1\n" + "b: [" + "*x, ".repeat(200_000) + "*x]\n".replace("\n", "") + "\n";
        List<String> out = read(text.replace("*x, ", "*x,\n  "));
        assertThat(out).hasSize(101);
        assertThat(out.get(0)).isEqualTo("f.yaml:2:5: error: YAML aliases (*x) are not supported; write the value out [PP107]");
        assertThat(out.get(100)).endsWith("error: too many YAML aliases; portplan stopped reading here (limit: aliases, 100) [PP103]");
    }

    @Test
    void errorsOfAnEarlierFileDoNotHideThisOne() {
        Diagnostics shared = new Diagnostics();
        assertThat(YamlReader.read("a.yaml", "a: [", shared)).isEmpty();
        assertThat(YamlReader.read("b.yaml", "b: 1\n", shared)).isPresent();
    }

    @Test
    void largeValidDocumentsAreNotCutAtSnakeYamlsDefaultLimit() {
        String text = ("# " + "-".repeat(70) + "\n").repeat(50_000) + "a: 1\n";
        assertThat(text.length()).isGreaterThan(3 * 1024 * 1024 + 1);
        assertThat(read(text)).isEmpty();
    }
}
