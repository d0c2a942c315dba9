package org.portplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portplan.cli.ErrorCasesTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock file through the command line: compile writes it, --locked guards it, --repack renews it. */
class LockCliTest {

    private static final String SITE = """
            site: office
            firewalls:
              fw:
                platform: iptables
                interfaces:
                  outside: { name: eth0, address: 203.0.113.10/29 }
                  inside:  { name: eth1, address: 10.0.0.1/24 }
            peers:
              hq: { role: allworx-server, addresses: [198.51.100.7] }
            devices:
              a: { model: allworx-phone, address: 10.0.0.11 }
              b: { model: allworx-phone, address: 10.0.0.12 }
            """;

    @TempDir
    Path tmp;
    Path site;
    Path lock;
    Path out;

    @BeforeEach
    void site() throws Exception {
        site = tmp.resolve("office.yaml");
        lock = tmp.resolve("office.lock");
        out = tmp.resolve("out");
        Files.writeString(site, SITE);
    }

    @Test
    void compileWritesTheLockBesideTheSiteOnlyWhenItChanges() throws Exception {
        ErrorCasesTest.Run first = run("compile", site.toString(), "-o", out.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out().lines()).contains(lock.toString());
        String text = Files.readString(lock);
        assertThat(text).contains("lock-version: 1", "udp 5060 a sip allworx-phone", "udp 5061 b sip allworx-phone");
        ErrorCasesTest.Run second = run("compile", site.toString(), "-o", out.toString());
        assertThat(second.out().lines()).doesNotContain(lock.toString());
        assertThat(Files.readString(lock)).isEqualTo(text);
    }

    @Test
    void lockedFailsListingWhatWouldChangeAndWritesNothing() throws Exception {
        assertThat(run("compile", site.toString(), "-o", out.toString()).code()).isZero();
        String locked = Files.readString(lock);
        // Remove a, add c: the lock would release a's ports and add c's.
        Files.writeString(site, SITE.replace("  a: { model: allworx-phone, address: 10.0.0.11 }\n", "")
                + "  c: { model: allworx-phone, address: 10.0.0.13 }\n");
        Path out2 = tmp.resolve("out2");
        ErrorCasesTest.Run r = run("compile", site.toString(), "-o", out2.toString(), "--locked");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(
                "office.lock:15:9: error: the lock file is not up to date (--locked): - a blf: udp 2088 at 203.0.113.10"
                        + " (device 'a' is no longer in the site) [PP520]",
                // A new allocation has no line in the lock file yet: it is reported at its device in the site.
                "office.yaml:12:3: error: the lock file is not up to date (--locked): + c sip: udp 5060 at 203.0.113.10 [PP520]");
        assertThat(out2).doesNotExist();
        assertThat(Files.readString(lock)).isEqualTo(locked);
        // validate --locked says the same; without --locked it passes with notes.
        assertThat(run("validate", site.toString(), "--locked").code()).isEqualTo(1);
        ErrorCasesTest.Run v = run("validate", site.toString());
        assertThat(v.code()).isZero();
        assertThat(v.err()).contains("note: blf of 'a' (udp 2088 at 203.0.113.10) is released: device 'a' is no longer in the site");
        // b kept 5061 and c took a's old ports once compile accepted the change.
        assertThat(run("compile", site.toString(), "-o", out2.toString()).code()).isZero();
        assertThat(Files.readString(lock)).contains("udp 5060 c sip allworx-phone", "udp 5061 b sip allworx-phone");
        assertThat(run("validate", site.toString(), "--locked").code()).isZero();
    }

    @Test
    void lockedWithoutALockFileFails() {
        ErrorCasesTest.Run r = run("validate", site.toString(), "--locked");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("office.lock: error: there is no lock file (--locked)");
    }

    @Test
    void repackRenewsTheLockAndSaysWhatToReconfigure() throws Exception {
        assertThat(run("compile", site.toString(), "-o", out.toString()).code()).isZero();
        Files.writeString(site, SITE.replace("  a: { model: allworx-phone, address: 10.0.0.11 }\n", ""));
        assertThat(run("compile", site.toString(), "-o", out.toString()).code()).isZero();
        assertThat(Files.readString(lock)).contains("udp 5061 b sip allworx-phone");
        ErrorCasesTest.Run r = run("compile", site.toString(), "-o", out.toString(), "--repack");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: device 'b' (allworx-phone): sip moves from udp 5061 at 203.0.113.10 to udp 5060"
                + " at 203.0.113.10; set SIP Port = 5060");
        assertThat(Files.readString(lock)).contains("udp 5060 b sip allworx-phone");
        assertThat(run("compile", site.toString(), "-o", out.toString(), "--repack", "--locked").code()).isEqualTo(2);
    }

    @Test
    void aBrokenLockFileIsALocatedError() throws Exception {
        Files.writeString(lock, """
                lock-version: 1
                site: office
                catalog:
                  allworx-phone/sip: "allocatable udp default 5060 bounds 1024-65535"
                allocations:
                  fw:
                    203.0.113.10:
                      - udp 70000 a sip allworx-phone
                      - udp 5061 b sip
                      - udp 5062 c rtp allworx-phone
                """);
        ErrorCasesTest.Run r = run("validate", site.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("office.lock:8:9: error: lock entry: '70000' is not a port or port range",
                "office.lock:9:9: error: lock entry 'udp 5061 b sip' must be 'PROTOCOL PORTS DEVICE POOL MODEL'",
                "office.lock:10:9: error: lock entry 'udp 5062 c rtp allworx-phone': the lock's catalog section has no"
                        + " entry 'allworx-phone/rtp'");
    }

    @Test
    void anExplicitLockFileIsUsedAndWritten() throws Exception {
        Path other = tmp.resolve("elsewhere.lock");
        assertThat(run("compile", site.toString(), "-o", out.toString(), "--lock", other.toString()).code()).isZero();
        assertThat(other).isRegularFile();
        assertThat(lock).doesNotExist();
        assertThat(run("validate", site.toString(), site.toString(), "--lock", other.toString()).code()).isEqualTo(2);
    }
}
