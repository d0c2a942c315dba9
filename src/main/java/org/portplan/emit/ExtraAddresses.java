package org.portplan.emit;

import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import org.portplan.core.Ipv4;
import org.portplan.rules.FirewallPlan;
import org.portplan.rules.Forward;
import org.portplan.rules.SourceNat;
import org.portplan.rules.Zone;

/**
 * The public addresses a file translates to beyond the outside interface's own, and what makes
 * packets to each reach the firewall: in the outside subnet, the firewall must answer ARP for it;
 * beyond it, the upstream router must route it to the firewall. The rules alone do neither, so
 * every file says so in its header, in its dialect's words.
 */
public final class ExtraAddresses {

    private ExtraAddresses() {
    }

    /** The public addresses the plan's forwards and outbound NAT use, other than the outside interface's, in order. */
    public static List<Ipv4> of(FirewallPlan fw) {
        TreeSet<Ipv4> used = new TreeSet<>();
        fw.forwards().stream().map(Forward::publicAddress).forEach(used::add);
        fw.sourceNats().stream().map(SourceNat::publicAddress).forEach(used::add);
        used.remove(fw.outside().subnet().address());
        return List.copyOf(used);
    }

    /** For Linux (iptables, nftables): the address goes on the outside interface, as iproute2 adds it. */
    public static void linux(StringBuilder out, FirewallPlan fw) {
        write(out, fw, "# ", a -> "add it there, or nobody answers ARP for it: ip addr add " + a + "/32 dev "
                + fw.outside().interfaceName());
    }

    /** For OpenBSD: the address as an alias of the outside interface. */
    public static void openbsd(StringBuilder out, FirewallPlan fw) {
        write(out, fw, "# ", a -> "add it there, or nobody answers ARP for it: ifconfig " + fw.outside().interfaceName()
                + " inet alias " + a + " netmask 255.255.255.255");
    }

    /** For PIX and ASA, which answer ARP for the mapped addresses of their NAT rules on the interface (proxy ARP). */
    public static void cisco(StringBuilder out, FirewallPlan fw) {
        write(out, fw, "! ", a -> "the firewall answers ARP for it itself (proxy ARP for the addresses of its NAT rules)");
    }

    /**
     * Header comment lines, {@code prefix} starting each: one per extra address, with
     * {@code onLink} saying what makes the firewall answer ARP for an address in the outside
     * subnet; nothing when there is no extra address.
     */
    private static void write(StringBuilder out, FirewallPlan fw, String prefix, Function<Ipv4, String> onLink) {
        List<Ipv4> extra = of(fw);
        if (extra.isEmpty()) {
            return;
        }
        Zone outside = fw.outside();
        out.append(prefix).append("Public addresses beyond ").append(outside.interfaceName())
                .append("'s own: packets to them must reach this firewall (docs/targets.md, extra public addresses).\n");
        for (Ipv4 a : extra) {
            out.append(prefix).append(a);
            if (outside.subnet().contains(a)) {
                out.append(" is in ").append(outside.interfaceName()).append("'s subnet: ").append(onLink.apply(a));
            } else {
                out.append(" is not in ").append(outside.interfaceName()).append("'s subnet: the upstream router must route it to ")
                        .append(outside.subnet().address());
            }
            out.append('\n');
        }
    }
}
