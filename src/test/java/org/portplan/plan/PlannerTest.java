package org.portplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portplan.TestSupport.firewall;
import static org.portplan.TestSupport.plan;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.portplan.TestSupport;
import org.portplan.core.Ipv4;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;
import org.portplan.rules.Forward;

class PlannerTest {

    private static Optional<Allocation> allocation(Plan p, String device, String pool) {
        return p.firewalls().stream().flatMap(f -> p.allocations().rows(f.name()).stream())
                .filter(a -> a.device().equals(device) && a.pool().equals(pool)).findFirst();
    }

    private static PortRange ports(Plan p, String device, String pool) {
        return allocation(p, device, pool).orElseThrow(() -> new AssertionError("no " + pool + " for " + device)).ports();
    }

    private static List<Forward> forwards(Plan p) {
        return p.firewalls().get(0).forwards();
    }

    @Test
    void allworxPhonesGetTheGuidesPortsInOrder() {
        Plan p = plan(firewall("iptables") + """
                devices:
                  first: { model: allworx-phone, address: 10.0.0.21 }
                  second: { model: allworx-phone, address: 10.0.0.22 }
                  third: { model: allworx-port-expander, address: 10.0.0.23 }
                """).ok();
        assertThat(ports(p, "first", "sip")).isEqualTo(PortRange.of(5060));
        assertThat(ports(p, "first", "rtp")).isEqualTo(new PortRange(16384, 16393));
        assertThat(ports(p, "second", "sip")).isEqualTo(PortRange.of(5061));
        assertThat(ports(p, "second", "rtp")).isEqualTo(new PortRange(16394, 16403));
        assertThat(ports(p, "third", "sip")).isEqualTo(PortRange.of(5062));
        assertThat(ports(p, "third", "rtp")).isEqualTo(new PortRange(16404, 16413));
        // BLF 2088 is forwarded once per public address, to the first device.
        assertThat(ports(p, "first", "blf")).isEqualTo(PortRange.of(2088));
        assertThat(allocation(p, "second", "blf")).isEmpty();
        assertThat(forwards(p)).filteredOn(f -> f.publicPorts().equals(PortRange.of(2088))).singleElement()
                .extracting(Forward::device).isEqualTo("first");
        DeviceSheet second = p.devices().stream().filter(d -> d.device().equals("second")).findFirst().orElseThrow();
        assertThat(second.notes()).anyMatch(n -> n.text().contains("blf") && n.text().contains("'first'"));
        assertThat(second.settings()).anySatisfy(s -> {
            assertThat(s.pool()).isEqualTo("sip");
            assertThat(s.where()).isEqualTo("Server Admin page: PHONE SYSTEM / Handsets / View Configuration");
            assertThat(s.name()).isEqualTo("SIP Port");
            assertThat(s.value()).isEqualTo("5061");
        });
    }

    @Test
    void rtpRangeIsTwoPortsPerConversationAndStartsEven() {
        Plan p = plan(firewall("iptables") + """
                devices:
                  a: { model: allworx-phone, address: 10.0.0.21, params: { conversations: 3 } }
                  b: { model: allworx-phone, address: 10.0.0.22 }
                """).ok();
        assertThat(ports(p, "a", "rtp")).isEqualTo(new PortRange(16384, 16389));
        assertThat(ports(p, "b", "rtp")).isEqualTo(new PortRange(16390, 16399));
    }

    @Test
    void ownPublicAddressIsItsOwnScope() {
        Plan p = plan(firewall("iptables") + """
                devices:
                  a: { model: allworx-phone, address: 10.0.0.21 }
                  boss: { model: allworx-phone, address: 10.0.0.99, public-address: 203.0.113.11 }
                """).ok();
        assertThat(ports(p, "boss", "sip")).isEqualTo(PortRange.of(5060));
        assertThat(ports(p, "boss", "rtp")).isEqualTo(new PortRange(16384, 16393));
        assertThat(allocation(p, "boss", "blf")).isPresent();
        assertThat(allocation(p, "boss", "sip").orElseThrow().publicAddress()).isEqualTo(Ipv4.parse("203.0.113.11"));
        assertThat(p.firewalls().get(0).sourceNats()).anyMatch(s -> s.ownPublicAddress()
                && s.publicAddress().equals(Ipv4.parse("203.0.113.11")) && s.first().equals(Ipv4.parse("10.0.0.99")));
    }

    @Test
    void net2phoneMaxUnitsGetDistinctPorts() {
        Plan p = plan(firewall("pix") + """
                devices:
                  max-a: { model: net2phone-max, address: 10.0.0.20, params: { lines: 8 } }
                  max-b: { model: net2phone-max, address: 10.0.0.21, params: { lines: 4 } }
                """).ok();
        assertThat(ports(p, "max-a", "voice")).isEqualTo(new PortRange(7000, 7015));
        assertThat(ports(p, "max-a", "tcp")).isEqualTo(PortRange.of(4000));
        assertThat(ports(p, "max-a", "udp")).isEqualTo(PortRange.of(21000));
        assertThat(ports(p, "max-b", "voice")).isEqualTo(new PortRange(7016, 7023));
        assertThat(ports(p, "max-b", "tcp")).isEqualTo(PortRange.of(4001));
        assertThat(ports(p, "max-b", "udp")).isEqualTo(PortRange.of(21001));
        assertThat(allocation(p, "max-b", "service-location")).isEmpty();
        // No net2phone-service peer declared: the role means anyone, so the forwards accept any source.
        assertThat(forwards(p)).allMatch(f -> f.sources().isAny());
    }

    @Test
    void declaredPeersNarrowForwardSources() {
        Plan p = plan(firewall("pf") + """
                devices:
                  a: { model: allworx-phone, address: 10.0.0.21 }
                peers:
                  hq: { role: allworx-server, addresses: [198.51.100.7, 198.51.100.64/28] }
                """).ok();
        assertThat(forwards(p)).isNotEmpty().allSatisfy(f ->
                assertThat(f.sources().cidrs()).extracting(Object::toString).containsExactly("198.51.100.7/32", "198.51.100.64/28"));
        assertThat(p.firewalls().get(0).permits()).singleElement().satisfies(perm -> {
            assertThat(perm.from().name()).isEqualTo("inside");
            assertThat(perm.to().name()).isEqualTo("outside");
            assertThat(perm.protocol()).isEqualTo(Protocol.UDP);
            assertThat(perm.ports()).isNull();
            assertThat(perm.trace().entry()).contains("also covers allworx-server.sip-from-phones");
        });
    }

    @Test
    void pinnedPortsAreKeptAndOthersMoveAroundThem() {
        Plan p = plan(firewall("iptables") + """
                devices:
                  a: { model: allworx-phone, address: 10.0.0.21 }
                  b: { model: allworx-phone, address: 10.0.0.22, ports: { sip: 5060, rtp: 16384-16393 } }
                """).ok();
        assertThat(ports(p, "b", "sip")).isEqualTo(PortRange.of(5060));
        assertThat(allocation(p, "b", "sip").orElseThrow().kind()).isEqualTo(Allocation.Kind.PINNED);
        assertThat(ports(p, "a", "sip")).isEqualTo(PortRange.of(5061));
        assertThat(ports(p, "a", "rtp")).isEqualTo(new PortRange(16394, 16403));
    }

    @Test
    void infeasibleAllocationNamesDevicePoolSizeAndBounds() {
        // Fill UDP 7000-64999 at the shared address with exactly sized pins (2 ports per line), so
        // that only 65000 is left: a unit needing 16 voice ports has no room.
        StringBuilder devices = new StringBuilder("devices:\n");
        int next = 7000;
        for (int i = 0; i < 113; i++, next += 512) {
            devices.append("  a").append(i).append(": { model: net2phone-max, address: 10.0.0.").append(10 + i)
                    .append(", params: { lines: 256 }, ports: { voice: ").append(next).append('-').append(next + 511)
                    .append(", udp: ").append(4000 + i).append(" } }\n");
        }
        devices.append("  b: { model: net2phone-max, address: 10.0.0.200, params: { lines: 72 }, ports: { voice: ")
                .append(next).append('-').append(next + 143).append(", udp: 4113 } }\n");
        devices.append("  late: { model: net2phone-max, address: 10.0.0.201 }\n");
        TestSupport.Outcome o = plan(firewall("iptables") + devices);
        assertThat(o.errors()).singleElement().isEqualTo("site.yaml:124:3: error: device 'late' (net2phone-max): no room"
                + " for pool 'voice': needs 16 udp ports (2 * lines) starting on a multiple of 2 between 7000 and 65000 at"
                + " 203.0.113.10 (public address of firewall 'fw'); give some devices their own public-address or lower their params [PP502]");
    }

    @Test
    void pinsMustHoldExactlyThePortsThePoolNeeds() {
        TestSupport.Outcome wide = plan(firewall("iptables") + """
                devices:
                  a: { model: allworx-phone, address: 10.0.0.21, params: { conversations: 1 }, ports: { rtp: 6000-65535 } }
                  b: { model: allworx-phone, address: 10.0.0.22, ports: { rtp: 20001-20010 } }
                  c: { model: equinox-asbce-edge, address: 10.0.0.23, ports: { sip-media: 30000-40000 } }
                  d: { model: equinox-asbce-edge, address: 10.0.0.24, public-address: 203.0.113.11, ports: { sip-media: 36000-36999 } }
                """);
        assertThat(wide.errors()).containsExactly(
                "site.yaml:10:94: error: device 'a': pinned rtp 6000-65535 holds 59536 ports, but allworx-phone needs 2"
                        + " (2 * conversations); pin exactly 2 ports, e.g. 6000-6001 [PP307]",
                "site.yaml:11:64: error: device 'b': pinned rtp 20001-20010 must start on a multiple of 2 (rtp ranges of"
                        + " allworx-phone start even) [PP307]",
                "site.yaml:12:75: error: device 'c': pinned sip-media 30000-40000 holds 10001 ports, more than the 5001 of"
                        + " the vendor's range 35000-40000; pin at most 5001 [PP307]");
        // A narrower range than the vendor's default is fine where no formula sizes the pool (d).
    }

    @Test
    void netTwoPhonePortsStayAboveTheBlockedRange() {
        TestSupport.Outcome low = plan(firewall("iptables") + """
                devices:
                  a: { model: net2phone-max, address: 10.0.0.21, ports: { tcp: 1024, udp: 1000 } }
                """);
        assertThat(low.errors()).hasSize(2).allSatisfy(e -> assertThat(e).contains("is outside 4000-65000"));
        Plan p = plan(firewall("iptables") + """
                devices:
                  a: { model: net2phone-max, address: 10.0.0.21, count: 20, params: { lines: 256 } }
                """).ok();
        assertThat(p.allocations().assignments()).allSatisfy(x -> assertThat(x.ports().first()).isGreaterThan(1024));
    }

    @Test
    void fixedPortsOfTwoDevicesBehindOneAddressConflict() {
        TestSupport.Outcome o = plan(firewall("iptables") + """
                devices:
                  srv1: { model: allworx-server, address: 10.0.0.5 }
                  srv2: { model: allworx-server, address: 10.0.0.6 }
                peers:
                  phones: { role: allworx-phone, addresses: [192.0.2.0/24] }
                """);
        assertThat(o.errors()).singleElement().satisfies(e -> assertThat(e)
                .contains("device 'srv2' (allworx-server) needs udp 5060 for pool sip",
                        "device 'srv1' already has it", "give one of them its own public-address"));
    }

    @Test
    void conditionalAndOptionalFlowsFollowTheSitesChoices() {
        String base = firewall("iptables") + """
                devices:
                  pbx: { model: allworx-server, address: 10.0.0.5 }
                """;
        Plan none = plan(base).ok();
        assertThat(forwards(none)).isEmpty();
        Plan web = plan(base + "features: [allworx-public-web, allworx-inbound-mail]\n").ok();
        assertThat(forwards(web)).extracting(f -> f.protocol() + " " + f.publicPorts())
                .containsExactly("tcp 25", "tcp 80");
        TestSupport.Outcome typo = plan(base + "features: [allworx-public-wbe]\n");
        assertThat(typo.errors()).singleElement().asString()
                .contains("unknown feature 'allworx-public-wbe' (did you mean 'allworx-public-web'?)");
    }

    @Test
    void flowsMarkedNeverFromOutsideAreRefusedFromOutside() {
        String mcu = firewall("iptables") + """
                devices:
                  mcu: { model: equinox-elite-mcu, address: 10.0.0.5 }
                peers:
                  admin: { role: management-pc, addresses: [198.51.100.9] }
                include: [equinox-elite-mcu.admin-always-blocked]
                """;
        TestSupport.Outcome o = plan(mcu);
        assertThat(o.errors()).anySatisfy(e -> assertThat(e).contains(
                "flow 'equinox-elite-mcu.admin-always-blocked' must never be opened from the outside zone", "'admin'"));
        // Not even a remote-admin peer may open it.
        assertThat(plan(mcu + "remote-admin: [admin]\n").errors()).anySatisfy(e -> assertThat(e).contains(
                "flow 'equinox-elite-mcu.admin-always-blocked' must never be opened from the outside zone"));
        Plan inside = plan(firewall("iptables") + """
                devices:
                  pbx: { model: allworx-server, address: 10.0.0.5 }
                peers:
                  admin: { role: management-pc, addresses: [10.0.0.77] }
                include: [allworx-server.admin]
                """).ok();
        // Same zone: the firewall is not in the path, so nothing is opened.
        assertThat(inside.firewalls().get(0).permits()).isEmpty();
    }

    @Test
    void manyDevicesBehindOneAddressStayLinearAndDistinct() {
        StringBuilder site = new StringBuilder("""
                site: big
                firewalls:
                  fw:
                    platform: iptables
                    interfaces:
                      outside: { name: eth0, address: 203.0.113.10/29 }
                      inside:  { name: eth1, address: 10.0.0.1/16 }
                devices:
                  phones: { model: allworx-phone, address: 10.0.1.1, count: 4000, params: { conversations: 2 } }
                """);
        Plan p = plan(site.toString()).ok();
        List<Allocation> sip = p.allocations().rows("fw").stream().filter(a -> a.pool().equals("sip")).toList();
        assertThat(sip).hasSize(4000);
        assertThat(sip.get(3999).ports()).isEqualTo(PortRange.of(5060 + 3999));
        Allocation lastRtp = p.allocations().rows("fw").stream().filter(a -> a.pool().equals("rtp"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(lastRtp.ports()).isEqualTo(new PortRange(16384 + 4 * 3999, 16384 + 4 * 3999 + 3));
    }
}
