package org.portplan;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.portplan.core.Platform;
import org.portplan.diag.Diagnostic;
import org.portplan.engine.Engine;
import org.portplan.engine.Outputs;
import org.portplan.engine.Result;

/** The sites the engine tests check: every example, every golden case and every network-test fixture. */
public final class Sites {

    private Sites() {
    }

    /** Repository-relative paths of every site file, in a stable order. */
    public static List<String> all() throws IOException {
        Path repo = TestSupport.repo();
        List<String> out = new ArrayList<>();
        out.addAll(list(repo, "examples", true));
        out.addAll(list(repo, "src/test/resources/golden/cases", true));
        out.addAll(list(repo, "src/test/resources/netns", false));
        if (out.isEmpty()) {
            throw new IllegalStateException("no site files found under " + repo);
        }
        return out;
    }

    private static List<String> list(Path repo, String dir, boolean folders) throws IOException {
        try (Stream<Path> s = Files.list(repo.resolve(dir))) {
            return s.map(p -> folders ? p.resolve("site.yaml") : p)
                    .filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".yaml"))
                    .map(p -> repo.relativize(p).toString()).sorted().toList();
        }
    }

    /** Compiles {@code site} for one platform, failing the test with the diagnostics when it does not compile. */
    public static Outputs compile(String site, Platform platform) throws Exception {
        Result<Outputs> r = Engine.compile(TestSupport.catalog(), TestSupport.repo().resolve(site), Set.of(platform));
        if (!r.ok()) {
            fail(site + " does not compile: "
                    + r.diagnostics().sorted().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        }
        return r.value().orElseThrow();
    }

    /** What {@code check} finds wrong in each firewall's file of {@code site} compiled for {@code platform}. */
    public static List<String> problems(String site, Platform platform,
                                        java.util.function.BiFunction<org.portplan.rules.FirewallPlan, String, List<String>> check)
            throws Exception {
        Outputs o = compile(site, platform);
        List<String> problems = new ArrayList<>();
        for (org.portplan.rules.FirewallPlan fw : o.plan().firewalls()) {
            problems.addAll(check.apply(fw, o.files().get(fw.name() + "." + platform.id())));
        }
        return problems;
    }
}
