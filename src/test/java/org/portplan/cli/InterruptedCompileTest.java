package org.portplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portplan.cli.ErrorCasesTest.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portplan.TestSupport;
import org.portplan.core.Platform;
import org.portplan.engine.Engine;
import org.portplan.engine.OutputWriter;

/**
 * Kills a real {@code portplan compile} (a child JVM, SIGKILL) at random moments of writing
 * hundreds of files, and checks the output contract after every kill and after the next run:
 * no partly written file ever; without a journal the directory holds the complete old or the
 * complete new set; with one, whole old and new files; the next run, even a failing one,
 * leaves a complete set and no journal. {@code -Dportplan.kills=N} runs more rounds.
 */
class InterruptedCompileTest {

    private static final int FIREWALLS = 100;

    @TempDir
    Path tmp;

    private enum State { OLD, NEW, MIX }

    @Test
    void killedCompilesNeverLeaveAMixedOrPartialOutput() throws Exception {
        Path siteA = Files.writeString(tmp.resolve("a.yaml"), site("kill-a", FIREWALLS));
        Path siteB = Files.writeString(tmp.resolve("b.yaml"), site("kill-b", FIREWALLS - 10));
        Path broken = Files.writeString(tmp.resolve("broken.yaml"), "site: broken\nfirewalls: {}\n");
        Map<String, String> a = outputs(siteA);
        Map<String, String> b = outputs(siteB);
        assertThat(a.size()).isGreaterThan(300);
        b.forEach((name, text) -> assertThat(a.get(name)).as("A and B differ in every common file").isNotEqualTo(text));

        Path dir = tmp.resolve("out");
        assertThat(run("compile", siteA.toString(), "-o", dir.toString(), "--target", "all").code()).isZero();
        Map<String, String> current = a;
        Random random = new Random(Long.getLong("portplan.kills.seed", System.nanoTime()));
        int rounds = Integer.getInteger("portplan.kills", 6);
        long windowNanos = TimeUnit.MILLISECONDS.toNanos(400);
        Map<State, Integer> seen = new TreeMap<>();
        int killedWhileWriting = 0;
        for (int round = 0; round < rounds; round++) {
            Map<String, String> next = current == a ? b : a;
            Path site = next == a ? siteA : siteB;
            Process p = child(site, dir);
            long stagedAt = waitForStaging(p, dir);
            if (stagedAt > 0) {
                TimeUnit.NANOSECONDS.sleep((long) (random.nextDouble() * windowNanos));
            }
            boolean finished = !p.isAlive();
            p.destroyForcibly();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            if (finished && stagedAt > 0) {
                // The whole write fitted in the delay: aim later kills at a narrower window.
                windowNanos = windowNanos * 2 / 3;
            } else if (stagedAt > 0) {
                killedWhileWriting++;
            }
            State state = check(dir, current, next, true);
            seen.merge(state, 1, Integer::sum);

            // The next run fails on its own site, but first completes or discards the interrupted write.
            ErrorCasesTest.Run after = run("compile", broken.toString(), "-o", dir.toString());
            assertThat(after.code()).as(after.err()).isEqualTo(1);
            State recovered = check(dir, current, next, false);
            current = recovered == State.NEW ? next : current;
        }
        Map<String, String> last = current == a ? b : a;
        ErrorCasesTest.Run done = run("compile", (last == a ? siteA : siteB).toString(), "-o", dir.toString(), "--target", "all");
        assertThat(done.code()).as(done.err()).isZero();
        assertThat(check(dir, current, last, false)).isEqualTo(State.NEW);
        System.out.printf("InterruptedCompileTest: %d kills, %d while writing, states %s, write window %d ms%n",
                rounds, killedWhileWriting, seen, TimeUnit.NANOSECONDS.toMillis(windowNanos));
        assertThat(killedWhileWriting).as("at least one kill hit the write").isPositive();
    }

    /** Checks the invariant and says which state the directory is in. */
    private static State check(Path dir, Map<String, String> old, Map<String, String> now, boolean mayBeMixed)
            throws IOException {
        Map<String, String> files = new TreeMap<>();
        boolean journal = Files.exists(dir.resolve(OutputWriter.JOURNAL), LinkOption.NOFOLLOW_LINKS);
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".portplan-")) {
                    assertThat(mayBeMixed || name.equals(OutputWriter.MANIFEST)).as("leftover " + name + " after a run").isTrue();
                    continue;
                }
                files.put(name, Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            assertThat(f.getValue().equals(old.get(f.getKey())) || f.getValue().equals(now.get(f.getKey())))
                    .as("%s is a whole old or new file", f.getKey()).isTrue();
        }
        if (files.equals(new TreeMap<>(old))) {
            return State.OLD;
        }
        if (files.equals(new TreeMap<>(now))) {
            return State.NEW;
        }
        assertThat(journal).as("a mix of old and new files is marked incomplete by the journal").isTrue();
        assertThat(mayBeMixed).as("the next run completes or rolls back a mix").isTrue();
        return State.MIX;
    }

    /** Waits until the child starts staging (its System.nanoTime()), or 0 when it ended first. */
    private static long waitForStaging(Process p, Path dir) throws InterruptedException {
        Path staging = dir.resolve(OutputWriter.STAGING);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
                return System.nanoTime();
            }
            if (!p.isAlive()) {
                return 0;
            }
            Thread.sleep(0, 200_000);
        }
        throw new AssertionError("the child compile never started writing");
    }

    private static Process child(Path site, Path dir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", cp,
                Main.class.getName(), "compile", site.toString(), "-o", dir.toString(), "--target", "all"));
        return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static Map<String, String> outputs(Path site) throws Exception {
        return Engine.compile(TestSupport.catalog(), site, EnumSet.allOf(Platform.class)).value().orElseThrow().files();
    }

    /** {@code firewalls} firewalls with three phones each: 3 rule files per firewall with {@code --target all}. */
    static String site(String name, int firewalls) {
        StringBuilder s = new StringBuilder("site: " + name + "\nfirewalls:\n");
        for (int n = 1; n <= firewalls; n++) {
            s.append("  fw").append(n).append(":\n    platform: iptables\n    interfaces:\n")
                    .append("      outside: { name: eth0, address: 100.64.").append(n).append(".1/24 }\n")
                    .append("      inside: { name: eth1, address: 10.").append(n).append(".0.1/24 }\n");
        }
        s.append("devices:\n");
        for (int n = 1; n <= firewalls; n++) {
            s.append("  p").append(n).append(": { model: allworx-phone, address: 10.").append(n).append(".0.10, count: 3 }\n");
        }
        return s.append("peers:\n  hq: { role: allworx-server, addresses: [198.51.100.7] }\n").toString();
    }
}
