package org.portplan.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;
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
 * The jtacl checks can fail: each mutation of a good pf, PIX or ASA file (a range one port wider,
 * a deny or block removed, an interface swapped, a static to the wrong device, a group left
 * undeclared) must make {@link EngineCheck} report failures, or jtacl refuse the file.
 */
class MutationTest {

    private static final String SITE = "examples/equinox-video/site.yaml";

    @TempDir
    Path dir;

    static Stream<Arguments> mutations() {
        Stream<Arguments> pf = Stream.of(
                Arguments.of(Platform.PF, "a forwarded range one port wider", "port 35000:40000 rdr-to", "port 35000:40001 rdr-to"),
                Arguments.of(Platform.PF, "no default block", "block in all\n", ""),
                Arguments.of(Platform.PF, "inside and dmz interfaces swapped", "inside_if = \"eth1\"", "inside_if = \"eth2\""),
                Arguments.of(Platform.PF, "a flow to anyone outside written 'to any'", "port 1720 to ! <portplan_inside>",
                        "port 1720 to any"));
        // PIX and ASA write the same access lists (emit.cisco.AccessLists): the same edits must be caught in both.
        Stream<Arguments> accessLists = Stream.of(Platform.PIX, Platform.ASA).flatMap(p -> Stream.of(
                Arguments.of(p, "the inside subnets' denies dropped",
                        "access-list eth2_access_in extended deny ip any 10.40.0.0 255.255.255.0\n", ""),
                Arguments.of(p, "the dmz left without an access list",
                        "access-group eth2_access_in in interface eth2\n", ""),
                Arguments.of(p, "an access list bound to the wrong interface",
                        "access-group eth1_access_in in interface eth1", "access-group eth1_access_in in interface eth2")));
        Stream<Arguments> cisco = Stream.of(
                Arguments.of(Platform.PIX, "a forwarded range one port wider", "range 35000 40000", "range 35000 40001"),
                Arguments.of(Platform.ASA, "a forwarded range one port wider", " port-object range 35000 40000",
                        " port-object range 35000 40001"),
                Arguments.of(Platform.ASA, "a static translating to the wrong device",
                        "object network pp-10.41.0.20\n host 10.41.0.20\n", "object network pp-10.41.0.20\n host 10.41.0.10\n"),
                Arguments.of(Platform.ASA, "a port group the access list names left undeclared",
                        "object-group service pp-udp-35000-40000 udp\n port-object range 35000 40000\n", ""));
        return Stream.of(pf, accessLists, cisco).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("mutations")
    void brokenRulesAreCaught(Platform platform, String mutation, String from, String to) throws Exception {
        Outputs o = Sites.compile(SITE, platform);
        FirewallPlan fw = o.plan().firewalls().get(0);
        String rules = o.files().get(fw.name() + "." + platform.id());
        assertThat(rules).as("the text mutation '%s' applies to", mutation).contains(from);
        String broken = rules.replaceFirst(Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        EngineCheck check;
        try {
            check = EngineCheck.run(dir, fw, o.plan().devices(), platform, broken);
        } catch (java.io.IOException e) {
            // jtacl's own complaint about the file (an undefined group) is a catch too.
            assertThat(e.getMessage()).as("jtacl's complaint about %s rules with %s", platform, mutation)
                    .contains("jtacl did not understand the file");
            System.out.printf("MutationTest: %s, %s: %s%n", platform, mutation, e.getMessage());
            return;
        }
        System.out.printf("MutationTest: %s, %s: %s%s%n", platform, mutation, check.summary(),
                check.failures().isEmpty() ? "" : "; first: " + check.failures().get(0));
        assertThat(check.failures()).as("failures jtacl finds in %s rules with %s", platform, mutation).isNotEmpty();
    }
}
