package org.portplan.plan;

import java.util.List;
import org.portplan.core.Cidr;
import org.portplan.core.Ipv4;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;

/**
 * An inbound port forward: packets from {@code sources} (empty means anyone) arriving on the
 * outside for {@code publicAddress}:{@code publicPorts} go to {@code toAddress}:{@code toPorts}.
 * Emitters write it as NAT plus the filter rule that admits exactly these connections.
 */
public record Forward(String firewall, Zone from, Zone to, List<Cidr> sources, Protocol protocol, Ipv4 publicAddress,
                      PortRange publicPorts, Ipv4 toAddress, PortRange toPorts, String device, int deviceOrder,
                      boolean ownPublicAddress, Trace trace) {

    public Forward {
        sources = List.copyOf(sources);
    }
}
