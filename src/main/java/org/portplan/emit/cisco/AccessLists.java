package org.portplan.emit.cisco;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.portplan.core.AddressSet;
import org.portplan.core.Cidr;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;
import org.portplan.emit.Text;
import org.portplan.rules.FirewallPlan;
import org.portplan.rules.Forward;
import org.portplan.rules.Permit;
import org.portplan.rules.Trace;
import org.portplan.rules.Zone;

/**
 * The extended access lists of a Cisco firewall: one per interface ({@code <nameif>_access_in}),
 * each bound to its interface and ending in an explicit deny, so that no interface is left to
 * security levels alone. Within a list: entries for inside destinations, then (where the list
 * has flows to anyone outside) a deny of every inside subnet, then the outside-bound entries,
 * whose "any" may thus only mean the outside. How addresses and ports are written is the
 * dialect's ({@link Operands}).
 */
public final class AccessLists {

    /** How one dialect writes the operands of an access-list entry. */
    public interface Operands {

        /** {@code set} of {@code zone} as source or destination operands: one entry is written per operand. */
        List<String> addresses(AddressSet set, Zone zone);

        /** A port operand of {@code protocol} with its leading space, or "" for any port. */
        String ports(Protocol protocol, PortRange r);

        /** The destination of a forward's entry, with its ports: the mapped address (PIX) or the real one (ASA 8.3+). */
        String forwardDestination(Forward f);
    }

    private AccessLists() {
    }

    public static String aclName(String nameif) {
        return nameif + "_access_in";
    }

    /** Every list and its access-group, in interface-name order. */
    public static String write(FirewallPlan fw, Operands ops) {
        Map<String, List<String>> inward = new LinkedHashMap<>();
        Map<String, List<String>> outward = new LinkedHashMap<>();
        for (Zone z : fw.zones()) {
            inward.put(z.interfaceName(), new ArrayList<>());
            outward.put(z.interfaceName(), new ArrayList<>());
        }
        for (Forward f : fw.forwards()) {
            List<String> lines = inward.get(f.from().interfaceName());
            lines.add(remark(f.from().interfaceName(), f.trace()));
            for (String src : ops.addresses(f.sources(), f.from())) {
                lines.add(aclName(f.from().interfaceName()) + " extended permit " + f.protocol().id() + " " + src
                        + " " + ops.forwardDestination(f));
            }
        }
        for (Permit p : fw.permits()) {
            List<String> lines = (p.to().isOutside() ? outward : inward).get(p.from().interfaceName());
            lines.add(remark(p.from().interfaceName(), p.trace()));
            for (String src : ops.addresses(p.sources(), p.from())) {
                for (String dst : ops.addresses(p.destinations(), p.to())) {
                    lines.add(aclName(p.from().interfaceName()) + " extended permit " + p.protocol().id() + " " + src
                            + ops.ports(p.protocol(), p.sourcePorts()) + " " + dst + ops.ports(p.protocol(), p.ports()));
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (String nameif : new TreeSet<>(inward.keySet())) {
            String acl = aclName(nameif);
            List<String> lines = new ArrayList<>(inward.get(nameif));
            boolean anyOutside = fw.permits().stream().anyMatch(p -> p.from().interfaceName().equals(nameif)
                    && p.to().isOutside() && p.destinations().isAny());
            if (anyOutside) {
                lines.add(acl + " remark inside subnets: flows to anyone outside below must not reach them");
                for (Cidr c : fw.insideSubnets()) {
                    lines.add(acl + " extended deny ip any " + c.network() + " " + c.netmask());
                }
            }
            lines.addAll(outward.get(nameif));
            lines.add(acl + " remark default deny: nothing else enters by " + nameif);
            lines.add(acl + " extended deny ip any any");
            for (String l : lines) {
                out.append("access-list ").append(l).append('\n');
            }
            out.append("access-group ").append(acl).append(" in interface ").append(nameif).append('\n');
        }
        return out.toString();
    }

    /** The commands removing every list and its access-group, each list unbound before it is cleared. */
    public static List<String> removal(FirewallPlan fw) {
        List<String> out = new ArrayList<>();
        for (String nameif : new TreeSet<>(fw.zones().stream().map(Zone::interfaceName).toList())) {
            out.add("no access-group " + aclName(nameif) + " in interface " + nameif);
            out.add("clear configure access-list " + aclName(nameif));
        }
        return out;
    }

    private static String remark(String nameif, Trace t) {
        return aclName(nameif) + " remark " + Text.comment(t.devices() + " " + t.entry()
                + (t.purpose() == null ? "" : ": " + t.purpose()), Cisco.REMARK_MAX);
    }
}
