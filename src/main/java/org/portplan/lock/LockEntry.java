package org.portplan.lock;

import java.util.Objects;
import org.portplan.core.Ipv4;
import org.portplan.core.PortRange;
import org.portplan.diag.Location;

/**
 * One allocation as a lock file records it: the ports {@code pool} of {@code device} holds at
 * {@code scope} (the public address its ports are reached at, or its own address), for
 * {@code protocols} ("udp", "tcp/udp"), with the catalog entry they were allocated under.
 * {@code location} is where the entry is written in the lock file (null for a new entry).
 */
public record LockEntry(String firewall, String device, String pool, String model, String protocols, Ipv4 scope,
                        PortRange ports, String catalog, Location location) {

    public LockEntry {
        Objects.requireNonNull(firewall);
        Objects.requireNonNull(device);
        Objects.requireNonNull(pool);
        Objects.requireNonNull(model);
        Objects.requireNonNull(protocols);
        Objects.requireNonNull(scope);
        Objects.requireNonNull(ports);
        Objects.requireNonNull(catalog);
    }

    /** The same allocation, whatever line of which file it was read from. */
    public boolean sameAs(LockEntry o) {
        return firewall.equals(o.firewall) && device.equals(o.device) && pool.equals(o.pool) && model.equals(o.model)
                && protocols.equals(o.protocols) && scope.equals(o.scope) && ports.equals(o.ports)
                && catalog.equals(o.catalog);
    }

    /** "udp 16384-16393 at 203.0.113.10". */
    public String describe() {
        return protocols + " " + ports + " at " + scope;
    }
}
