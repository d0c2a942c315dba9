package org.portplan.diff;

import java.util.List;

/**
 * A device whose ports a change adds, moves or takes away, with what to set on the device:
 * each pool's ports before and after ("udp 5061 at 203.0.113.10", null when it had or gets
 * none) and the settings that apply the new ports, in the vendor's words.
 */
public record DeviceChange(String device, String model, String firewall, String address, List<PoolChange> pools) {

    /** One pool of the device. */
    public record PoolChange(String pool, String before, String after, List<String> settings) {
        public PoolChange {
            settings = List.copyOf(settings);
        }
    }

    public DeviceChange {
        pools = List.copyOf(pools);
    }
}
