package org.portplan.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.portplan.TestSupport;
import org.portplan.core.PortRange;

/**
 * The Avaya Equinox rows the catalog once opened wider than the port security guide prints
 * (issue 7), pinned to the printed numbers so that widening one again fails here.
 */
class EquinoxPrintedRowsTest {

    /** Three inside zones, so that every flow between two devices crosses the firewall. */
    private static final String ZONES = """
            site: test
            firewalls:
              fw:
                platform: iptables
                interfaces:
                  outside: { name: eth0, address: 203.0.113.10/29 }
                  inside:  { name: eth1, address: 10.0.0.1/24 }
                  dmz:     { name: eth2, address: 10.1.0.1/24 }
                  rooms:   { name: eth3, address: 10.2.0.1/24 }
                public-addresses: [203.0.113.11, 203.0.113.12]
            """;

    private final Catalog catalog = TestSupport.catalog();

    private Flow flow(String id) {
        Flow f = catalog.flows().get(id);
        assertThat(f).as("flow %s", id).isNotNull();
        return f;
    }

    private static List<String> texts(List<PortSpec> specs) {
        return specs.stream().map(PortSpec::text).toList();
    }

    private PortRange defaultRange(String model, String pool) {
        Pool p = catalog.model(model).orElseThrow().pool(pool).orElseThrow();
        assertThat(p.kind()).as("%s pool %s", model, pool).isInstanceOf(PoolKind.Allocatable.class);
        return ((PoolKind.Allocatable) p.kind()).window().defaultRange();
    }

    /** Video and SIP Gateway tables: UDP 12000-13200, 16384-16984; TIP Gateway table: UDP 12000-12718, 16384-17280. */
    @Test
    void gatewayMediaRangesAreTheTablesRanges() {
        assertThat(defaultRange("equinox-video-gateway", "audio")).isEqualTo(new PortRange(16384, 16984));
        assertThat(defaultRange("equinox-video-gateway", "video")).isEqualTo(new PortRange(12000, 13200));
        assertThat(defaultRange("equinox-sip-gateway", "audio")).isEqualTo(new PortRange(16384, 16984));
        assertThat(defaultRange("equinox-sip-gateway", "video")).isEqualTo(new PortRange(12000, 13200));
        assertThat(defaultRange("equinox-tip-gateway", "audio")).isEqualTo(new PortRange(16384, 17280));
        assertThat(defaultRange("equinox-tip-gateway", "video")).isEqualTo(new PortRange(12000, 12718));
        // The gateways' media flows name the pools, so they follow the printed ranges.
        for (String gw : List.of("equinox-video-gateway", "equinox-sip-gateway", "equinox-tip-gateway")) {
            assertThat(texts(flow(gw + ".media.sip-in").ports())).contains("udp video", "udp audio");
            assertThat(texts(flow(gw + ".media.h323").fromPorts())).contains("udp video", "udp audio");
        }
    }

    /** The procedure's designated ranges stay available: a site pins them, as the pool notes say. */
    @Test
    void aGatewayUsingTheProceduresRangesPinsThem() {
        var plan = TestSupport.plan(ZONES + """
                devices:
                  gw: { model: equinox-tip-gateway, address: 10.0.0.30, ports: { audio: 16384-17584, video: 12000-13200 } }
                """).ok();
        assertThat(plan.allocations().rows("fw").stream()
                .filter(a -> a.device().equals("gw") && List.of("audio", "video").contains(a.pool()))
                .map(a -> a.pool() + " " + a.ports()).sorted().toList())
                .containsExactly("audio 16384-17584", "video 12000-13200");
    }

    /**
     * A trap row opens one port: the trap receiver's UDP 162. The gateway and Classic MCU rows
     * print "UDP 162 -> UDP 161" with the two ports swapped (the VC240 row prints the same pair
     * as 161 -> 162); none may open 161 and 162 together again.
     */
    @Test
    void snmpTrapRowsOpenTheTrapPortOnly() {
        for (String id : List.of("equinox-video-gateway.traps", "equinox-sip-gateway.traps", "equinox-tip-gateway.traps",
                "equinox-classic-mcu.traps", "equinox-xt-series.to-snmp", "equinox-vc240.traps",
                "equinox-isdn-gateway.traps.snmp-server")) {
            assertThat(texts(flow(id).ports())).as(id).containsExactly("udp 162");
            assertThat(flow(id).fromPorts()).as(id).isEmpty();
        }
        assertThat(catalog.flows().values()).filteredOn(f -> f.to().equals("snmp-server"))
                .allSatisfy(f -> assertThat(texts(f.ports())).as(f.id()).containsExactly("udp 162"));
    }

    /** Equinox Management table: Management's source column prints UDP 162 (SNMP traps) for the Media Server row. */
    @Test
    void mediaServerSendsItsTrapsToManagement() {
        Flow traps = flow("equinox-management.media-server-traps");
        assertThat(traps.from()).isEqualTo("equinox-media-server");
        assertThat(traps.to()).isEqualTo("equinox-management");
        assertThat(texts(traps.ports())).containsExactly("udp 162");
        assertThat(traps.requirement()).isEqualTo(Requirement.MANDATORY);
        assertThat(traps.source().section()).isEqualTo("Equinox Management ports");
    }

    /**
     * TCP 7150/7151 (AMS web admin and SOAP) and TCP 3336/3338/3346/3348 (MCU XML) are the Media
     * Server's own ports (Equinox Management table): no flow opens them on a terminal.
     */
    @Test
    void noFlowOpensTheMediaServersAdministrationPortsOnTerminals() {
        Set<String> adminPorts = Set.of("tcp 7150", "tcp 7151", "tcp 7410", "tcp 7411", "tcp 3336", "tcp 3338",
                "tcp 3346", "tcp 3348");
        assertThat(catalog.flows().values()).filteredOn(f -> f.to().equals("sip-terminal") || f.to().equals("h323-terminal"))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(texts(f.ports())).as(f.id()).doesNotContainAnyElementsOf(adminPorts));
        assertThat(texts(flow("equinox-media-server.ams.clients").ports())).containsExactly("tcp/udp 5060", "tcp 5061");
        assertThat(texts(flow("equinox-media-server.ams.clients-media").fromPorts())).containsExactly("udp 6000-17999");
        assertThat(texts(flow("equinox-media-server.ams.clients-media").ports())).containsExactly("udp any");
        assertThat(texts(flow("equinox-media-server.mcu.clients").ports())).containsExactly("tcp/udp 5060", "tcp 5061");
        assertThat(texts(flow("equinox-media-server.mcu.clients-media").fromPorts()))
                .containsExactly("udp 16384-16984", "udp 12000-13200");
        assertThat(texts(flow("equinox-media-server.mcu.clients-media").ports())).containsExactly("udp any");
    }

    /** Equinox Management -> SIP terminals: BFCP 5070-5077 is UDP at the terminal (XT Series and XT Desktop tables). */
    @Test
    void managementReachesSipTerminalsOnThePrintedPorts() {
        assertThat(texts(flow("equinox-management.to-sip-terminals").ports()))
                .containsExactly("tcp 5060", "tcp 5061", "udp 5070-5077");
    }

    /**
     * Every flow of these rows, with each port item as the catalog must keep it: the printed
     * numbers, or a correction its note explains.
     */
    @Test
    void correctedRowsKeepTheirPorts() {
        Map<String, List<String>> rows = Map.of(
                "equinox-scopia-desktop-server.to-gatekeeper", List.of("udp 1719", "tcp 1720", "tcp h245"),
                "equinox-scopia-desktop-server.to-management", List.of("tcp h245", "tcp 3340", "udp 161-162"),
                "equinox-media-server.mcu.media-servers", List.of("tcp/udp 5060", "tcp 5061", "tcp 3336", "tcp 3338",
                        "tcp 3346", "tcp 3348", "udp 16384-16984", "udp 12000-13200"),
                "equinox-media-server.ams.media-servers", List.of("tcp/udp 5060", "tcp 5061", "tcp 7150", "tcp 7151",
                        "udp 6000-17999"));
        rows.forEach((id, ports) -> assertThat(texts(flow(id).ports())).as(id).containsExactlyElementsOf(ports));
        // A correction always says so.
        Stream.of("equinox-scopia-desktop-server.to-gatekeeper", "equinox-media-server.mcu.media-servers",
                        "equinox-media-server.mcu.clients-media", "equinox-video-gateway.traps", "equinox-xt-series.to-snmp")
                .forEach(id -> assertThat(flow(id).source().note()).as(id).contains("printed"));
    }

    /** XT Series table: "H.323 EP/XT/Elite MCU", "SIP Clients/XT and Servers"; ASBCE table: "XT EP ... SIP client". */
    @Test
    void xtSeriesPlaysTheTerminalRoles() {
        assertThat(catalog.model("equinox-xt-series").orElseThrow().roles())
                .containsExactly("equinox-xt-series", "h323-terminal", "sip-terminal");
        assertThat(catalog.modelsPlaying("h323-terminal")).extracting(DeviceModel::id).containsExactly("equinox-xt-series");
        assertThat(catalog.modelsPlaying("sip-terminal")).extracting(DeviceModel::id).containsExactly("equinox-xt-series");
    }

    /** "FROM -> TO" device labels and the ports of every TCP/UDP permit a flow asked for (also when merged). */
    private static List<String> permits(String site, String flowId) {
        var plan = TestSupport.plan(site).ok();
        return plan.firewalls().get(0).permits().stream()
                .filter(p -> List.of(p.trace().entry().split("[ ,()]+")).contains(flowId))
                .map(p -> p.trace().devices() + " " + p.protocol().name().toLowerCase(java.util.Locale.ROOT) + " "
                        + (p.ports() == null ? "any" : p.ports().toString()))
                .sorted().toList();
    }

    /** With the terminal roles, the MCU, a gateway and the H.323 Edge reach an XT room system in another zone. */
    @Test
    void flowsTowardXtEndpointsArePlanned() {
        String site = ZONES + """
                devices:
                  mcu: { model: equinox-elite-mcu, address: 10.0.0.20 }
                  gw: { model: equinox-video-gateway, address: 10.0.0.30 }
                  edge: { model: equinox-h323-edge, address: 10.1.0.10, public-address: 203.0.113.11 }
                  room: { model: equinox-xt-series, address: 10.2.0.40 }
                features: [h323-calls, sip-calls]
                """;
        assertThat(permits(site, "equinox-elite-mcu.h323-to-terminals")).contains("mcu -> room tcp any", "mcu -> room udp any");
        assertThat(permits(site, "equinox-elite-mcu.sip-to-terminals")).contains("mcu -> room tcp any", "mcu -> room udp any");
        assertThat(permits(site, "equinox-video-gateway.media.h323")).contains("gw -> room udp any");
        assertThat(permits(site, "equinox-h323-edge.to-internal-devices")).contains("edge -> room tcp any", "edge -> room udp any");
        // And the XT calls them: it is a source of the terminal rows too.
        assertThat(permits(site, "equinox-video-gateway.media.h323-in")).contains("room -> gw udp 12000-13200", "room -> gw udp 16384-16984");
    }

    /**
     * Equinox Management's rows toward H.323 and SIP terminals are read as needed for H.323 and
     * SIP calls: two XT rooms behind one address, registered with a head office's Management for
     * H.323 only, get no SIP forwards (which could not both have 5060 at that address).
     */
    @Test
    void managementReachesXtRoomsOnlyForTheCallsTheSiteMakes() {
        assertThat(flow("equinox-management.to-h323-terminals").when()).isEqualTo("h323-calls");
        assertThat(flow("equinox-management.to-sip-terminals").when()).isEqualTo("sip-calls");
        String site = TestSupport.firewall("pf") + """
                devices:
                  room-a: { model: equinox-xt-series, address: 10.0.0.40 }
                  room-b: { model: equinox-xt-series, address: 10.0.0.41 }
                peers:
                  hq-management: { role: equinox-management, addresses: [198.51.100.40] }
                features: [h323-calls]
                """;
        var outcome = TestSupport.plan(site);
        assertThat(outcome.ok().firewalls().get(0).forwards()).isEmpty();
        assertThat(outcome.messages()).filteredOn(m -> m.contains("flow"))
                .allSatisfy(m -> assertThat(m).contains("warning: flow 'equinox-management.to-h323-terminals' asks for any tcp port"));
        assertThat(TestSupport.plan(site.replace("[h323-calls]", "[h323-calls, sip-calls]")).errors())
                .anySatisfy(e -> assertThat(e).contains("device 'room-b'", "needs tcp 5060 for flow equinox-management.to-sip-terminals"));
    }

    /**
     * Scopia Desktop Server -> ECS Gatekeeper prints TCP 49152-65535* (H245), the Windows Server
     * 2008 range of the gatekeeper's host: the rule is the gatekeeper's own H.245 range, so exactly
     * the printed range for a Windows 2008 ECS, the range the other tables print for a 9.x (Linux)
     * Equinox Management, and never wider than what the gatekeeper was given.
     */
    @Test
    void desktopServerReachesTheGatekeepersOwnH245Range() {
        String desktop = "  desktop: { model: equinox-scopia-desktop-server, address: 10.1.0.30 }\n";
        String flow = "equinox-scopia-desktop-server.to-gatekeeper";
        assertThat(permits(ZONES + "devices:\n" + desktop
                + "  management: { model: equinox-management, address: 10.0.0.10, params: { windows: \"2008\" } }\n", flow))
                .containsExactly("desktop -> management tcp 1720", "desktop -> management tcp 49152-65535",
                        "desktop -> management udp 1719");
        assertThat(permits(ZONES + "devices:\n" + desktop
                + "  management: { model: equinox-management, address: 10.0.0.10 }\n", flow))
                .contains("desktop -> management tcp 32768-61000");
        assertThat(permits(ZONES + "devices:\n" + desktop
                + "  management: { model: equinox-management, address: 10.0.0.10, params: { windows: \"2008\", licensed-calls: 10 } }\n",
                flow)).contains("desktop -> management tcp 49152-49191").noneMatch(s -> s.endsWith("65535"));
    }
}
