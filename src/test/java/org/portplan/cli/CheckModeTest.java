package org.portplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portplan.cli.ErrorCasesTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compile --check}: writes nothing, lists what is out of date, exit 1; exit 0 when up to date. */
class CheckModeTest {

    @TempDir
    Path tmp;

    private static String listing(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            StringBuilder sb = new StringBuilder();
            for (Path f : files.sorted().toList()) {
                sb.append(dir.relativize(f)).append(Files.isRegularFile(f) ? " " + Files.readString(f).hashCode() : "")
                        .append('\n');
            }
            return sb.toString();
        }
    }

    @Test
    void findsEditedMissingAndExtraFilesAndTheLock() throws Exception {
        Path site = tmp.resolve("office.yaml");
        Files.copy(Path.of("examples/all-vendors/site.yaml"), site);
        Path out = tmp.resolve("out");
        assertThat(run("compile", site.toString(), "-o", out.toString(), "--target", "all").code()).isZero();
        ErrorCasesTest.Run fresh = run("compile", site.toString(), "-o", out.toString(), "--target", "all", "--check");
        assertThat(fresh.code()).as(fresh.err()).isZero();
        assertThat(fresh.out()).isEmpty();

        // A hand edit, a deleted file, and an output of a platform the next check does not ask for.
        Files.writeString(out.resolve("gw.pf"), Files.readString(out.resolve("gw.pf")).replace("block in all", "pass in all"));
        Files.delete(out.resolve("plan.md"));
        String before = listing(tmp);
        ErrorCasesTest.Run r = run("compile", site.toString(), "-o", out.toString(), "--target", "pf", "--check");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out().lines()).containsExactlyInAnyOrder(
                "stale " + out.resolve("gw.pf"),
                "missing " + out.resolve("plan.md"),
                "extra " + out.resolve("gw.asa"),
                "extra " + out.resolve("gw.iptables"),
                "extra " + out.resolve("gw.nftables"),
                "extra " + out.resolve("gw.pix"));
        assertThat(r.err()).contains("portplan: 6 files out of date; run 'portplan compile' without --check to update them");
        assertThat(listing(tmp)).as("--check writes nothing").isEqualTo(before);

        // A site change that moves the lock is out of date too, though DIR may not be.
        assertThat(run("compile", site.toString(), "-o", out.toString(), "--target", "all").code()).isZero();
        Files.writeString(site, Files.readString(site).replace("  desk: { model: allworx-phone, address: 10.51.0.10, count: 2 }",
                "  desk: { model: allworx-phone, address: 10.51.0.10, count: 3 }"));
        ErrorCasesTest.Run lock = run("compile", site.toString(), "-o", out.toString(), "--target", "all", "--check");
        assertThat(lock.code()).isEqualTo(1);
        assertThat(lock.out()).contains("stale " + tmp.resolve("office.lock") + " (the lock file would change)",
                "stale " + out.resolve("gw.pf"));
    }
}
