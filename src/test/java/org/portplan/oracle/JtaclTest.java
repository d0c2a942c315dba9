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
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.portplan.Sites;
import org.portplan.core.AddressSet;
import org.portplan.core.Cidr;
import org.portplan.core.Platform;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;
import org.portplan.engine.Emitters;
import org.portplan.engine.Outputs;
import org.portplan.rules.FirewallPlan;
import org.portplan.rules.Permit;
import org.portplan.rules.Trace;
import org.portplan.rules.Zone;

/**
 * Every site's pf, PIX and ASA rules, read by jtacl (an independent parser and evaluator of pf
 * and of Cisco access lists; for ASA the file's statics are applied to the probes first, see
 * {@link EngineCheck}): each planned forward and flow passes at its first and last port, the ports beside
 * each range and the hosts it does not name are stopped, a flow to "any" of a zone reaches no
 * other zone, and between every two zones a port no rule names is closed.
 */
class JtaclTest {

    @TempDir
    Path dir;

    static Stream<Arguments> scenarios() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (Platform p : List.of(Platform.PF, Platform.PIX, Platform.ASA)) {
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

    /**
     * "Any" of an inside zone is that zone only, and "any" outside is no inside zone: a plan no
     * shipped site produces yet (a flow to anyone of the dmz), next to flows to anyone outside
     * from two zones, written by each emitter and probed by jtacl.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Platform.class, names = {"PF", "PIX", "ASA"})
    void anyStaysInsideItsZone(Platform platform) throws Exception {
        Zone outside = new Zone(Zone.OUTSIDE, "eth0", Cidr.parse("192.0.2.2/28"));
        Zone inside = new Zone("inside", "eth1", Cidr.parse("10.1.0.1/24"));
        Zone dmz = new Zone("dmz", "eth2", Cidr.parse("10.2.0.1/24"));
        Trace trace = new Trace("test", "test-model", "flow test", "a test flow", null, null);
        AddressSet host = AddressSet.of(Cidr.parse("10.1.0.10/32"));
        AddressSet server = AddressSet.of(Cidr.parse("10.2.0.10/32"));
        List<Permit> permits = List.of(
                new Permit("fw", inside, dmz, host, AddressSet.any(), Protocol.TCP, null, PortRange.of(8443), "to-dmz",
                        "test-model", trace),
                new Permit("fw", inside, outside, host, AddressSet.any(), Protocol.UDP, null, PortRange.of(5060),
                        "to-internet", "test-model", trace),
                new Permit("fw", dmz, outside, server, AddressSet.any(), Protocol.UDP, PortRange.of(2776), null,
                        "from-dmz", "test-model", trace));
        FirewallPlan fw = new FirewallPlan("fw", platform, List.of(outside, inside, dmz), outside.subnet().address(),
                List.of(), List.of(), permits, List.of());
        String rules = Emitters.forPlatform(platform).emit("test", fw).text();
        EngineCheck check = EngineCheck.run(dir, fw, List.of(), platform, rules);
        System.out.printf("JtaclTest: %s any-stays-inside: %s%n", platform, check.summary());
        if (!check.failures().isEmpty()) {
            fail(String.join("\n", check.failures()));
        }
    }
}
