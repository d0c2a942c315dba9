package org.portplan.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.portplan.Sites;
import org.portplan.TestSupport;
import org.portplan.core.Ipv4;
import org.portplan.core.Platform;
import org.portplan.engine.Emitters;
import org.portplan.engine.Outputs;
import org.portplan.rules.FirewallPlan;

/**
 * Every file says, in its header and its dialect's words, what makes each public address beyond
 * the outside interface's own reach the firewall: on the outside subnet, the command that makes it
 * answer ARP (Linux, OpenBSD) or that the firewall does (PIX, ASA); beyond it, that the upstream
 * router must route it. (The network test configures its router with the iptables and nftables
 * headers' commands, so there the command itself is tested.)
 */
class ExtraAddressesTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.portplan.Sites#all")
    void everyFileNamesWhatEachExtraAddressNeeds(String site) throws Exception {
        for (Platform p : Platform.values()) {
            Outputs o = Sites.compile(site, p);
            for (FirewallPlan fw : o.plan().firewalls()) {
                String text = o.files().get(fw.name() + "." + p.id());
                List<Ipv4> extra = ExtraAddresses.of(fw);
                for (Ipv4 a : extra) {
                    assertThat(text).as("%s %s: header line for %s", site, fw.name(), a).contains(expected(p, fw, a));
                }
                assertThat(text.contains("Public addresses beyond ")).as("%s %s: header block", site, fw.name())
                        .isEqualTo(!extra.isEmpty());
            }
        }
    }

    /** An address beyond the outside subnet must be routed to the firewall; one unused is not listed. */
    @Test
    void anAddressBeyondTheOutsideSubnetMustBeRouted() {
        String site = TestSupport.firewall("iptables").replace("public-addresses: [203.0.113.11, 203.0.113.12]",
                "public-addresses: [198.51.100.99, 203.0.113.12]") + """
                devices:
                  boss: { model: allworx-phone, address: 10.0.0.99, public-address: 198.51.100.99 }
                  desk: { model: allworx-phone, address: 10.0.0.21 }
                peers:
                  hq: { role: allworx-server, addresses: [192.0.2.7] }
                """;
        FirewallPlan fw = TestSupport.plan(site).ok().firewalls().get(0);
        assertThat(ExtraAddresses.of(fw)).containsExactly(Ipv4.parse("198.51.100.99"));
        for (Platform p : Platform.values()) {
            String text = Emitters.forPlatform(p).emit("test", fw.withPlatform(p)).text();
            assertThat(text).as("%s", p).contains("198.51.100.99 is not in eth0's subnet: the upstream router must route it to 203.0.113.10")
                    .doesNotContain("ip addr add").doesNotContain("inet alias").doesNotContain("203.0.113.12");
        }
    }

    private static String expected(Platform p, FirewallPlan fw, Ipv4 a) {
        String nameif = fw.outside().interfaceName();
        if (!fw.outside().subnet().contains(a)) {
            return a + " is not in " + nameif + "'s subnet: the upstream router must route it to " + fw.outside().subnet().address();
        }
        String head = a + " is in " + nameif + "'s subnet: ";
        return switch (p) {
            case IPTABLES, NFTABLES -> "# " + head + "add it there, or nobody answers ARP for it: ip addr add " + a + "/32 dev " + nameif + "\n";
            case PF -> "# " + head + "add it there, or nobody answers ARP for it: ifconfig " + nameif + " inet alias " + a
                    + " netmask 255.255.255.255\n";
            case PIX, ASA -> "! " + head + "the firewall answers ARP for it itself (proxy ARP for the addresses of its NAT rules)\n";
        };
    }
}
