package org.portplan.site;

import java.util.List;
import java.util.Map;
import org.portplan.core.Cidr;
import org.portplan.core.PortRange;
import org.portplan.diag.Located;
import org.portplan.diag.Location;

/**
 * A party the site talks to but does not plan, by role (an Allworx server at headquarters, a
 * STUN server, ...). When a device model plays the role, {@code params} and {@code ports}
 * say how the peer is configured, so flows to it use its real ports instead of the defaults.
 */
public record Peer(String name, Located<String> role, List<Cidr> addresses, Map<String, Located<String>> params,
                   Map<String, Located<PortRange>> ports, Location location) {

    public Peer {
        addresses = List.copyOf(addresses);
        params = Map.copyOf(params);
        ports = Map.copyOf(ports);
    }
}
