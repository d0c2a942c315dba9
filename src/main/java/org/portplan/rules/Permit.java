package org.portplan.rules;

import org.portplan.core.AddressSet;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;

/**
 * New connections allowed between two zones without destination NAT: from {@code sources} to
 * {@code destinations} (each {@link AddressSet#any()} or exact prefixes of its zone), to
 * {@code ports} (null means any port), from {@code sourcePorts} when the catalog row fixes them.
 */
public record Permit(String firewall, Zone from, Zone to, AddressSet sources, AddressSet destinations,
                     Protocol protocol, PortRange sourcePorts, PortRange ports, String flow, String model,
                     Trace trace) {

    public Permit {
        java.util.Objects.requireNonNull(sources);
        java.util.Objects.requireNonNull(destinations);
        if (from.equals(to)) {
            throw new IllegalArgumentException("a permit crosses the firewall: zone " + from.name() + " to itself is no permit");
        }
    }
}
