package org.portplan.diff;

import java.util.List;

/** What a change does to one firewall: the rules it opens and closes and the outbound NAT it changes. */
public record FirewallDiff(String name, Status status, List<RuleChange> opened, List<RuleChange> closed,
                           List<NatChange> nat) {

    /** Whether the firewall is new, gone, or in both versions. */
    public enum Status {
        ADDED, REMOVED, KEPT;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public FirewallDiff {
        opened = List.copyOf(opened);
        closed = List.copyOf(closed);
        nat = List.copyOf(nat);
    }

    public boolean isEmpty() {
        return opened.isEmpty() && closed.isEmpty() && nat.isEmpty() && status == Status.KEPT;
    }
}
