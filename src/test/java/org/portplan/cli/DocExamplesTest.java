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

/** The site examples in the documentation are valid sites: no errors, no warnings. */
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
}
