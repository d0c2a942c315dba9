package org.portplan.plan;

import org.portplan.core.Ipv4;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;

/**
 * Ports the plan gives one pool of one device, for one protocol. {@code publicAddress} is set
 * when the pool is reached from outside through that address (the allocation scope).
 */
public record Allocation(String firewall, String device, String model, String pool, Protocol protocol,
                         PortRange ports, Ipv4 deviceAddress, Ipv4 publicAddress, Kind kind) {

    /** How the ports were chosen. */
    public enum Kind {
        /** The vendor's fixed port. */
        FIXED,
        /** A port forwarded once per public address; this device is the first of its group there. */
        ONCE_PER_ADDRESS,
        /** The vendor default, free in its scope. */
        DEFAULT,
        /** Moved above the vendor default because another device in the scope has it. */
        MOVED,
        /** Pinned by the site's {@code ports:}. */
        PINNED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
