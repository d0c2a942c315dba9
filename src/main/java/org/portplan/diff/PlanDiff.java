package org.portplan.diff;

import java.util.List;

/**
 * How two versions of a site differ by meaning: per firewall the rules opened and closed and
 * the NAT changed, then the devices to reconfigure, the new devices to set up and the devices
 * removed. Empty when the two versions let through the same packets and keep every port.
 */
public record PlanDiff(String before, String after, List<FirewallDiff> firewalls, List<DeviceChange> reconfigure,
                       List<DeviceChange> added, List<DeviceChange> removed) {

    public PlanDiff {
        firewalls = List.copyOf(firewalls);
        reconfigure = List.copyOf(reconfigure);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    public boolean isEmpty() {
        return firewalls.stream().allMatch(FirewallDiff::isEmpty) && reconfigure.isEmpty() && added.isEmpty()
                && removed.isEmpty();
    }

    /** The firewalls that change. */
    public List<FirewallDiff> changed() {
        return firewalls.stream().filter(f -> !f.isEmpty()).toList();
    }
}
