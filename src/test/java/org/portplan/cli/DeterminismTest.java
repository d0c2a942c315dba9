package org.portplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portplan.engine.Engine;

/**
 * Every command on every example, golden case and error case, run in separate JVMs with
 * different locales and time zones, prints and writes the same bytes. Hash-based collections
 * such as {@code Map.copyOf} iterate in an order that changes from one JVM run to the next,
 * so one JVM alone cannot show this.
 */
class DeterminismTest {

    @TempDir
    Path tmp;

    /** The two JVMs get locales and time zones far apart (Turkish for its dotless i). */
    private static final List<List<String>> JVMS = List.of(
            List.of("-Duser.language=en", "-Duser.country=US", "-Duser.timezone=UTC"),
            List.of("-Duser.language=tr", "-Duser.country=TR", "-Duser.timezone=Pacific/Kiritimati"));

    @Test
    void everyCommandGivesTheSameBytesInEveryJvm() throws Exception {
        List<CompletableFuture<InternalFailureTest.Child>> runs = new ArrayList<>();
        for (int i = 0; i < JVMS.size(); i++) {
            Path out = Files.createDirectories(tmp.resolve("jvm" + i));
            List<String> options = new ArrayList<>(JVMS.get(i));
            options.add("-XX:TieredStopAtLevel=1");
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return InternalFailureTest.javaMain(options, Driver.class.getName(), out.toString());
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<byte[]> dumps = new ArrayList<>();
        for (int i = 0; i < JVMS.size(); i++) {
            InternalFailureTest.Child c = runs.get(i).get();
            assertThat(c.code()).as(c.err()).isZero();
            dumps.add(Files.readAllBytes(tmp.resolve("jvm" + i).resolve("dump.txt")));
        }
        String first = new String(dumps.get(0), StandardCharsets.UTF_8);
        assertThat(first).contains("== catalog show allworx-phone", "== compile examples/all-vendors/site.yaml",
                "== validate src/test/resources/errors/one-pass/site.yaml");
        for (int i = 1; i < dumps.size(); i++) {
            List<String> a = first.lines().toList();
            List<String> b = new String(dumps.get(i), StandardCharsets.UTF_8).lines().toList();
            int line = 0;
            while (line < a.size() && line < b.size() && a.get(line).equals(b.get(line))) {
                line++;
            }
            String command = a.subList(0, Math.min(line + 1, a.size())).stream().filter(l -> l.startsWith("== "))
                    .reduce((x, y) -> y).orElse("?");
            assertThat(line == a.size() && line == b.size()).as("JVM %s and JVM %s differ at line %d, in '%s': '%s' vs '%s'",
                    JVMS.get(0), JVMS.get(i), line + 1, command, line < a.size() ? a.get(line) : "<end>",
                    line < b.size() ? b.get(line) : "<end>").isTrue();
            assertThat(dumps.get(i)).isEqualTo(dumps.get(0));
        }
    }

    /** Runs every command in one JVM and writes what they print and write to OUT/dump.txt. */
    public static final class Driver {

        private Driver() {
        }

        public static void main(String[] args) throws Exception {
            Path out = Path.of(args[0]);
            StringBuilder dump = new StringBuilder();
            List<String> sites = new ArrayList<>();
            sites.addAll(list("examples"));
            sites.addAll(list("src/test/resources/golden/cases"));
            int n = 0;
            for (String site : sites) {
                Path dir = out.resolve("out" + n++);
                // A lock of its own: the golden cases keep none, and the test writes nothing into the repository.
                run(dump, out, "compile", site, "-o", dir.toString(), "--target", "all", "--lock", dir + ".lock");
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.sorted().toList()) {
                        dump.append("-- file ").append(f.getFileName()).append('\n').append(Files.readString(f));
                    }
                }
                for (String format : List.of("text", "markdown", "json")) {
                    run(dump, out, "plan", site, "--format", format);
                }
                run(dump, out, "validate", site);
            }
            for (String site : list("src/test/resources/errors")) {
                run(dump, out, "validate", site);
                run(dump, out, "compile", site, "-o", out.resolve("never").toString());
            }
            run(dump, out, "catalog", "list");
            run(dump, out, "catalog", "list", "--catalog", "src/test/resources/catalogs/broken");
            for (String model : Engine.loadCatalog(Optional.empty()).value().orElseThrow().models().keySet()) {
                run(dump, out, "catalog", "show", model);
            }
            Files.writeString(out.resolve("dump.txt"), dump, StandardCharsets.UTF_8);
        }

        private static List<String> list(String parent) throws IOException {
            try (Stream<Path> dirs = Files.list(Path.of(parent))) {
                return dirs.map(d -> d.resolve("site.yaml")).filter(Files::isRegularFile).map(Path::toString).sorted().toList();
            }
        }

        private static void run(StringBuilder dump, Path scratch, String... args) {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            ByteArrayOutputStream e = new ByteArrayOutputStream();
            int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
            dump.append("== ").append(String.join(" ", args).replace(scratch.toString(), "$OUT")).append("\nexit ")
                    .append(code).append("\n-- stdout\n").append(o.toString(StandardCharsets.UTF_8).replace(scratch.toString(), "$OUT"))
                    .append("-- stderr\n").append(e.toString(StandardCharsets.UTF_8).replace(scratch.toString(), "$OUT"));
        }
    }
}
