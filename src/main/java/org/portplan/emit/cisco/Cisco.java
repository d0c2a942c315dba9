package org.portplan.emit.cisco;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.portplan.core.Cidr;
import org.portplan.core.Ipv4;
import org.portplan.core.Platform;
import org.portplan.core.PortRange;
import org.portplan.emit.Comments;
import org.portplan.emit.ExtraAddresses;
import org.portplan.rules.FirewallPlan;
import org.portplan.rules.Forward;
import org.portplan.rules.SourceNat;
import org.portplan.rules.Trace;
import org.portplan.rules.Zone;

/** What the Cisco dialects (PIX 7, ASA 8.3+) write alike: comments, operands, one-to-one NAT, inspection, removal. */
public final class Cisco {

    /** Access-list remarks are limited to 100 characters. */
    static final int REMARK_MAX = 100;
    /** Prefix of the commented removal commands at the end of a file (sed -n 's/^! undo: //p'). */
    public static final String UNDO = "! undo: ";

    private Cisco() {
    }

    /** A {@code !} comment line with the rule's full explanation. */
    public static void trace(StringBuilder out, Trace t) {
        out.append("! ").append(Comments.trace(t)).append('\n');
    }

    /** The comment lines every Cisco file starts with: its title, then how to apply it. */
    public static void header(StringBuilder out, String site, FirewallPlan fw, String dialect) {
        Comments.title(out, "! ", site, fw, dialect);
        out.append("! Paste in configuration mode. Interface names are the interfaces' nameif.\n");
    }

    /** The header's pointer to the removal section, for replacing an earlier version. */
    public static void replacing(StringBuilder out, String dialect) {
        out.append("! To replace an earlier version, first paste the removal commands at the end of the earlier file:\n");
        out.append("! see docs/targets.md (").append(dialect).append(").\n");
    }

    /** One comment line per zone: its nameif and subnet; then the public addresses beyond the outside interface's own. */
    public static void zones(StringBuilder out, FirewallPlan fw) {
        for (Zone z : fw.zones()) {
            out.append("! zone ").append(z.name()).append(": nameif ").append(z.interfaceName()).append(' ')
                    .append(z.subnet()).append('\n');
        }
        ExtraAddresses.cisco(out, fw);
    }

    /**
     * Public addresses that belong to a single device with its own public address: one 1:1
     * translation serves all its forwards, instead of one per port. The outside interface's own
     * address never qualifies (it is the PAT address of everyone else).
     */
    public static Set<Ipv4> oneToOne(FirewallPlan fw) {
        Map<Ipv4, Set<Ipv4>> privates = new TreeMap<>();
        for (SourceNat s : fw.sourceNats()) {
            if (s.ownPublicAddress()) {
                for (long v = s.first().value(); v <= s.last().value(); v++) {
                    privates.computeIfAbsent(s.publicAddress(), k -> new TreeSet<>()).add(new Ipv4(v));
                }
            }
        }
        for (Forward f : fw.forwards()) {
            if (f.ownPublicAddress()) {
                privates.computeIfAbsent(f.publicAddress(), k -> new TreeSet<>()).add(f.toAddress());
            }
        }
        Set<Ipv4> out = new TreeSet<>();
        privates.forEach((pub, priv) -> {
            if (priv.size() == 1 && !pub.equals(fw.outside().subnet().address())) {
                out.add(pub);
            }
        });
        return out;
    }

    /** Whether {@code a} is the address of {@code zone}'s interface: NAT names it with the 'interface' keyword. */
    public static boolean isInterfaceAddress(Zone zone, Ipv4 a) {
        return a.equals(zone.subnet().address());
    }

    /** "host 10.0.0.1" or "10.0.0.0 255.255.255.0": one CIDR block as an access-list operand. */
    public static String inline(Cidr c) {
        return c.prefix() == 32 ? "host " + c.network() : c.network() + " " + c.netmask();
    }

    /**
     * "Anyone" of {@code z} as an operand: "any" on the outside (the inside subnets' denies keep
     * it off the inside), the zone's subnet for an inside zone.
     */
    public static String any(Zone z) {
        return z.isOutside() ? "any" : z.subnet().network() + " " + z.subnet().netmask();
    }

    /** " eq 5060", " range 16384 16393", or nothing for any port. */
    public static String inlinePorts(PortRange r) {
        if (r == null) {
            return "";
        }
        return r.isSingle() ? " eq " + r.first() : " range " + r.first() + " " + r.last();
    }

    /**
     * SIP and H.323 inspection off, deliberately: every port the devices use is forwarded and
     * permitted (the devices' port settings are in plan.md); an inspection engine that rewrites
     * SIP or H.323 messages and opens ports of its own on top of that is the usual cause of
     * one-way audio with port-forwarded phones. {@code why} is the dialect's comment on it.
     */
    public static void inspection(StringBuilder out, String why) {
        out.append("!\n! ---- protocol inspection ----\n");
        out.append(why);
        out.append("policy-map global_policy\n");
        out.append(" class inspection_default\n");
        out.append("  no inspect sip\n");
        out.append("  no inspect h323 h225\n");
        out.append("  no inspect h323 ras\n");
    }

    /**
     * The removal section that ends a file: {@code undo}, the commands that take out what the
     * file configured, in the order to paste them, each as a comment line prefixed {@link #UNDO},
     * so that pasting the file configures nothing of it.
     */
    public static void removal(StringBuilder out, FirewallPlan fw, Platform platform, List<String> undo) {
        out.append("!\n! ---- removal ----\n");
        out.append("! To remove this configuration, before pasting a new version or for good, paste these commands\n");
        out.append("! without their prefix: sed -n 's/^").append(UNDO).append("//p' ").append(fw.name()).append('.')
                .append(platform.id()).append('\n');
        undo.forEach(u -> out.append(UNDO).append(u).append('\n'));
    }
}
