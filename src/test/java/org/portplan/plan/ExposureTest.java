package org.portplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portplan.TestSupport.plan;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.portplan.TestSupport;
import org.portplan.core.Protocol;
import org.portplan.rules.FirewallPlan;
import org.portplan.rules.Forward;
import org.portplan.rules.Permit;

/** Who may reach a device from outside: the catalog's rule per flow, the warnings, and the management opt-in. */
class ExposureTest {

    /** Outside, an inside zone and a DMZ, with two extra public addresses. */
    private static final String SITE = """
            site: test
            firewalls:
              fw:
                platform: iptables
                interfaces:
                  outside: { name: eth0, address: 203.0.113.10/29 }
                  inside:  { name: eth1, address: 10.0.0.1/24 }
                  dmz:     { name: eth2, address: 10.1.0.1/24 }
                public-addresses: [203.0.113.11, 203.0.113.12]
            """;

    private static List<String> forwards(Plan p, String device) {
        return p.firewalls().get(0).forwards().stream().filter(f -> f.device().equals(device))
                .map(f -> f.protocol() + " " + f.publicPorts() + (f.sources().isAny() ? " from any" : " from " + f.sources()))
                .toList();
    }

    @Test
    void aSpecificPartyLeftUndeclaredOpensToAnyoneWithAWarningThatSaysHowToNarrowIt() {
        TestSupport.Outcome o = plan(SITE + """
                devices:
                  desk: { model: allworx-phone, address: 10.0.0.21, count: 2 }
                """);
        Plan p = o.ok();
        assertThat(forwards(p, "desk-1")).containsExactly("udp 2088 from any", "udp 5060 from any", "udp 16384-16393 from any");
        assertThat(o.messages()).filteredOn(m -> m.contains("from anywhere")).containsExactly("site.yaml:11:3: warning: 2 devices (desk-1..desk-2) (allworx-phone):"
                + " udp 2088, 5060, 16384-16393 (of 'desk-1'; the others' alike) are forwarded from anywhere, because the"
                + " site declares no 'allworx-server' peer; declare it under 'peers:' (NAME: { role: allworx-server,"
                + " addresses: [ADDRESS] }) so that only its addresses reach them [PP410]");
        assertThat(p.reachable()).hasSize(5).allSatisfy(r -> {
            assertThat(r.why()).isEqualTo(Reachable.Why.UNDECLARED);
            assertThat(r.reason()).isEqualTo("the site declares no allworx-server");
        });

        TestSupport.Outcome declared = plan(SITE + """
                devices:
                  desk: { model: allworx-phone, address: 10.0.0.21, count: 2 }
                peers:
                  hq: { role: allworx-server, addresses: [198.51.100.7] }
                """);
        assertThat(declared.messages()).noneMatch(m -> m.contains("from anywhere"));
        assertThat(declared.ok().reachable()).isEmpty();
        assertThat(forwards(declared.ok(), "desk-1")).allMatch(f -> f.endsWith("from [198.51.100.7/32]"));
    }

    @Test
    void edgesOnTheirOwnAddressesWithoutPeersReceiveCallsFromTheInternetAndNothingElse() {
        TestSupport.Outcome o = plan(SITE + """
                devices:
                  edge: { model: equinox-h323-edge, address: 10.1.0.10, public-address: 203.0.113.11, params: { dpa-calls: 20 } }
                  sbce: { model: equinox-asbce-edge, address: 10.1.0.20, public-address: 203.0.113.12 }
                features: [sip-calls, webrtc]
                """);
        Plan p = o.ok();
        assertThat(forwards(p, "edge")).containsExactly("tcp 1720 from any", "tcp 2776-2777 from any",
                "tcp 4000-4199 from any", "udp 1719 from any", "udp 2776-2777 from any", "udp 4000-4199 from any");
        assertThat(forwards(p, "sbce")).containsExactly("tcp 443 from any", "tcp 5060 from any", "tcp 5061 from any",
                "tcp 8443 from any", "udp 3478 from any", "udp 5060 from any", "udp 35000-40000 from any",
                "udp 50000-55000 from any");
        assertThat(p.reachable()).hasSize(14).allMatch(r -> r.why() == Reachable.Why.INTERNET);
        assertThat(p.reachable()).extracting(Reachable::reason).contains("role h323-terminal is anyone on the Internet",
                "role sip-terminal is anyone on the Internet", "role web-client is anyone on the Internet");
        // The Internet by nature is no finding: no warning about undeclared parties.
        assertThat(o.messages()).noneMatch(m -> m.contains("forwarded from anywhere"));
        // The Edge may call out from its public interface (the document allows all of it), and only to the outside.
        FirewallPlan fw = p.firewalls().get(0);
        assertThat(fw.permits()).filteredOn(x -> x.flow().equals("equinox-h323-edge.to-external"))
                .isNotEmpty().allSatisfy(x -> {
                    assertThat(x.to().isOutside()).isTrue();
                    assertThat(x.sourcePorts()).isNotNull();
                });
    }

    @Test
    void externalEndpointsReachAnEdgeOnlyFromOutside() {
        // A terminal inside is not an "external H.323 device": it gets no forward and no permit to the Edge's public ports.
        Plan p = plan(SITE + """
                devices:
                  edge: { model: equinox-h323-edge, address: 10.1.0.10, public-address: 203.0.113.11, params: { dpa-calls: 20 } }
                peers:
                  room: { role: h323-terminal, addresses: [10.0.0.50] }
                """).ok();
        assertThat(p.firewalls().get(0).permits()).noneMatch(x -> x.flow().equals("equinox-h323-edge.from-external"));
        assertThat(forwards(p, "edge")).isEmpty();
    }

    @Test
    void rowsForInternalTerminalsNeverOpenTowardTheOutside() {
        String site = SITE + """
                devices:
                  management: { model: equinox-management, address: 10.0.0.10 }
                  mcu: { model: equinox-elite-mcu, address: 10.0.0.20 }
                  edge: { model: equinox-h323-edge, address: 10.1.0.10, public-address: 203.0.113.11, params: { dpa-calls: 20, internal-ports: 600 } }
                features: [h323-calls]
                peers:
                  external-h323: { role: h323-terminal, addresses: [0.0.0.0/0] }
                """;
        FirewallPlan fw = plan(site).ok().firewalls().get(0);
        List<String> internalRows = List.of("equinox-management.to-h323-terminals", "equinox-elite-mcu.h323-to-terminals",
                "equinox-h323-edge.to-internal-devices");
        assertThat(fw.permits()).noneMatch(x -> internalRows.contains(x.flow()));
        // The same rows toward terminals in another inside zone are planned, to those terminals only.
        FirewallPlan internal = plan(site + "  rooms: { role: h323-terminal, addresses: [10.1.0.64/26] }\n")
                .ok().firewalls().get(0);
        List<Permit> toRooms = internal.permits().stream().filter(x -> internalRows.contains(x.flow())).toList();
        assertThat(toRooms).extracting(Permit::flow).containsAll(List.of("equinox-management.to-h323-terminals",
                "equinox-elite-mcu.h323-to-terminals"));
        assertThat(toRooms).allSatisfy(x -> {
            assertThat(x.to().name()).isIn("dmz", "inside");
            assertThat(x.destinations().isAny()).isFalse();
        });
    }

    @Test
    void administrationFromOutsideNeedsTheSitesOptInAndNeverFromEverywhere() {
        String base = SITE + """
                devices:
                  edge: { model: equinox-h323-edge, address: 10.1.0.10, public-address: 203.0.113.11, params: { dpa-calls: 20 } }
                  pbx: { model: allworx-server, address: 10.0.0.5 }
                peers:
                  admins: { role: management-pc, addresses: [198.51.100.0/28] }
                include: [allworx-server.admin]
                """;
        TestSupport.Outcome refused = plan(base);
        assertThat(refused.errors()).containsExactly("site.yaml:14:3: error: peer 'admins' is outside firewall 'fw', and"
                + " administration from the outside zone needs an explicit opt-in: it would reach 'edge'"
                + " (equinox-h323-edge.ssh), 'pbx' (allworx-server.admin); list the peer under 'remote-admin' to allow it"
                + " on purpose, or reach the devices from an inside zone (e.g. over a VPN) [PP402]");

        Plan allowed = plan(base + "remote-admin: [admins]\n").ok();
        assertThat(forwards(allowed, "edge")).contains("tcp 22 from [198.51.100.0/28]");
        assertThat(forwards(allowed, "pbx")).containsExactly("tcp 8080 from [198.51.100.0/28]");
        assertThat(allowed.reachable()).noneMatch(r -> r.forward().publicPorts().first() == 22);

        TestSupport.Outcome everywhere = plan(base.replace("198.51.100.0/28", "0.0.0.0/0") + "remote-admin: [admins]\n");
        assertThat(everywhere.errors()).anySatisfy(e -> assertThat(e).contains(
                "'remote-admin' names peer 'admins', which declares 0.0.0.0/0; administration is never opened from everywhere"));
        TestSupport.Outcome wide = plan(base.replace("198.51.100.0/28", "128.0.0.0/1") + "remote-admin: [admins]\n");
        assertThat(wide.errors()).anySatisfy(e -> assertThat(e).contains("so wide a range"));
    }

    @Test
    void remoteAdminNamesDeclaredManagementPeers() {
        TestSupport.Outcome o = plan(SITE + """
                devices:
                  pbx: { model: allworx-server, address: 10.0.0.5 }
                peers:
                  admins: { role: management-pc, addresses: [198.51.100.0/28] }
                  hq: { role: allworx-phone, addresses: [198.51.100.77] }
                remote-admin: [admin, hq]
                """);
        assertThat(o.errors()).containsExactly(
                "site.yaml:15:16: error: 'remote-admin' names unknown peer 'admin' (did you mean 'admins'?) [PP340]",
                "site.yaml:15:23: error: 'remote-admin' names peer 'hq', whose role 'allworx-phone' does not administer"
                        + " devices; list only peers of a management role (e.g. management-pc) [PP341]");
    }

    @Test
    void everyForwardFromAnywhereIsListedWithItsReason() {
        Plan p = plan(SITE + """
                devices:
                  sbce: { model: equinox-asbce-edge, address: 10.1.0.20, public-address: 203.0.113.12 }
                  desk: { model: allworx-phone, address: 10.0.0.21 }
                peers:
                  browsers: { role: web-client, addresses: [0.0.0.0/0] }
                """).ok();
        List<Forward> fromAnywhere = p.firewalls().get(0).forwards().stream().filter(f -> f.sources().isAny()).toList();
        assertThat(p.reachable()).extracting(Reachable::forward).containsExactlyInAnyOrderElementsOf(fromAnywhere);
        assertThat(p.reachable()).filteredOn(r -> r.forward().device().equals("sbce"))
                .allSatisfy(r -> assertThat(r.reason()).isEqualTo("peer 'browsers' is 0.0.0.0/0"));
        assertThat(p.reachable()).filteredOn(r -> r.forward().protocol() == Protocol.UDP
                && r.forward().device().equals("desk")).hasSize(3);
    }

    /** A catalog with an administration console model and a flow the vendor never opens from outside. */
    private static final String CONSOLE_CATALOG = """
            vendor: Test
            documents:
              doc: {title: A document}
            roles:
              admin: {title: An administrator, when-undeclared: nobody, management: true}
              monitor: {title: A monitoring service, when-undeclared: nobody}
            models:
              console:
                title: An administration console
                roles: [admin]
                source: {document: doc, section: "1"}
              phone:
                title: A phone
                source: {document: doc, section: "1"}
            flows:
              admin.to-phone:
                from: admin
                to: phone
                ports: [tcp 443]
                purpose: web administration
                source: {document: doc, section: "2"}
              monitor.to-phone:
                from: monitor
                to: phone
                ports: [udp 161]
                from-outside: never
                purpose: SNMP polling
                source: {document: doc, section: "2"}
            """;

    @Test
    void exposureErrorsPointAtTheOutsidePartysEntryWhenNoIncludeTurnedTheFlowOn() {
        org.portplan.diag.Diagnostics d = new org.portplan.diag.Diagnostics();
        org.portplan.catalog.Catalog catalog = TestSupport.catalog(CONSOLE_CATALOG, d).orElseThrow(
                () -> new AssertionError(d.sorted()));
        TestSupport.Outcome o = TestSupport.plan(catalog, SITE + """
                devices:
                  desk: { model: phone, address: 10.0.0.21 }
                  laptop: { model: console, address: 203.0.113.13 }
                peers:
                  nms: { role: monitor, addresses: [198.51.100.9] }
                """);
        // Before codes, both were reported at the site file without a line.
        assertThat(o.errors()).containsExactly(
                "site.yaml:12:3: error: device 'laptop' is outside firewall 'fw', and administration from the outside"
                        + " zone needs an explicit opt-in: it would reach 'desk' (admin.to-phone); reach the devices from an"
                        + " inside zone (e.g. over a VPN) [PP402]",
                "site.yaml:14:3: error: flow 'monitor.to-phone' must never be opened from the outside zone, but 'nms'"
                        + " (role monitor) is outside firewall 'fw'; reach it from an inside zone (e.g. over a VPN) instead"
                        + " [PP401]");
    }
}
