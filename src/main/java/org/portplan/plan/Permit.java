package org.portplan.plan;

import java.util.List;
import org.portplan.core.Cidr;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;

/**
 * New connections allowed between two zones without destination NAT: from {@code sources} to
 * {@code destinations} (empty lists mean anyone), to {@code ports} (null means any port),
 * from {@code sourcePorts} when the catalog row fixes them.
 */
public record Permit(String firewall, Zone from, Zone to, List<Cidr> sources, List<Cidr> destinations,
                     Protocol protocol, PortRange sourcePorts, PortRange ports, String flow, String model,
                     Trace trace) {

    public Permit {
        sources = List.copyOf(sources);
        destinations = List.copyOf(destinations);
    }
}
