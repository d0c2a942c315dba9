package org.portplan.report;

import java.util.ArrayList;
import java.util.List;
import org.portplan.core.Cidr;
import org.portplan.core.PortRange;

/** How the plan reports show addresses and ports. */
final class Addresses {

    private Addresses() {
    }

    /** Hosts as plain addresses, prefixes as CIDR; an empty list (anyone) as 0.0.0.0/0. */
    static List<String> list(List<Cidr> cidrs) {
        if (cidrs.isEmpty()) {
            return List.of("0.0.0.0/0");
        }
        List<String> out = new ArrayList<>();
        for (Cidr c : cidrs) {
            out.add(c.isHost() ? c.address().toString() : c.networkString());
        }
        return out;
    }

    static String joined(List<Cidr> cidrs) {
        return cidrs.isEmpty() ? "any" : String.join(" ", list(cidrs));
    }

    static String ports(PortRange r) {
        return r == null ? "any" : r.toString();
    }
}
