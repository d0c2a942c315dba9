package org.portplan.rules;

import org.portplan.core.Cidr;

/** A firewall zone as emitters see it: its name, the interface facing it, and its subnet. */
public record Zone(String name, String interfaceName, Cidr subnet) {

    /** The zone facing the Internet; every firewall has one. */
    public static final String OUTSIDE = "outside";

    public boolean isOutside() {
        return name.equals(OUTSIDE);
    }
}
