package org.portplan.plan;

import java.util.List;

/** The compiled site: one plan per firewall and one settings sheet per device. */
public record Plan(String site, String siteFile, List<FirewallPlan> firewalls, List<DeviceSheet> devices,
                   List<String> features) {

    public Plan {
        firewalls = List.copyOf(firewalls);
        devices = List.copyOf(devices);
        features = List.copyOf(features);
    }
}
