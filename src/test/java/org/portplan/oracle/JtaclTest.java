package org.portplan.oracle;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.portplan.Sites;
import org.portplan.core.Platform;
import org.portplan.engine.Outputs;
import org.portplan.rules.FirewallPlan;

/**
 * Every site's pf and PIX rules, read by jtacl (an independent parser and evaluator of both
 * dialects): each planned forward and flow passes at its first and last port, the ports beside
 * each range and the hosts it does not name are stopped, a flow to "any" of a zone reaches no
 * other zone, and between every two zones a port no rule names is closed.
 */
class JtaclTest {

    @TempDir
    Path dir;

    static Stream<Arguments> scenarios() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (Platform p : List.of(Platform.PF, Platform.PIX)) {
            for (String site : Sites.all()) {
                out.add(Arguments.of(p, site));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scenarios")
    void rulesLetThroughExactlyWhatThePlanSays(Platform platform, String site) throws Exception {
        Outputs o = Sites.compile(site, platform);
        List<String> failures = new ArrayList<>();
        for (FirewallPlan fw : o.plan().firewalls()) {
            String rules = o.files().get(fw.name() + "." + platform.id());
            EngineCheck check = EngineCheck.run(dir.resolve(fw.name()), fw, o.plan().devices(), platform, rules);
            System.out.printf("JtaclTest: %s firewall %s (%s): %s%n", platform, fw.name(), site, check.summary());
            failures.addAll(check.failures());
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " probe(s) did not behave as planned:\n" + String.join("\n", failures));
        }
    }
}
