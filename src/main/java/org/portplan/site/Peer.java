package org.portplan.site;

import java.util.Collections;
import java.util.LinkedHashMap;
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
        // File order, never Map.copyOf's order, which changes from one JVM run to the next.
        params = params.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        ports = ports.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(ports));
    }
}
