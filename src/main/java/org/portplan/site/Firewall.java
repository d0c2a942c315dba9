package org.portplan.site;

import java.util.List;
import java.util.Optional;
import org.portplan.core.Ipv4;
import org.portplan.core.Platform;
import org.portplan.diag.Location;

/** A firewall of the site: its dialect, its interfaces by zone, and extra public addresses for 1:1 NAT. */
public record Firewall(String name, Platform platform, List<Interface> interfaces, List<Ipv4> publicAddresses,
                       Location location) {

    public static final String OUTSIDE = "outside";

    public Firewall {
        interfaces = List.copyOf(interfaces);
        publicAddresses = List.copyOf(publicAddresses);
    }

    public Interface outside() {
        return zone(OUTSIDE).orElseThrow();
    }

    public Optional<Interface> zone(String zone) {
        return interfaces.stream().filter(i -> i.zone().equals(zone)).findFirst();
    }

    /** The zone whose subnet holds {@code a}, if any. */
    public Optional<Interface> zoneOf(Ipv4 a) {
        return interfaces.stream().filter(i -> i.address().contains(a)).findFirst();
    }

    /** The outside interface's own address: the default public address of devices behind this firewall. */
    public Ipv4 defaultPublicAddress() {
        return outside().address().address();
    }
}
