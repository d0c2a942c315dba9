package org.portplan.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.portplan.DocSnippets;
import org.portplan.Sites;
import org.portplan.core.Platform;
import org.portplan.engine.Outputs;
import org.portplan.rules.FirewallPlan;

/**
 * Every pf file the sites compile to (in any firewall's own dialect or converted) parses with
 * OpenBSD's pfctl, as the whole ruleset and as an anchor: loaded by the pf.conf of
 * docs/targets.md (its commands run as written, only the paths changed) and checked on its own
 * with {@code -a}.
 */
class PfctlTest {

    private static final String DOC = "docs/targets.md";

    @TempDir
    Path dir;


    @ParameterizedTest(name = "{0}")
    @MethodSource("org.portplan.Sites#all")
    void pfctlAcceptsThePfFiles(String site) throws Exception {
        Outputs o = Sites.compile(site, Platform.PF);
        for (FirewallPlan fw : o.plan().firewalls()) {
            String name = fw.name() + "." + Platform.PF.id();
            String problems = check(dir, name, o.files().get(name));
            assertThat(problems).as("pfctl -nf %s (%s)", name, site).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.portplan.Sites#all")
    void theFilesLoadAsTheAnchorOfTheDocumentsPfConf(String site) throws Exception {
        Outputs o = Sites.compile(site, Platform.PF);
        for (FirewallPlan fw : o.plan().firewalls()) {
            String text = o.files().get(fw.name() + "." + Platform.PF.id());
            assertThat(anchorCheck(text)).as("the document's anchor setup with %s (%s)", fw.name(), site).isEmpty();
            // The main file's check really read the anchor: its rules are in pfctl's listing of the main file.
            assertThat(run(List.of(Oracles.pfctl().toString(), "-nvf", dir.resolve("pf.conf").toString())))
                    .as("pfctl -nvf pf.conf (%s)", fw.name())
                    .contains(run(List.of(Oracles.pfctl().toString(), "-nvf", dir.resolve("pf.portplan").toString())));
            assertThat(shell(DocSnippets.get(DOC, "pf-anchor-recheck", Map.of("/etc/pf.portplan", path("pf.portplan")))))
                    .as("pfctl -a portplan -nf (%s)", fw.name()).isEmpty();
        }
    }

    /** The anchor checks can fail: a broken anchor file fails the main file's check and its own. */
    @Test
    void aBrokenAnchorFailsTheChecks() throws Exception {
        String text = Sites.compile("examples/mixed-pf/site.yaml", Platform.PF).files().get("gw.pf");
        String broken = text.replaceFirst("rdr-to 172\\.16\\.5\\.10\\b", "rdr-to 172.16.5.300");
        assertThat(broken).isNotEqualTo(text);
        assertThat(anchorCheck(broken)).contains("172.16.5.300");
        assertThat(shell(DocSnippets.get(DOC, "pf-anchor-recheck", Map.of("/etc/pf.portplan", path("pf.portplan")))))
                .contains("172.16.5.300");
    }

    /** Writes {@code text} as the anchor file and the document's pf.conf beside it; what the document's check says. */
    private String anchorCheck(String text) throws Exception {
        Files.writeString(dir.resolve("pf.portplan"), text, StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("pf.conf"),
                DocSnippets.get(DOC, "pf-anchor-conf", Map.of("/etc/pf.portplan", path("pf.portplan"))) + "\n",
                StandardCharsets.US_ASCII);
        return shell(DocSnippets.get(DOC, "pf-anchor-check", Map.of("/etc/pf.conf", path("pf.conf"))));
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    /** Runs {@code script} with the oracle's pfctl first on PATH; its output, prefixed with the exit status unless 0. */
    private static String shell(String script) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-e", "-c", script);
        pb.environment().put("PATH", Oracles.pfctl().getParent() + ":" + pb.environment().getOrDefault("PATH", "/usr/bin:/bin"));
        return output(pb);
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        String out = output(new ProcessBuilder(cmd));
        assertThat(out).as("%s", cmd).doesNotStartWith("exit ");
        return out;
    }

    private static String output(ProcessBuilder pb) throws IOException, InterruptedException {
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "exit: pfctl did not finish within 30 s";
        }
        return p.exitValue() == 0 ? out.strip() : ("exit " + p.exitValue() + ": " + out).strip();
    }

    /** The check can fail: pfctl rejects a rule on an interface macro the file does not define. */
    @Test
    void pfctlRejectsABrokenFile() throws Exception {
        Outputs o = Sites.compile("examples/mixed-pf/site.yaml", Platform.PF);
        String text = o.files().get("gw.pf");
        String broken = text.replaceFirst("pass in on \\$ext_if", "pass in on \\$wan_if");
        assertThat(broken).isNotEqualTo(text);
        assertThat(check(dir, "broken.pf", broken)).contains("macro 'wan_if' not defined");
    }

    /** pfctl -nf's complaints about {@code text}: empty when OpenBSD would load it. */
    static String check(Path dir, String name, String text) throws IOException, InterruptedException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        Process p = new ProcessBuilder(List.of(Oracles.pfctl().toString(), "-nf", file.toString()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "pfctl did not finish within 30 s";
        }
        return p.exitValue() == 0 ? out.strip() : ("exit " + p.exitValue() + ": " + out).strip();
    }
}
