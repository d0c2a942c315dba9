package org.portplan.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portplan.diag.Diagnostic;
import org.portplan.diag.Diagnostics;

/** Each catalog file's errors are its own: a bad file neither hides later files nor blames correct ones. */
class CatalogLoaderTest {

    private static List<String> load(List<SourceText> files) {
        Diagnostics d = new Diagnostics();
        assertThat(CatalogLoader.load(files, d)).isEmpty();
        return d.sorted().stream().map(Diagnostic::format).toList();
    }

    /** The shipped catalog with one file's text changed. */
    private static List<SourceText> shippedWith(String file, String from, String to) {
        List<SourceText> out = new ArrayList<>();
        for (SourceText f : CatalogSource.bundled()) {
            if (f.name().equals(file)) {
                assertThat(f.text()).contains(from);
                out.add(new SourceText(f.name(), f.text().replaceFirst(java.util.regex.Pattern.quote(from), to)));
            } else {
                out.add(f);
            }
        }
        return out;
    }

    @Test
    void aMisspelledKeyIsOneErrorNotACascade() {
        List<String> errors = load(shippedWith("catalog/allworx.yaml", "    pools:", "    pool:"));
        assertThat(errors).containsExactly("catalog/allworx.yaml:59:5: error: unknown key 'pool' in model 'allworx-phone'"
                + " (did you mean 'pools'?); allowed keys: instructions, params, pools, roles, settings, source, title [PP110]");
    }

    @Test
    void aFileThatIsNotYamlDoesNotHideTheErrorsOfLaterFiles() {
        List<SourceText> files = new ArrayList<>(shippedWith("catalog/net2phone.yaml", "  net2phone-max:\n", "  net2phone-max:\n    colour: red\n"));
        files.add(0, new SourceText("catalog/aaa-broken.yaml", "vendor: [unclosed\n"));
        List<String> errors = load(files);
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith("catalog/aaa-broken.yaml:2:1: error: malformed YAML");
        assertThat(errors.get(1)).startsWith("catalog/net2phone.yaml:").contains("unknown key 'colour' in model 'net2phone-max'");
    }

    @Test
    void aBrokenDocumentIsNotReportedAgainAtEveryCitation() {
        List<String> errors = load(shippedWith("catalog/common.yaml", "    title: \"RFC 3261", "    titel: \"RFC 3261"));
        assertThat(errors).hasSize(1).allMatch(e -> e.startsWith("catalog/common.yaml:6:5: error: unknown key 'titel'"));
    }

    @Test
    void aCatalogFileThatIsNotUtf8IsALocatedError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.write(dir.resolve("a.yaml"), "vendor: Caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        java.nio.file.Files.writeString(dir.resolve("b.yaml"), "vendor: B\n");
        Diagnostics d = new Diagnostics();
        List<SourceText> files = CatalogSource.directory(dir, d);
        assertThat(files).extracting(SourceText::name).containsExactly(dir + "/b.yaml");
        assertThat(d.sorted()).singleElement().extracting(Diagnostic::format).isEqualTo(dir
                + "/a.yaml:1:12: error: the file is not UTF-8 text: byte 0xE9 cannot start or continue a UTF-8 character here;"
                + " save the file as UTF-8 [PP101]");
    }

    @Test
    void realDanglingReferencesAreStillReported() {
        List<String> errors = load(shippedWith("catalog/allworx.yaml", "udp blf", "udp bfl"));
        assertThat(errors).singleElement().asString().contains("has no pool 'bfl' (did you mean 'blf'?)");
    }
}
