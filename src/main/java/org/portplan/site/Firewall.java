package org.portplan.site;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.portplan.core.Ipv4;
import org.portplan.core.Platform;
import org.portplan.diag.Location;

/**
 * A firewall of the site: its dialect, its interfaces by zone, and extra public addresses for 1:1
 * NAT. {@code location} is its key in the site file, {@code publicAddressLocations} where each
 * extra public address is listed.
 */
public record Firewall(String name, Platform platform, List<Interface> interfaces, List<Ipv4> publicAddresses,
                       Location location, Map<Ipv4, Location> publicAddressLocations) {

    public static final String OUTSIDE = "outside";

    public Firewall {
        interfaces = List.copyOf(interfaces);
        publicAddresses = List.copyOf(publicAddresses);
        publicAddressLocations = Map.copyOf(publicAddressLocations);
    }

    public Interface outside() {
        return zone(OUTSIDE).orElseThrow();
    }

    public Optional<Interface> zone(String zone) {
        for (Interface i : interfaces) {
            if (i.zone().equals(zone)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The zone whose subnet holds {@code a}, if any. */
    public Optional<Interface> zoneOf(Ipv4 a) {
        for (Interface i : interfaces) {
            if (i.address().contains(a)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Where public address {@code a} is written: its item under 'public-addresses', or the outside interface. */
    public Location locationOf(Ipv4 a) {
        return publicAddressLocations.getOrDefault(a, outside().location());
    }

    /** The outside interface's own address: the default public address of devices behind this firewall. */
    public Ipv4 defaultPublicAddress() {
        return outside().address().address();
    }
}
