package org.portplan.rules;

import org.portplan.core.AddressSet;
import org.portplan.core.Ipv4;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;

/**
 * An inbound port forward: packets from {@code sources} arriving on the outside for
 * {@code publicAddress}:{@code publicPorts} go to {@code toAddress}:{@code toPorts}.
 * Emitters write it as NAT plus the filter rule that admits exactly these connections.
 */
public record Forward(String firewall, Zone from, Zone to, AddressSet sources, Protocol protocol, Ipv4 publicAddress,
                      PortRange publicPorts, Ipv4 toAddress, PortRange toPorts, String device, int deviceOrder,
                      boolean ownPublicAddress, Trace trace) {

    public Forward {
        java.util.Objects.requireNonNull(sources);
        if (publicPorts.size() != toPorts.size()) {
            throw new IllegalArgumentException("a forward maps " + publicPorts + " onto " + toPorts + ", a different number of ports");
        }
    }
}
