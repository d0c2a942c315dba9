package org.portplan;

import java.util.List;

/**
 * Issue 8's small office, as the lifecycle tests edit it: six Allworx phones, a Net2Phone Max
 * and a PLANET phone behind one iptables firewall, with the three servers they talk to.
 */
public final class Office {

    /** The six phones, in file order (device entries without indentation). */
    public static final List<String> PHONES = List.of(
            "p1: { model: allworx-phone, address: 10.0.0.11 }",
            "p2: { model: allworx-phone, address: 10.0.0.12 }",
            "p3: { model: allworx-phone, address: 10.0.0.13 }",
            "p4: { model: allworx-phone, address: 10.0.0.14 }",
            "p5: { model: allworx-phone, address: 10.0.0.15 }",
            "p6: { model: allworx-phone, address: 10.0.0.16 }");

    /** The site up to its {@code devices:} key. */
    public static final String HEAD = """
            site: office
            firewalls:
              fw:
                platform: iptables
                interfaces:
                  outside: { name: eth0, address: 203.0.113.10/29 }
                  inside:  { name: eth1, address: 10.0.0.1/24 }
            peers:
              hq: { role: allworx-server, addresses: [198.51.100.7] }
              n2p: { role: net2phone-service, addresses: [198.51.100.64/26] }
              itsp: { role: planet-sip-server, addresses: [198.51.100.200] }
            devices:
            """;

    private Office() {
    }

    /** The office with these phones (entries as in {@link #PHONES}), then the Max and the PLANET phone. */
    public static String site(List<String> phones) {
        StringBuilder s = new StringBuilder(HEAD);
        for (String p : phones) {
            s.append("  ").append(p).append('\n');
        }
        return s.append("  max: { model: net2phone-max, address: 10.0.0.30 }\n")
                .append("  lobby: { model: planet-vip-2140pt, address: 10.0.0.40 }\n").toString();
    }
}
