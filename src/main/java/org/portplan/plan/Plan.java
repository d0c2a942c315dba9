package org.portplan.plan;

import java.util.List;
import java.util.Map;
import org.portplan.diag.Location;
import org.portplan.lock.Lock;
import org.portplan.site.Acknowledgement;
import org.portplan.rules.FirewallPlan;

/**
 * The compiled site: the allocation table, the neutral rules of each firewall, the forwards
 * anyone on the Internet reaches (with why), one settings sheet per device, the lock file the
 * allocation amounts to, how that differs from the lock the site was planned with, and the
 * kinds of warnings the site acknowledges. {@code firewallLocations} says where each firewall
 * is written in the site file, for the diagnostics of writing its rules.
 */
public record Plan(String site, String siteFile, List<String> features, AllocationTable allocations,
                   List<FirewallPlan> firewalls, List<Reachable> reachable, List<DeviceSheet> devices, Lock lock,
                   List<LockChange> lockChanges, List<Acknowledgement> acknowledgements,
                   Map<String, Location> firewallLocations) {

    public Plan {
        features = List.copyOf(features);
        firewalls = List.copyOf(firewalls);
        reachable = List.copyOf(reachable);
        devices = List.copyOf(devices);
        lockChanges = List.copyOf(lockChanges);
        acknowledgements = List.copyOf(acknowledgements);
        firewallLocations = Map.copyOf(firewallLocations);
    }
}
