package org.portplan.report;

import java.util.ArrayList;
import java.util.List;
import org.portplan.core.AddressSet;
import org.portplan.core.Cidr;
import org.portplan.core.PortRange;

/** How the plan reports show addresses and ports. */
final class Addresses {

    private Addresses() {
    }

    /** Hosts as plain addresses, prefixes as CIDR; anyone as 0.0.0.0/0. */
    static List<String> list(AddressSet set) {
        List<String> out = new ArrayList<>();
        for (Cidr c : set.cidrs()) {
            out.add(c.isHost() ? c.address().toString() : c.networkString());
        }
        return out;
    }

    static String joined(AddressSet set) {
        return set.isAny() ? "any" : String.join(" ", list(set));
    }

    static String ports(PortRange r) {
        return r == null ? "any" : r.toString();
    }
}
