package org.portplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.portplan.cli.ErrorCasesTest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portplan.TestSupport;

/**
 * {@code compile -o DIR} as the user sees it: an error leaves DIR untouched, DIR may be a mount
 * point or sit under a read-only parent, and files of removed firewalls are pruned only when
 * portplan wrote them.
 */
class OutputContractTest {

    private static final String ALLWORX = "examples/allworx-remote/site.yaml";

    @TempDir
    Path tmp;

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aPlannedNameTakenByADirectoryExitsOneAndLeavesDirUntouched() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("edge.iptables"), "old rules\n");
        Files.createDirectory(out.resolve("plan.md"));
        ErrorCasesTest.Run r = run("compile", ALLWORX, "-o", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("cannot write to '" + out + "'", "plan.md", "not a regular file");
        assertThat(Files.readString(out.resolve("edge.iptables"))).isEqualTo("old rules\n");
        assertThat(names(out)).containsExactly("edge.iptables", "plan.md");
    }

    @Test
    void rulesOfAFirewallRemovedFromTheSiteArePrunedOnlyIfPortplanWroteThem() throws Exception {
        Path out = tmp.resolve("out");
        Path site = tmp.resolve("site.yaml");
        String two = Files.readString(TestSupport.repo().resolve(ALLWORX)).replace("firewalls:\n", """
                firewalls:
                  branch2:
                    platform: pf
                    interfaces:
                      outside: { name: em0, address: 192.0.2.10/29 }
                      inside: { name: em1, address: 10.99.0.1/24 }
                """);
        Files.writeString(site, two);
        assertThat(run("compile", site.toString(), "-o", out.toString()).code()).isZero();
        Files.writeString(out.resolve("notes.pf"), "an admin's own file\n");
        assertThat(names(out)).contains("branch2.pf", "edge.iptables", "plan.md");

        Files.writeString(site, Files.readString(TestSupport.repo().resolve(ALLWORX)));
        ErrorCasesTest.Run r = run("compile", site.toString(), "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("removed '" + out.resolve("branch2.pf") + "'");
        assertThat(names(out)).containsExactly(".portplan-manifest", "edge.iptables", "notes.pf", "plan.md");
    }

    @Test
    void outputOnAMountPointAndUnderAReadOnlyParent() throws Exception {
        Path parent = Files.createDirectories(tmp.resolve("ro"));
        Path out = parent.resolve("out");
        assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", parent.toString()),
                "needs root and mount(8) to build a mount point");
        try {
            Files.createDirectory(out);
            assertThat(sh("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", out.toString())).isTrue();
            assertThat(sh("mount", "-o", "remount,ro", parent.toString())).isTrue();
            Files.writeString(out.resolve("edge.iptables"), "old rules\n");
            ErrorCasesTest.Run r = run("compile", ALLWORX, "-o", out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(Files.readString(out.resolve("edge.iptables"))).startsWith("# portplan: site branch-office");
            assertThat(names(out)).containsExactly(".portplan-manifest", "edge.iptables", "plan.md");
        } finally {
            sh("umount", out.toString());
            sh("umount", parent.toString());
        }
    }

    @Test
    void outputUnderAParentWithoutWritePermission() throws Exception {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root ignores directory permissions");
        Path parent = Files.createDirectories(tmp.resolve("locked"));
        Path out = Files.createDirectory(parent.resolve("out"));
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            ErrorCasesTest.Run r = run("compile", ALLWORX, "-o", out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(names(out)).containsExactly(".portplan-manifest", "edge.iptables", "plan.md");
        } finally {
            Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static boolean sh(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
