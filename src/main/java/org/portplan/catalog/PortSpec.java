package org.portplan.catalog;

import java.util.List;
import java.util.Set;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;

/**
 * One "protocol ports" item of a flow, e.g. {@code tcp 3336, 3338}, {@code tcp/udp 5060},
 * {@code udp rtp} (a pool of the model at that end) or {@code udp any}.
 */
public record PortSpec(Set<Protocol> protocols, Target target, String text, org.portplan.diag.Location location) {

    /** What the ports are. */
    public sealed interface Target permits Ports, PoolRef, Any {
    }

    /** Literal ports and ranges. */
    public record Ports(List<PortRange> ranges) implements Target {
        public Ports {
            ranges = List.copyOf(ranges);
        }
    }

    /** The ports allocated to a pool of the device at that end of the flow. */
    public record PoolRef(String pool) implements Target {
    }

    /** Any port (ephemeral ports, or ports the documents do not give). */
    public record Any() implements Target {
    }

    public PortSpec {
        protocols = Set.copyOf(protocols);
    }

    public List<Protocol> protocolList() {
        return Protocol.sorted(protocols);
    }
}
