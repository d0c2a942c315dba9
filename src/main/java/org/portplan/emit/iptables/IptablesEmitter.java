package org.portplan.emit.iptables;

import java.util.Collections;
import java.util.List;
import org.portplan.core.AddressSet;
import org.portplan.core.Platform;
import org.portplan.core.PortRange;
import org.portplan.emit.Comments;
import org.portplan.emit.Emission;
import org.portplan.emit.Emitter;
import org.portplan.emit.ExtraAddresses;
import org.portplan.emit.Text;
import org.portplan.rules.FirewallPlan;
import org.portplan.rules.Forward;
import org.portplan.rules.Permit;
import org.portplan.rules.SourceNat;
import org.portplan.rules.Trace;
import org.portplan.rules.Zone;

/**
 * Writes an {@code iptables-restore} file: DNAT and SNAT in the nat table, and in the filter
 * table a FORWARD chain that drops by default and accepts replies plus exactly the planned new
 * connections. portplan's rules live in their own chains, entered by one jump each.
 */
public final class IptablesEmitter implements Emitter {

    static final String DNAT_CHAIN = "PORTPLAN-DNAT";
    static final String SNAT_CHAIN = "PORTPLAN-SNAT";
    static final String FORWARD_CHAIN = "PORTPLAN-FORWARD";
    /** xt_comment keeps at most 255 characters. */
    private static final int COMMENT_MAX = 255;

    @Override
    public Platform platform() {
        return Platform.IPTABLES;
    }

    @Override
    public Emission emit(String site, FirewallPlan fw) {
        StringBuilder out = new StringBuilder();
        Zone outside = fw.outside();
        Comments.title(out, "# ", site, fw, "iptables (iptables-restore format)");
        out.append("# Load with 'iptables-restore < ").append(fw.name()).append(".iptables': it replaces the nat and filter\n");
        out.append("# tables. To keep other rules, see docs/targets.md (iptables).\n");
        out.append("# Protocol helpers (ALGs): none. No rule here attaches a conntrack helper (CT --helper), and\n");
        out.append("# Linux attaches none by itself (automatic assignment is off by default since 4.7 and gone since\n");
        out.append("# 6.0), so SIP and H.323 cross unmodified on exactly the ports opened below.\n");
        for (Zone z : fw.zones()) {
            out.append("# zone ").append(z.name()).append(": ").append(z.interfaceName()).append(' ')
                    .append(z.subnet()).append('\n');
        }
        ExtraAddresses.linux(out, fw);
        out.append("*nat\n");
        out.append(":PREROUTING ACCEPT [0:0]\n");
        out.append(":POSTROUTING ACCEPT [0:0]\n");
        out.append(':').append(DNAT_CHAIN).append(" - [0:0]\n");
        out.append(':').append(SNAT_CHAIN).append(" - [0:0]\n");
        out.append("-A PREROUTING -i ").append(outside.interfaceName())
                .append(" -m comment --comment \"portplan: forwards from outside\" -j ").append(DNAT_CHAIN).append('\n');
        out.append("-A POSTROUTING -o ").append(outside.interfaceName())
                .append(" -m comment --comment \"portplan: outbound NAT of planned devices\" -j ").append(SNAT_CHAIN).append('\n');
        for (Forward f : fw.forwards()) {
            requireSamePorts(f);
            for (AddressSet.Run src : runs(f.sources())) {
                trace(out, f.trace());
                out.append("-A ").append(DNAT_CHAIN).append(addresses(src, null))
                        .append(" -d ").append(f.publicAddress()).append("/32")
                        .append(ports(f.protocol().id(), null, f.publicPorts()))
                        .append(comment(f.trace())).append(" -j DNAT --to-destination ").append(f.toAddress()).append('\n');
            }
        }
        for (SourceNat s : fw.sourceNats()) {
            trace(out, s.trace());
            out.append("-A ").append(SNAT_CHAIN)
                    .append(addresses(new AddressSet.Run(s.first(), s.last()), null))
                    .append(comment(s.trace())).append(" -j SNAT --to-source ").append(s.publicAddress()).append('\n');
        }
        out.append("COMMIT\n");
        out.append("*filter\n");
        out.append(":FORWARD DROP [0:0]\n");
        out.append(':').append(FORWARD_CHAIN).append(" - [0:0]\n");
        out.append("-A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED")
                .append(" -m comment --comment \"portplan: replies and related traffic of allowed connections\" -j ACCEPT\n");
        out.append("-A FORWARD -m conntrack --ctstate NEW")
                .append(" -m comment --comment \"portplan: planned new connections\" -j ").append(FORWARD_CHAIN).append('\n');
        for (Forward f : fw.forwards()) {
            for (AddressSet.Run src : runs(f.sources())) {
                trace(out, f.trace());
                out.append("-A ").append(FORWARD_CHAIN).append(" -i ").append(f.from().interfaceName())
                        .append(" -o ").append(f.to().interfaceName())
                        .append(addresses(src, new AddressSet.Run(f.toAddress(), f.toAddress())))
                        .append(ports(f.protocol().id(), null, f.toPorts()))
                        .append(" -m conntrack --ctorigdst ").append(f.publicAddress()).append("/32")
                        .append(" --ctorigdstport ").append(f.publicPorts().format(":"))
                        .append(comment(f.trace())).append(" -j ACCEPT\n");
            }
        }
        for (Permit p : fw.permits()) {
            for (AddressSet.Run src : runs(p.sources())) {
                for (AddressSet.Run dst : runs(p.destinations())) {
                    trace(out, p.trace());
                    out.append("-A ").append(FORWARD_CHAIN).append(" -i ").append(p.from().interfaceName())
                            .append(" -o ").append(p.to().interfaceName())
                            .append(addresses(src, dst))
                            .append(ports(p.protocol().id(), p.sourcePorts(), p.ports()))
                            .append(comment(p.trace())).append(" -j ACCEPT\n");
                }
            }
        }
        out.append("COMMIT\n");
        return new Emission(out.toString(), List.of());
    }

    private static void requireSamePorts(Forward f) {
        if (!f.publicPorts().equals(f.toPorts())) {
            throw new IllegalStateException("forward changes ports " + f.publicPorts() + " -> " + f.toPorts()
                    + "; the iptables emitter writes port-preserving DNAT only");
        }
    }

    /** Anyone is one run standing for "no address match": the interface match already limits it to the zone. */
    private static List<AddressSet.Run> runs(AddressSet set) {
        if (set.isAny()) {
            return Collections.singletonList(null);
        }
        return set.runs();
    }

    private static String addresses(AddressSet.Run src, AddressSet.Run dst) {
        StringBuilder sb = new StringBuilder();
        StringBuilder ranges = new StringBuilder();
        if (src != null) {
            src.asCidr().ifPresentOrElse(c -> sb.append(" -s ").append(c.networkString()),
                    () -> ranges.append(" --src-range ").append(src.first()).append('-').append(src.last()));
        }
        if (dst != null) {
            dst.asCidr().ifPresentOrElse(c -> sb.append(" -d ").append(c.networkString()),
                    () -> ranges.append(" --dst-range ").append(dst.first()).append('-').append(dst.last()));
        }
        if (ranges.length() > 0) {
            sb.append(" -m iprange").append(ranges);
        }
        return sb.toString();
    }

    private static String ports(String protocol, PortRange source, PortRange dest) {
        StringBuilder sb = new StringBuilder(" -p ").append(protocol);
        if (source != null || dest != null) {
            sb.append(" -m ").append(protocol);
        }
        if (source != null) {
            sb.append(" --sport ").append(source.format(":"));
        }
        if (dest != null) {
            sb.append(" --dport ").append(dest.format(":"));
        }
        return sb.toString();
    }

    private static void trace(StringBuilder out, Trace t) {
        out.append("# ").append(Comments.trace(t)).append('\n');
    }

    private static String comment(Trace t) {
        return " -m comment --comment \"" + Text.comment(Comments.devices(t) + t.entry(), COMMENT_MAX) + "\"";
    }
}
