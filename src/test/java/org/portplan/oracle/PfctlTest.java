package org.portplan.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.portplan.Sites;
import org.portplan.core.Platform;
import org.portplan.engine.Outputs;
import org.portplan.rules.FirewallPlan;

/** Every pf file the sites compile to (in any firewall's own dialect or converted) parses with OpenBSD's pfctl. */
class PfctlTest {

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
