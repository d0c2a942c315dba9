package org.portplan.plan;

import java.util.List;
import org.portplan.core.Ipv4;

/**
 * What the administrator must set on one device: each allocated pool with the vendor's
 * setting, notes on ports it does without, and the model's other instructions.
 */
public record DeviceSheet(String device, String model, String modelTitle, String firewall, String zone,
                          Ipv4 address, Ipv4 publicAddress, List<Line> lines, List<String> notes) {

    /** One pool: its ports and the settings that apply them. */
    public record Line(String pool, String protocols, String ports, String purpose, List<String> settings) {
        public Line {
            settings = List.copyOf(settings);
        }
    }

    public DeviceSheet {
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }
}
