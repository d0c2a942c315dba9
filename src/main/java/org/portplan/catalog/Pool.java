package org.portplan.catalog;

import java.util.List;
import java.util.Set;
import org.portplan.core.PortRange;
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

    /**
     * The ports a party of this pool uses when nobody allocates them (a peer): the fixed
     * ports, or the vendor's default start with the size {@code params} give.
     */
    public PortRange defaultPorts(java.util.Map<String, String> params, java.util.Map<String, Long> numbers) {
        if (kind instanceof PoolKind.Fixed fx) {
            return fx.ports();
        }
        if (kind instanceof PoolKind.PerAddress pa) {
            return pa.ports();
        }
        PoolKind.Allocatable a = (PoolKind.Allocatable) kind;
        PoolKind.Window w = a.windowFor(params);
        long last = Math.min(w.bounds().last(), w.defaultRange().first() + a.size(params, numbers) - 1);
        return new PortRange(w.defaultRange().first(), (int) last);
    }

    /** Protocols in a stable order (tcp before udp). */
    public List<Protocol> protocolList() {
        return Protocol.sorted(protocols);
    }
}
