package org.portplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portplan.TestSupport.firewall;
import static org.portplan.TestSupport.plan;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Device setup sheets: every setting a device needs, with its server's address, and only the notes that apply. */
class SheetsTest {

    private static DeviceSheet sheet(Plan p, String device) {
        return p.devices().stream().filter(d -> d.device().equals(device)).findFirst().orElseThrow();
    }

    private static Optional<DeviceSheet.Setting> setting(DeviceSheet d, String name) {
        return d.settings().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static String value(DeviceSheet d, String name) {
        return setting(d, name).orElseThrow(() -> new AssertionError("no setting '" + name + "' on " + d.device()
                + ": " + d.settings())).value();
    }

    private static List<String> texts(List<DeviceSheet.Note> notes) {
        return notes.stream().map(DeviceSheet.Note::text).toList();
    }

    private static final String PLANET = firewall("iptables") + """
            devices:
              phone: { model: planet-vip-1120pt, address: 10.0.0.20 }
            peers:
              itsp: { role: planet-sip-server, addresses: [198.51.100.20, 198.51.100.21] }
              prov: { role: provisioning-server, addresses: [192.0.2.80], ports: { http: 8080 } }
            """;

    @Test
    void planetPhoneGetsItsServersAndProvisioningFromTheSite() {
        DeviceSheet d = sheet(plan(PLANET + "features: [planet-provisioning-http]\n").ok(), "phone");
        assertThat(value(d, "SIP server (registrar / proxy) of the line")).isEqualTo("198.51.100.20, 198.51.100.21");
        assertThat(setting(d, "SIP server (registrar / proxy) of the line").orElseThrow().where())
                .as("the guide gives no menu path for it").isNull();
        assertThat(value(d, "Server Address")).isEqualTo("192.0.2.80");
        assertThat(value(d, "Protocol Type")).isEqualTo("http");
        assertThat(value(d, "port number of the server")).as("the peer's pinned port").isEqualTo("8080");
        assertThat(value(d, "config URL")).isEqualTo("http://192.0.2.80:8080/$mac.cfg");
        assertThat(setting(d, "Server Address").orElseThrow().via()).isEqualTo("peer prov");
        // Only what the site uses: no TFTP or FTP helper advice, no STUN (no stun-server), no Action URL.
        assertThat(texts(d.advice())).as("only the vendor's word on the SIP ALG").singleElement().asString()
                .startsWith("Firewall SIP ALG: the vendor's document does not say");
        assertThat(texts(d.notes())).noneMatch(n -> n.startsWith("STUN") || n.startsWith("Action URL")
                || n.startsWith("Active URI") || n.contains("TFTP provisioning"));
        assertThat(texts(d.notes())).anyMatch(n -> n.startsWith("DHCP options"));
        assertThat(d.settings()).noneMatch(s -> s.name().contains("STUN"));
    }

    @Test
    void withoutProvisioningThePhoneGetsNoProvisioningNotes() {
        DeviceSheet d = sheet(plan(PLANET).ok(), "phone");
        assertThat(d.settings()).extracting(DeviceSheet.Setting::name).doesNotContain("Server Address", "Protocol Type");
        assertThat(texts(d.notes())).noneMatch(n -> n.startsWith("DHCP options") || n.startsWith("SIP PnP")
                || n.startsWith("Config files"));
    }

    @Test
    void tftpProvisioningBringsTheHelperAdviceAndTheStandardPort() {
        DeviceSheet d = sheet(plan(firewall("iptables") + """
                devices:
                  phone: { model: planet-vip-2140pt, address: 10.0.0.20 }
                peers:
                  prov: { role: provisioning-server, addresses: [192.0.2.80] }
                features: [planet-provisioning-tftp]
                """).ok(), "phone");
        assertThat(value(d, "Protocol Type")).isEqualTo("tftp");
        assertThat(value(d, "port number of the server")).isEqualTo("69");
        assertThat(texts(d.advice())).filteredOn(a -> !a.startsWith("Firewall SIP ALG")).singleElement().asString()
                .startsWith("TFTP provisioning");
        assertThat(d.settings()).noneMatch(s -> s.name().equals("config URL"));
    }

    @Test
    void stunSettingsAppearOnlyWhenTheSiteUsesAStunServer() {
        String stun = PLANET + "  stun: { role: stun-server, addresses: [198.51.100.30] }\n";
        DeviceSheet on = sheet(plan(stun).ok(), "phone");
        assertThat(value(on, "STUN Settings/ Server Address")).isEqualTo("198.51.100.30");
        assertThat(setting(on, "STUN Settings/ Server Address").orElseThrow().where()).isEqualTo("Line/Basic Settings");
        assertThat(value(on, "use STUN")).startsWith("checked");
        assertThat(texts(on.notes())).anyMatch(n -> n.startsWith("STUN is disabled by default"));
        DeviceSheet excluded = sheet(plan(stun + "exclude: [planet-phone.stun]\n").ok(), "phone");
        assertThat(excluded.settings()).noneMatch(s -> s.name().contains("STUN"));
        assertThat(texts(excluded.notes())).noneMatch(n -> n.startsWith("STUN"));
    }

    @Test
    void aSettingWhoseServerTheSiteLacksSaysSo() {
        DeviceSheet d = sheet(plan(firewall("iptables") + """
                devices:
                  phone: { model: planet-vip-1120pt, address: 10.0.0.20 }
                """).ok(), "phone");
        DeviceSheet.Setting sip = setting(d, "SIP server (registrar / proxy) of the line").orElseThrow();
        assertThat(sip.value()).isNull();
        assertThat(sip.missing()).isEqualTo("the site declares no planet-sip-server");
    }

    @Test
    void allworxPhoneGetsTheServerItBootsFromAndItsNetwork() {
        Plan p = plan(firewall("iptables") + """
                devices:
                  desk: { model: allworx-phone, address: 10.0.0.21 }
                  fax: { model: allworx-port-expander, address: 10.0.0.22 }
                peers:
                  hq: { role: allworx-server, addresses: [198.51.100.7] }
                """).ok();
        DeviceSheet desk = sheet(p, "desk");
        assertThat(value(desk, "Boot Server IP")).isEqualTo("198.51.100.7");
        assertThat(value(desk, "Phone/Port Expander IP")).isEqualTo("10.0.0.21");
        assertThat(value(desk, "Netmask IP")).isEqualTo("255.255.255.0");
        assertThat(value(desk, "Gateway IP")).isEqualTo("10.0.0.1");
        assertThat(value(desk, "DHCP")).isEqualTo("Disabled");
        assertThat(setting(desk, "Boot Server IP").orElseThrow().where()).isEqualTo("phone: CONFIG / Network Settings menu");
        assertThat(setting(sheet(p, "fax"), "Boot Server IP").orElseThrow().where()).isEqualTo("port expander: Config Mode page");
        assertThat(desk.talksTo()).singleElement().satisfies(c -> {
            assertThat(c.role()).isEqualTo("allworx-server");
            assertThat(c.name()).isEqualTo("hq");
            assertThat(c.kind()).isEqualTo(DeviceSheet.Counterpart.Kind.PEER);
        });
    }

    /** A server that is a device behind another firewall of the site is set at the address the branch reaches it. */
    @Test
    void aServerBehindAnotherFirewallIsSetAtItsPublicAddress() {
        Plan p = plan("""
                site: two
                firewalls:
                  hq-fw:
                    platform: iptables
                    interfaces:
                      outside: { name: eth0, address: 198.51.100.2/29 }
                      inside: { name: eth1, address: 10.1.0.1/24 }
                  branch-fw:
                    platform: iptables
                    interfaces:
                      outside: { name: eth0, address: 203.0.113.2/29 }
                      inside: { name: eth1, address: 10.2.0.1/24 }
                devices:
                  pbx: { model: allworx-server, address: 10.1.0.10 }
                  desk: { model: allworx-phone, address: 10.2.0.20 }
                """).ok();
        DeviceSheet desk = sheet(p, "desk");
        assertThat(value(desk, "Boot Server IP")).isEqualTo("198.51.100.2");
        assertThat(setting(desk, "Boot Server IP").orElseThrow().via()).isEqualTo("device pbx");
        assertThat(value(desk, "Gateway IP")).isEqualTo("10.2.0.1");
    }

    @Test
    void natSaysHowTheOutsideReachesTheDevice() {
        Plan p = plan("""
                site: nat
                firewalls:
                  fw:
                    platform: iptables
                    interfaces:
                      outside: { name: eth0, address: 203.0.113.10/29 }
                      inside: { name: eth1, address: 10.0.0.1/24 }
                    public-addresses: [203.0.113.11]
                devices:
                  shared: { model: net2phone-max, address: 10.0.0.20 }
                  own: { model: net2phone-max, address: 10.0.0.21, public-address: 203.0.113.11 }
                  edge: { model: net2phone-max, address: 203.0.113.13 }
                """).ok();
        assertThat(sheet(p, "shared").nat()).isEqualTo(DeviceSheet.Nat.SHARED);
        assertThat(sheet(p, "shared").publicAddress()).hasToString("203.0.113.10");
        assertThat(sheet(p, "own").nat()).isEqualTo(DeviceSheet.Nat.ONE_TO_ONE);
        assertThat(sheet(p, "own").publicAddress()).hasToString("203.0.113.11");
        assertThat(sheet(p, "edge").nat()).isEqualTo(DeviceSheet.Nat.NONE);
        assertThat(sheet(p, "edge").publicAddress()).isNull();
        // The site declares no Net2Phone network: the warning about it is on the sheet, and the Max talks to anyone.
        assertThat(sheet(p, "shared").warnings()).anyMatch(w -> w.contains("forwarded from anywhere"));
        assertThat(sheet(p, "shared").talksTo()).extracting(DeviceSheet.Counterpart::kind)
                .containsExactly(DeviceSheet.Counterpart.Kind.UNDECLARED);
        assertThat(texts(sheet(p, "shared").advice())).anyMatch(a -> a.contains("symmetric NAT"));
    }
}
