package org.portplan.rules;

import java.util.List;
import java.util.Optional;
import org.portplan.core.Cidr;
import org.portplan.core.Ipv4;
import org.portplan.core.Platform;

/** Everything one firewall must do, in vendor-neutral terms: the only input of an emitter. */
public record FirewallPlan(String name, Platform platform, List<Zone> zones, Ipv4 defaultPublicAddress,
                           List<Ipv4> publicAddresses, List<Forward> forwards, List<Permit> permits,
                           List<SourceNat> sourceNats) {

    public FirewallPlan {
        zones = List.copyOf(zones);
        publicAddresses = List.copyOf(publicAddresses);
        forwards = List.copyOf(forwards);
        permits = List.copyOf(permits);
        sourceNats = List.copyOf(sourceNats);
        if (zones.stream().noneMatch(Zone::isOutside)) {
            throw new IllegalArgumentException("firewall " + name + " has no outside zone");
        }
    }

    public Zone outside() {
        return zone(Zone.OUTSIDE).orElseThrow();
    }

    public Optional<Zone> zone(String name) {
        return zones.stream().filter(z -> z.name().equals(name)).findFirst();
    }

    /** The zones other than the outside, whose subnets "any in the outside zone" excludes. */
    public List<Zone> insideZones() {
        return zones.stream().filter(z -> !z.isOutside()).toList();
    }

    /** The subnets of the zones other than the outside, in address order. */
    public List<Cidr> insideSubnets() {
        return insideZones().stream().map(z -> new Cidr(z.subnet().network(), z.subnet().prefix())).sorted().toList();
    }

    /** The same plan written for another dialect (the CLI's --target). */
    public FirewallPlan withPlatform(Platform p) {
        return new FirewallPlan(name, p, zones, defaultPublicAddress, publicAddresses, forwards, permits, sourceNats);
    }
}
