package org.portplan.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.portplan.TestSupport;

/** What the shipped catalog must contain, as the issues and the vendor documents set it out. */
class ShippedCatalogTest {

    private final Catalog catalog = TestSupport.catalog();

    @Test
    void hasEveryModelUsersName() {
        assertThat(catalog.models().keySet()).contains("allworx-phone", "allworx-port-expander", "allworx-server",
                "net2phone-max", "planet-vip-1120pt", "planet-vip-2140pt",
                "equinox-management", "equinox-media-server", "equinox-elite-mcu", "equinox-scopia-desktop-server",
                "equinox-h323-edge", "equinox-asbce-edge", "equinox-xt-desktop-server", "equinox-xt-series",
                "equinox-isdn-gateway", "equinox-classic-mcu", "equinox-wcs", "equinox-sr-manager",
                "equinox-sr-conference-point", "equinox-sr-delivery-node", "equinox-sr-transcoder",
                "equinox-sr-virtual-delivery-node", "equinox-vc240", "equinox-video-gateway", "equinox-sip-gateway",
                "equinox-tip-gateway", "equinox-unified-portal");
    }

    @Test
    void hasThePeerRolesSitesDeclare() {
        assertThat(catalog.allRoleNames()).contains("management-pc", "dns-server", "ntp-server", "snmp-server",
                "ldap-server", "active-directory", "email-server", "stun-server", "sip-terminal", "h323-terminal",
                "web-client", "internet", "provisioning-server", "allworx-server", "net2phone-service");
        assertThat(catalog.roles().get("internet").whenUndeclared()).isEqualTo(Undeclared.INTERNET);
        assertThat(catalog.roles().get("allworx-server").whenUndeclared()).isEqualTo(Undeclared.ANYONE);
        assertThat(catalog.roles().get("net2phone-service").whenUndeclared()).isEqualTo(Undeclared.ANYONE);
        assertThat(catalog.roles().get("dns-server").whenUndeclared()).isEqualTo(Undeclared.NOBODY);
        assertThat(catalog.roles().get("management-pc").management()).isTrue();
    }

    /** Every port table of the Equinox port security guide is transcribed (each cited by flows). */
    @Test
    void citesEveryEquinoxPortTable() {
        Set<String> cited = new TreeSet<>();
        for (Flow f : catalog.flows().values()) {
            if (f.source().document().equals("avaya-equinox-port-security-9")) {
                cited.add(f.source().section());
            }
        }
        for (String table : List.of("Equinox Management ports", "Equinox Media Server Ports", "Elite MCU Ports",
                "Scopia Desktop Server Ports", "H.323 Edge Ports", "ASBCE Edge Ports", "XT Desktop Ports", "XT Series Ports",
                "ISDN Gateway Ports", "Scopia Classic MCU Ports", "WCS Ports", "Streaming and Recording Ports", "VC240 Ports",
                "Video Gateway Ports", "SIP Gateway Ports", "TIP Gateway Ports", "Unified Portal/Web Gateway")) {
            assertThat(cited).as("flows citing the table '%s'", table).anyMatch(s -> s.startsWith(table));
        }
    }

    @Test
    void marksTheAlwaysBlockedAdministrationRows() {
        List<Flow> blocked = catalog.flows().values().stream().filter(Flow::neverFromOutside).toList();
        assertThat(blocked).extracting(Flow::to).contains("equinox-media-server", "equinox-elite-mcu");
        assertThat(blocked).allSatisfy(f -> assertThat(f.requirement()).isEqualTo(Requirement.OPTIONAL));
    }

    @Test
    void correctsTheDocumentsMisprintsAndSaysSo() {
        Flow isdn = catalog.flows().values().stream()
                .filter(f -> f.source().note() != null && f.source().note().contains("120002"))
                .findFirst().orElseThrow(() -> new AssertionError("no flow notes the ISDN misprint 120002-12952"));
        List<PortSpec> both = new java.util.ArrayList<>(isdn.ports());
        both.addAll(isdn.fromPorts());
        assertThat(both).anyMatch(p -> p.text().contains("12002-12952"));
    }

    @Test
    void everyMovableRangeSaysHowToSetItOnTheDevice() {
        for (DeviceModel m : catalog.models().values()) {
            for (Pool p : m.pools()) {
                if (p.kind() instanceof PoolKind.Allocatable) {
                    assertThat(p.settings()).as("%s pool %s has settings", m.id(), p.name()).isNotEmpty();
                }
            }
        }
    }

    @Test
    void everyDocumentIsCitedAndEveryCitationHasASection() {
        Set<String> used = new TreeSet<>();
        for (DeviceModel m : catalog.models().values()) {
            used.add(m.source().document());
            m.pools().forEach(p -> used.add(p.source().document()));
            m.instructions().forEach(i -> used.add(i.source().document()));
        }
        for (Flow f : catalog.flows().values()) {
            used.add(f.source().document());
            assertThat(f.source().section()).as("section of flow %s", f.id()).isNotBlank();
        }
        assertThat(used).containsAll(catalog.documents().keySet());
    }
}
