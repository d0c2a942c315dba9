package org.portplan.catalog;

import java.util.List;
import java.util.Set;
import org.portplan.core.Protocol;
import org.portplan.diag.Location;

/**
 * A named set of ports a device model listens on (SIP, RTP, BLF, H.245, ...), with the
 * settings that make the device use the ports the plan gives it.
 */
public record Pool(String name, Set<Protocol> protocols, PoolKind kind, String purpose,
                   List<Setting> settings, Citation source, Location location) {

    public Pool {
        protocols = Set.copyOf(protocols);
        settings = List.copyOf(settings);
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("a pool needs at least one protocol");
        }
    }

    /** Protocols in a stable order (tcp before udp). */
    public List<Protocol> protocolList() {
        return protocols.stream().sorted().toList();
    }
}
