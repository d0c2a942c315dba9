package org.portplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.portplan.TestSupport;

/**
 * Bad sites: every {@code src/test/resources/errors/<case>/site.yaml} must fail with exit 1
 * and exactly the diagnostics in {@code expected.txt}, from both {@code validate} and
 * {@code compile}, and compile must write nothing. Regenerate with
 * {@code -Dportplan.golden.update=true} and review the diff.
 */
class ErrorCasesTest {

    private static final Path ERRORS = Path.of("src/test/resources/errors");

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @TestFactory
    Stream<DynamicTest> badSitesFailWithLocatedDiagnostics() throws IOException {
        try (Stream<Path> dirs = Files.list(TestSupport.repo().resolve(ERRORS))) {
            return dirs.sorted().map(Path::getFileName).toList().stream().map(name -> DynamicTest.dynamicTest(name.toString(), () -> {
                String site = ERRORS.resolve(name).resolve("site.yaml").toString();
                Run validate = run("validate", site);
                Path outDir = tmp.resolve(name + "-out");
                Run compile = run("compile", site, "-o", outDir.toString());
                String actual = "exit " + validate.code() + "\n" + validate.err();
                Path expectedFile = TestSupport.repo().resolve(ERRORS).resolve(name).resolve("expected.txt");
                if (Boolean.getBoolean("portplan.golden.update")) {
                    Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
                }
                assertThat(actual).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
                assertThat(validate.code()).isEqualTo(ExitCode.INVALID.code());
                assertThat(validate.out()).isEmpty();
                assertThat(validate.err()).doesNotContain("Exception", "\tat ");
                assertThat(compile.code()).isEqualTo(ExitCode.INVALID.code());
                assertThat(compile.err()).isEqualTo(validate.err());
                assertThat(outDir).doesNotExist();
            }));
        }
    }
}
