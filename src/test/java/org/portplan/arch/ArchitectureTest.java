package org.portplan.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portplan.TestSupport;

/** The package rules of docs/development.md, read off the sources' import lines. */
class ArchitectureTest {

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([a-zA-Z0-9_.]+)\\.[A-Za-z0-9_*]+;", Pattern.MULTILINE);
    private static final String ROOT = "org.portplan.";
    /** Package of each main source file, and the packages it imports. */
    private static final Map<String, Set<String>> importsByFile = new TreeMap<>();
    private static final Map<String, String> packageOfFile = new TreeMap<>();

    @BeforeAll
    static void read() throws IOException {
        Path src = TestSupport.repo().resolve("src/main/java");
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                String pkg = src.relativize(f.getParent()).toString().replace('/', '.');
                Set<String> imports = new TreeSet<>();
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    imports.add(m.group(1));
                }
                // Fully qualified uses in code (java.util.Objects.requireNonNull, org.portplan.x.Y) count too.
                Matcher q = Pattern.compile("\\b(org\\.portplan(?:\\.[a-z]+)+)\\.[A-Z]").matcher(text);
                while (q.find()) {
                    imports.add(q.group(1));
                }
                String name = src.relativize(f).toString();
                importsByFile.put(name, imports);
                packageOfFile.put(name, pkg);
            }
        }
        assertThat(importsByFile).as("main sources under %s", src).isNotEmpty();
    }

    private static List<String> violations(String pkgPrefix, java.util.function.Predicate<String> allowed) {
        List<String> out = new ArrayList<>();
        importsByFile.forEach((file, imports) -> {
            if (packageOfFile.get(file).startsWith(pkgPrefix)) {
                imports.stream().filter(i -> !allowed.test(i)).forEach(i -> out.add(file + " imports " + i));
            }
        });
        return out;
    }

    @Test
    void emittersSeeOnlyTheRuleModel() {
        assertThat(violations("org.portplan.emit", i -> i.startsWith("java.")
                || i.equals(ROOT + "core") || i.equals(ROOT + "rules") || i.startsWith(ROOT + "emit"))).isEmpty();
    }

    @Test
    void theRuleModelDependsOnlyOnCoreTypes() {
        assertThat(violations("org.portplan.rules", i -> i.startsWith("java.") || i.equals(ROOT + "core")
                || i.equals(ROOT + "rules"))).isEmpty();
    }

    @Test
    void onlyTheCliUsesPicocliAndOnlyTheYamlPackageUsesJackson() {
        List<String> bad = new ArrayList<>();
        importsByFile.forEach((file, imports) -> {
            String pkg = packageOfFile.get(file);
            for (String i : imports) {
                if (i.startsWith("picocli") && !pkg.equals(ROOT + "cli")) {
                    bad.add(file + " imports " + i);
                }
                if (i.startsWith("com.fasterxml") && !pkg.equals(ROOT + "yaml")) {
                    bad.add(file + " imports " + i);
                }
            }
        });
        assertThat(bad).isEmpty();
    }

    @Test
    void packagesHaveNoCycles() {
        Map<String, Set<String>> deps = new TreeMap<>();
        importsByFile.forEach((file, imports) -> {
            String pkg = packageOfFile.get(file);
            Set<String> d = deps.computeIfAbsent(pkg, k -> new TreeSet<>());
            imports.stream().filter(i -> i.startsWith(ROOT) && !i.equals(pkg)).forEach(d::add);
        });
        List<String> cycles = new ArrayList<>();
        for (String start : deps.keySet()) {
            // A package that reaches itself through its dependencies is on a cycle.
            Set<String> seen = new HashSet<>();
            List<String> stack = new ArrayList<>(deps.getOrDefault(start, Set.of()));
            while (!stack.isEmpty()) {
                String p = stack.remove(stack.size() - 1);
                if (p.equals(start)) {
                    cycles.add(start);
                    break;
                }
                if (seen.add(p)) {
                    stack.addAll(deps.getOrDefault(p, Set.of()));
                }
            }
        }
        assertThat(cycles).as("packages on an import cycle; dependencies: %s", deps).isEmpty();
    }
}
