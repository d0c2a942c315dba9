package org.portplan.site;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.portplan.core.Ipv4;
import org.portplan.core.PortRange;
import org.portplan.diag.Located;
import org.portplan.diag.Location;

/**
 * One device of the site after {@code count} expansion, placed in the firewall and zone whose
 * subnet holds its address. {@code publicAddress} is where the outside reaches it (the
 * firewall's outside address unless the site gives one); {@code ports} are pools the
 * administrator pinned to ports the device already uses.
 */
public record Device(String name, int order, Located<String> model, Ipv4 address, String firewall, String zone,
                     Ipv4 publicAddress, boolean ownPublicAddress, Map<String, Located<String>> params,
                     Map<String, Located<PortRange>> ports, Location location) {

    public Device {
        // File order, never Map.copyOf's order, which changes from one JVM run to the next.
        params = params.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        ports = ports.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(ports));
    }
}
