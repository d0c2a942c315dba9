package org.portplan.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.portplan.TestSupport;
import org.portplan.core.Platform;
import org.portplan.diag.Diagnostic;
import org.portplan.engine.Engine;
import org.portplan.engine.Outputs;
import org.portplan.engine.Result;
import org.portplan.report.PlanJson;
import org.portplan.report.PlanReport;

/**
 * Golden files: every site under {@code src/test/resources/golden/cases/<case>/site.yaml} and
 * every {@code examples/<name>/site.yaml} is compiled for every platform, and each output
 * (rule files, plan.md, plan.json, plan.txt, diagnostics.txt) must equal the file kept in the
 * case's {@code expected/} directory (examples: {@code golden/examples/<name>/}).
 *
 * <p>To accept new output, run {@code mvn test -Dtest=GoldenTest -Dportplan.golden.update=true}
 * and read the diff before committing it.
 */
class GoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("portplan.golden.update");

    private record Case(String name, Path site, Path expected) {
    }

    private static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        Path repo = TestSupport.repo();
        try (Stream<Path> dirs = Files.list(repo.resolve(GOLDEN).resolve("cases"))) {
            for (Path d : dirs.sorted().toList()) {
                out.add(new Case("cases/" + d.getFileName(), GOLDEN.resolve("cases").resolve(d.getFileName()).resolve("site.yaml"),
                        d.resolve("expected")));
            }
        }
        try (Stream<Path> dirs = Files.list(repo.resolve("examples"))) {
            for (Path d : dirs.sorted().toList()) {
                out.add(new Case("examples/" + d.getFileName(), Path.of("examples").resolve(d.getFileName()).resolve("site.yaml"),
                        repo.resolve(GOLDEN).resolve("examples").resolve(d.getFileName())));
            }
        }
        return out;
    }

    /** Everything a case produces, by file name. */
    private static Map<String, String> produce(Case c) throws Exception {
        // Relative paths (surefire runs in the repository root) keep diagnostics machine-independent.
        Result<Outputs> r = Engine.compile(TestSupport.catalog(), c.site(), EnumSet.allOf(Platform.class));
        Map<String, String> files = new TreeMap<>();
        StringBuilder diags = new StringBuilder();
        for (Diagnostic d : r.diagnostics().sorted()) {
            diags.append(d.format()).append('\n');
        }
        files.put("diagnostics.txt", diags.toString());
        if (r.value().isPresent()) {
            Outputs o = r.value().get();
            files.putAll(o.files());
            files.put("plan.json", PlanJson.write(o.plan()));
            files.put("plan.txt", PlanReport.text(o.plan(), r.diagnostics().acknowledged()));
        }
        return files;
    }

    @TestFactory
    Stream<DynamicTest> outputsMatchTheGoldenFiles() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Map<String, String> actual = produce(c);
            assertThat(produce(c)).as("a second compile gives the same bytes").isEqualTo(actual);
            if (UPDATE) {
                write(c.expected(), actual);
                return;
            }
            assertThat(Files.isDirectory(c.expected()))
                    .as("no golden files for %s; run with -Dportplan.golden.update=true and review them", c.name()).isTrue();
            Set<String> expectedNames = new TreeSet<>();
            try (Stream<Path> files = Files.list(c.expected())) {
                files.forEach(f -> expectedNames.add(f.getFileName().toString()));
            }
            assertThat(actual.keySet()).as("output files of %s", c.name()).containsExactlyInAnyOrderElementsOf(expectedNames);
            for (Map.Entry<String, String> e : actual.entrySet()) {
                String expected = Files.readString(c.expected().resolve(e.getKey()), StandardCharsets.UTF_8);
                assertThat(e.getValue()).as("%s/%s differs from the golden file", c.name(), e.getKey()).isEqualTo(expected);
            }
        }));
    }

    /** The examples show a site as it lives in a repository: with its lock file committed and up to date. */
    @TestFactory
    Stream<DynamicTest> examplesCarryUpToDateLockFiles() throws IOException {
        return cases().stream().filter(c -> c.name().startsWith("examples/")).map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Path lock = TestSupport.repo().resolve(c.site()).resolveSibling("site.lock");
            assertThat(lock).as("%s has a lock file", c.name()).isRegularFile();
            var plan = Engine.plan(TestSupport.catalog(), c.site()).value().orElseThrow();
            assertThat(plan.lockChanges()).as("changes the plan makes to %s", lock).isEmpty();
            assertThat(org.portplan.lock.LockFile.write(plan.site(), plan.lock()))
                    .isEqualTo(Files.readString(lock, StandardCharsets.UTF_8));
        }));
    }

    private static void write(Path dir, Map<String, String> files) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path f : old.toList()) {
                if (!files.containsKey(f.getFileName().toString())) {
                    Files.delete(f);
                }
            }
        }
        for (Map.Entry<String, String> e : files.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
    }
}
