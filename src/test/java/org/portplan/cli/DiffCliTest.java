package org.portplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portplan.cli.ErrorCasesTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portplan.Office;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code portplan diff} on issue 8's small office, in a git repository as users keep sites: each
 * edit lists exactly the rules of the device it adds or removes, and the devices to set up.
 */
class DiffCliTest {

    private static final List<String> PHONES = Office.PHONES;

    @TempDir
    Path repo;
    Path site;

    private static String office(List<String> phones) {
        return Office.site(phones);
    }

    private void git(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString(), "-c", "user.name=t", "-c", "user.email=t@t"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("git %s: %s", List.of(args), out).isZero();
    }

    @BeforeEach
    void committedOffice() throws Exception {
        Assumptions.assumeTrue(new ProcessBuilder("git", "--version").start().waitFor() == 0, "git is not installed");
        site = repo.resolve("office.yaml");
        Files.writeString(site, office(PHONES));
        git("init", "-q");
        assertThat(run("compile", site.toString(), "-o", repo.resolve("out").toString()).code()).isZero();
        git("add", ".");
        git("commit", "-q", "-m", "office");
    }

    /** Compiles the edited site (updating the lock, as a user does), then diffs it against HEAD. */
    private ErrorCasesTest.Run editAndDiff(List<String> phones, String... format) throws Exception {
        Files.writeString(site, office(phones));
        assertThat(run("compile", site.toString(), "-o", repo.resolve("out").toString()).code()).isZero();
        List<String> args = new ArrayList<>(List.of("diff", "--rev", "HEAD", site.toString()));
        args.addAll(List.of(format));
        return run(args.toArray(String[]::new));
    }

    @Test
    void insertingAPhoneListsItsRulesAndNothingElse() throws Exception {
        List<String> edited = new ArrayList<>(PHONES);
        edited.add(3, "p3b: { model: allworx-phone, address: 10.0.0.20 }");
        ErrorCasesTest.Run r = editAndDiff(edited);
        assertThat(r.code()).as(r.err()).isEqualTo(5);
        List<String> changes = r.out().lines().filter(l -> l.startsWith("  + ") || l.startsWith("  - ") || l.startsWith("  ~ "))
                .toList();
        assertThat(changes).containsExactly(
                "  + forward udp 5067, 16444-16453 from 198.51.100.7 to 203.0.113.10 -> 10.0.0.20",
                "  + permit inside -> outside udp any port from 10.0.0.20 to 198.51.100.7",
                "  ~ outbound NAT 10.0.0.20: none -> 203.0.113.10");
        assertThat(r.out()).contains("new devices to set up:", "p3b (allworx-phone) at 10.0.0.20",
                "set SIP Port = 5067", "set RTP Media Port Range = 16444 to 16453")
                .doesNotContain("devices to reconfigure");
    }

    @Test
    void removingTheFirstPhoneListsItsRulesAndTheBlfThatMovesWithIt() throws Exception {
        ErrorCasesTest.Run r = editAndDiff(PHONES.subList(1, PHONES.size()), "--format", "json");
        assertThat(r.code()).as(r.err()).isEqualTo(5);
        JsonNode d = new ObjectMapper().readTree(r.out());
        assertThat(d.get("changed").asBoolean()).isTrue();
        List<String> rules = new ArrayList<>();
        d.get("firewalls").get(0).get("rules").forEach(c -> rules.add(c.get("change").asText() + " " + c.get("kind").asText()
                + " " + c.get("ports") + " " + c.get("sources") + " -> " + c.get("destinations") + " "
                + c.get("translated-to").asText()));
        // p1's own ports close; the BLF port, forwarded once per address, now goes to p2.
        assertThat(rules).containsExactlyInAnyOrder(
                "opened forward [\"2088\"] [\"198.51.100.7\"] -> [\"203.0.113.10\"] 10.0.0.12",
                "closed forward [\"2088\",\"5060\",\"16384-16393\"] [\"198.51.100.7\"] -> [\"203.0.113.10\"] 10.0.0.11",
                "closed permit [\"any port\"] [\"10.0.0.11\"] -> [\"198.51.100.7\"] null");
        assertThat(d.get("removed")).hasSize(1);
        assertThat(d.get("removed").get(0).get("device").asText()).isEqualTo("p1");
        assertThat(d.get("reconfigure")).hasSize(1);
        assertThat(d.get("reconfigure").get(0).get("pools").get(0).get("pool").asText()).isEqualTo("blf");
        assertThat(d.get("added")).isEmpty();
    }

    @Test
    void morePortsForOnePhoneMoveOnlyItsRange() throws Exception {
        List<String> edited = new ArrayList<>(PHONES);
        edited.set(1, "p2: { model: allworx-phone, address: 10.0.0.12, params: { conversations: 6 } }");
        ErrorCasesTest.Run r = editAndDiff(edited, "--format", "markdown");
        assertThat(r.code()).as(r.err()).isEqualTo(5);
        assertThat(r.out()).contains("| **opened** | forward | udp | 16444-16455 | 198.51.100.7 | 203.0.113.10 → 10.0.0.12 |",
                "| closed | forward | udp | 16394-16403 | 198.51.100.7 | 203.0.113.10 → 10.0.0.12 |",
                "#### Devices to reconfigure", "**p2** (allworx-phone)",
                "  - rtp: udp 16394-16403 at 203.0.113.10 -> udp 16444-16455 at 203.0.113.10");
        assertThat(r.out().lines().filter(l -> l.startsWith("| **opened**") || l.startsWith("| closed"))).hasSize(2);
    }

    @Test
    void noChangeExitsZero() throws Exception {
        ErrorCasesTest.Run r = run("diff", "--rev", "HEAD", site.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("No changes");
        ErrorCasesTest.Run files = run("diff", site.toString(), site.toString());
        assertThat(files.code()).isZero();
    }

    @Test
    void aBadRevisionIsAUsageError() {
        ErrorCasesTest.Run r = run("diff", "--rev", "no-such-branch", site.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cannot read office.yaml at revision no-such-branch");
        assertThat(run("diff", site.toString()).code()).isEqualTo(2);
    }
}
