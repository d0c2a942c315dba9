package org.portplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portplan.cli.ErrorCasesTest.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.portplan.TestSupport;

/**
 * The site examples in the documentation are valid sites: no errors, no warnings; and links to
 * a section of another document (README to docs/targets.md, say) name a heading it has.
 */
class DocExamplesTest {

    private static final Pattern FIRST_YAML = Pattern.compile("```yaml\n(site:.*?)```", Pattern.DOTALL);

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "docs/site-format.md"})
    void theSiteExampleValidatesStrictly(String doc) throws Exception {
        Matcher m = FIRST_YAML.matcher(Files.readString(TestSupport.repo().resolve(doc), StandardCharsets.UTF_8));
        assertThat(m.find()).as("a yaml site example in " + doc).isTrue();
        Path site = Files.writeString(tmp.resolve("site.yaml"), m.group(1));
        ErrorCasesTest.Run r = run("validate", "--strict", site.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
    }

    private static final Pattern LINK = Pattern.compile("\\]\\(([A-Za-z0-9_./-]+\\.md)#([a-z0-9-]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "docs/site-format.md", "docs/targets.md", "docs/development.md", "docs/ci.md",
        "docs/repository.md", "docs/catalog.md"})
    void linksToSectionsNameExistingHeadings(String doc) throws Exception {
        Path from = TestSupport.repo().resolve(doc);
        Matcher m = LINK.matcher(Files.readString(from, StandardCharsets.UTF_8));
        while (m.find()) {
            Path target = from.getParent().resolve(m.group(1)).normalize();
            assertThat(target).as("%s links to %s", doc, m.group(1)).isRegularFile();
            assertThat(anchors(Files.readString(target, StandardCharsets.UTF_8))).as("sections of %s linked from %s", m.group(1), doc)
                    .contains(m.group(2));
        }
    }

    /** The anchors GitHub gives a document's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
    static java.util.List<String> anchors(String markdown) {
        java.util.List<String> out = new java.util.ArrayList<>();
        Matcher h = HEADING.matcher(markdown.replaceAll("(?s)```.*?```", ""));
        while (h.find()) {
            String slug = h.group(1).strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
            String unique = slug;
            for (int n = 1; out.contains(unique); n++) {
                unique = slug + "-" + n;
            }
            out.add(unique);
        }
        return out;
    }
}
