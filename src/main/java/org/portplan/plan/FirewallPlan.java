package org.portplan.plan;

import java.util.List;
import java.util.Optional;
import org.portplan.core.Ipv4;
import org.portplan.core.Platform;

/** Everything one firewall must do, in vendor-neutral terms, ready for an emitter. */
public record FirewallPlan(String name, Platform platform, List<Zone> zones, Ipv4 defaultPublicAddress,
                           List<Ipv4> publicAddresses, List<Allocation> allocations, List<Forward> forwards,
                           List<Permit> permits, List<SourceNat> sourceNats) {

    public FirewallPlan {
        zones = List.copyOf(zones);
        publicAddresses = List.copyOf(publicAddresses);
        allocations = List.copyOf(allocations);
        forwards = List.copyOf(forwards);
        permits = List.copyOf(permits);
        sourceNats = List.copyOf(sourceNats);
    }

    public Zone outside() {
        return zone("outside").orElseThrow();
    }

    public Optional<Zone> zone(String name) {
        return zones.stream().filter(z -> z.name().equals(name)).findFirst();
    }

    /** The same plan written for another dialect (the CLI's --target). */
    public FirewallPlan withPlatform(Platform p) {
        return new FirewallPlan(name, p, zones, defaultPublicAddress, publicAddresses, allocations, forwards, permits,
                sourceNats);
    }
}
