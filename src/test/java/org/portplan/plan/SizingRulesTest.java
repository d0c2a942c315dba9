package org.portplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portplan.TestSupport.plan;

import org.junit.jupiter.api.Test;
import org.portplan.TestSupport;
import org.portplan.core.PortRange;

/** The sizing rules of the vendor documents, through the shipped catalog and the allocator. */
class SizingRulesTest {

    private static final String SITE = TestSupport.firewall("iptables") + "devices:\n";

    private static PortRange ports(String devices, String device, String pool) {
        Plan p = plan(SITE + devices).ok();
        return p.allocations().rows("fw").stream()
                .filter(a -> a.device().equals(device) && a.pool().equals(pool)).findFirst()
                .orElseThrow(() -> new AssertionError(device + " has no " + pool)).ports();
    }

    private static String one(String model, String params) {
        return "  d: { model: " + model + ", address: 10.0.0.10" + (params.isEmpty() ? "" : ", params: { " + params + " }") + " }\n";
    }

    @Test
    void h323EdgeDirectPublicAccessIsTenPortsPerCall() {
        assertThat(ports(one("equinox-h323-edge", "dpa-calls: 20"), "d", "dpa")).isEqualTo(new PortRange(4000, 4199));
        assertThat(ports(one("equinox-h323-edge", ""), "d", "dpa")).isEqualTo(new PortRange(4000, 5000));
    }

    @Test
    void h323EdgeInternalRangeIsSizedByItsParam() {
        assertThat(ports(one("equinox-h323-edge", "internal-ports: 300"), "d", "internal")).isEqualTo(new PortRange(12000, 12299));
        assertThat(ports(one("equinox-h323-edge", ""), "d", "internal")).isEqualTo(new PortRange(12000, 15000));
        assertThat(plan(SITE + one("equinox-h323-edge", "internal-ports: 299")).errors()).singleElement().asString()
                .contains("param 'internal-ports' must be a whole number from 300 to 6000");
    }

    @Test
    void desktopMediaIsFourteenPortsPerConnection() {
        assertThat(ports(one("equinox-scopia-desktop-server", "connections: 100"), "d", "media")).isEqualTo(new PortRange(10000, 11399));
        assertThat(ports(one("equinox-xt-desktop-server", ""), "d", "media")).isEqualTo(new PortRange(10000, 65535));
    }

    @Test
    void desktopH245FollowsConferencesClientsAndPresentations() {
        assertThat(ports(one("equinox-scopia-desktop-server", "conferences: 10, clients: 50, presenting-conferences: 5"), "d", "h245"))
                .isEqualTo(new PortRange(49152, 49152 + 2 * 10 + 2 * 50 + 5 - 1));
    }

    @Test
    void windowsHostedH245IsFourPortsPerLicensedCallInTheWindowsRange() {
        assertThat(ports(one("equinox-scopia-desktop-server", "licensed-calls: 25"), "d", "h245")).isEqualTo(new PortRange(49152, 49251));
        assertThat(ports(one("equinox-scopia-desktop-server", "licensed-calls: 25, windows: 2003"), "d", "h245"))
                .isEqualTo(new PortRange(1025, 1124));
        assertThat(ports(one("equinox-scopia-desktop-server", "windows: 2003"), "d", "h245")).isEqualTo(new PortRange(1025, 5000));
        assertThat(ports(one("equinox-management", "windows: 2008, licensed-calls: 10"), "d", "h245")).isEqualTo(new PortRange(49152, 49191));
        assertThat(ports(one("equinox-management", ""), "d", "h245")).isEqualTo(new PortRange(32768, 61000));
    }

    @Test
    void settingsSheetShowsOnlyTheStepsForTheDevicesPlatform() {
        DeviceSheet win2003 = plan(SITE + one("equinox-scopia-desktop-server", "licensed-calls: 25, windows: 2003")).ok()
                .devices().get(0);
        java.util.List<String> settings = win2003.settings().stream().filter(s -> "h245".equals(s.pool()))
                .map(s -> s.name() + " = " + s.value() + " ").toList();
        assertThat(settings).anyMatch(x -> x.startsWith("PortMin (String Value) = 1025 "))
                .anyMatch(x -> x.startsWith("PortMax (String Value) = 1124 "))
                .anyMatch(x -> x.startsWith("2 portTo = 1124 "))
                .anyMatch(x -> x.contains("MaxUserPort"))
                .noneMatch(x -> x.contains("netsh int ipv4 set"));
        DeviceSheet linux = plan(SITE + one("equinox-management", "")).ok().devices().get(0);
        assertThat(linux.settings().stream().filter(s -> s.pool() != null).map(s -> s.name() + " = " + s.value()))
                .singleElement().asString().startsWith("ephemeral TCP port range = 32768-61000");
    }

    @Test
    void gatewayAndEdgeRangesKeepTheDocumentsDefaults() {
        String gw = one("equinox-video-gateway", "");
        assertThat(ports(gw, "d", "h245")).isEqualTo(new PortRange(1024, 1174));
        // The table's 16384-16984, not the procedure's 16384-17584 (issue 7: rows as printed).
        assertThat(ports(gw, "d", "audio")).isEqualTo(new PortRange(16384, 16984));
        assertThat(ports(gw, "d", "video")).isEqualTo(new PortRange(12000, 13200));
        assertThat(ports(gw, "d", "tcp-audio")).isEqualTo(new PortRange(20000, 29000));
        assertThat(ports(gw, "d", "tcp-video")).isEqualTo(new PortRange(40000, 46200));
        assertThat(ports(one("equinox-asbce-edge", ""), "d", "sip-media")).isEqualTo(new PortRange(35000, 40000));
        assertThat(ports(one("equinox-asbce-edge", ""), "d", "webrtc-media")).isEqualTo(new PortRange(50000, 55000));
        assertThat(ports(one("equinox-xt-series", ""), "d", "h323")).isEqualTo(new PortRange(3230, 3250));
        assertThat(ports(one("equinox-xt-series", ""), "d", "media")).isEqualTo(new PortRange(3230, 3313));
        assertThat(ports(one("equinox-xt-series", ""), "d", "bfcp")).isEqualTo(new PortRange(5070, 5077));
        assertThat(ports(one("equinox-sr-conference-point", ""), "d", "rtp")).isEqualTo(new PortRange(4100, 5000));
    }

    @Test
    void twoDesktopServersCannotShareOnePublicAddressButSizedRangesCan() {
        String clients = "peers:\n  clients: { role: scopia-desktop-client, addresses: [0.0.0.0/0] }\n";
        String shared = """
                  a: { model: equinox-scopia-desktop-server, address: 10.0.0.10, params: { connections: 10 } }
                  b: { model: equinox-scopia-desktop-server, address: 10.0.0.11, params: { connections: 10 } }
                """;
        assertThat(plan(SITE + shared + clients).errors()).hasSize(3).allSatisfy(e -> assertThat(e).contains("device 'b'"))
                .anySatisfy(e -> assertThat(e).contains("needs tcp 443", "device 'a' already has it"))
                .anySatisfy(e -> assertThat(e).contains("no room for pool 'h245': needs 16384 tcp ports between 49152 and 65535"));
        String sized = """
                  a: { model: equinox-scopia-desktop-server, address: 10.0.0.10, params: { connections: 10, licensed-calls: 10 } }
                  b: { model: equinox-scopia-desktop-server, address: 10.0.0.11, params: { connections: 10, licensed-calls: 10 } }
                """;
        // Still one public address: the web ports clash, sized ranges alone would fit.
        assertThat(plan(SITE + sized + clients).errors()).hasSize(2).allSatisfy(e -> assertThat(e).contains("needs tcp"));
    }
}
