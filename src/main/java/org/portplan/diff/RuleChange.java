package org.portplan.diff;

import java.util.List;
import org.portplan.core.Protocol;

/**
 * One difference in what a firewall lets through, as a set of packets: new connections from
 * {@code sources} to {@code destinations} on {@code ports} that the new plan {@link Change#OPENED
 * opens} or {@link Change#CLOSED closes}. A forward also names the device address the public
 * address translates to; {@code entries} are the devices and catalog entries of the rules that
 * cover it.
 */
public record RuleChange(Change change, Kind kind, String from, String to, Protocol protocol, List<String> sources,
                         List<String> destinations, String translatedTo, String sourcePorts, List<String> ports,
                         List<String> entries) {

    /** Which way the change goes. */
    public enum Change {
        OPENED("+"), CLOSED("-");

        private final String sign;

        Change(String sign) {
            this.sign = sign;
        }

        public String sign() {
            return sign;
        }
    }

    /** A forward (destination NAT from outside) or a permit between zones. */
    public enum Kind {
        FORWARD, PERMIT;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RuleChange {
        sources = List.copyOf(sources);
        destinations = List.copyOf(destinations);
        ports = List.copyOf(ports);
        entries = List.copyOf(entries);
    }

    /** "forward udp 5067 from 198.51.100.7 to 203.0.113.10 -> 10.0.0.20", "permit inside -> outside tcp ...". */
    public String describe() {
        StringBuilder sb = new StringBuilder(kind.id()).append(' ');
        if (kind == Kind.PERMIT) {
            sb.append(from).append(" -> ").append(to).append(' ');
        }
        sb.append(protocol.id()).append(' ').append(String.join(", ", ports));
        if (sourcePorts != null) {
            sb.append(" (from port ").append(sourcePorts).append(')');
        }
        sb.append(" from ").append(String.join(", ", sources)).append(" to ").append(String.join(", ", destinations));
        if (translatedTo != null) {
            sb.append(" -> ").append(translatedTo);
        }
        return sb.toString();
    }
}
