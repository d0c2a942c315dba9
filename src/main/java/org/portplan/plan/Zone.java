package org.portplan.plan;

import org.portplan.core.Cidr;

/** A firewall zone as emitters see it: its name, the interface facing it, and its subnet. */
public record Zone(String name, String interfaceName, Cidr subnet) {

    public boolean isOutside() {
        return name.equals("outside");
    }
}
