package org.portplan.emit.pf;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.portplan.core.AddressSet;
import org.portplan.core.Cidr;
import org.portplan.core.Platform;
import org.portplan.core.PortRange;
import org.portplan.emit.Comments;
import org.portplan.emit.Emission;
import org.portplan.emit.Emitter;
import org.portplan.emit.ExtraAddresses;
import org.portplan.rules.FirewallPlan;
import org.portplan.rules.Forward;
import org.portplan.rules.Permit;
import org.portplan.rules.SourceNat;
import org.portplan.rules.Trace;
import org.portplan.rules.Zone;

/**
 * Writes an OpenBSD pf.conf ruleset (4.7+ syntax: {@code rdr-to} and {@code nat-to} on
 * pass and match rules): interface macros, a table of the inside subnets that flows to the
 * outside exclude, a default block on input, and one pass rule per planned forward or flow,
 * filtering where traffic enters the firewall.
 */
public final class PfEmitter implements Emitter {

    /** The table of the inside zones' subnets, which outside-bound rules exclude. */
    static final String INSIDE_TABLE = "portplan_inside";

    @Override
    public Platform platform() {
        return Platform.PF;
    }

    @Override
    public Emission emit(String site, FirewallPlan fw) {
        Map<String, String> macros = macros(fw.zones());
        StringBuilder out = new StringBuilder();
        Comments.title(out, "# ", site, fw, "OpenBSD pf 4.7+ (pf.conf)");
        out.append("# Check with 'pfctl -nf ").append(fw.name()).append(".pf', load with 'pfctl -f ").append(fw.name())
                .append(".pf', or load it as\n");
        out.append("# an anchor of your own pf.conf: it holds no options, so it is valid as either (docs/targets.md, pf).\n");
        out.append("# A complete ruleset: traffic entering any interface is blocked unless a rule below passes it.\n");
        out.append("# Protocol helpers (ALGs): none. pf has no SIP or H.323 helper that rewrites addresses or\n");
        out.append("# opens ports by itself; every port the devices use is passed explicitly below.\n");
        ExtraAddresses.openbsd(out, fw);
        out.append('\n');
        for (Zone z : fw.zones()) {
            out.append(macros.get(z.name())).append(" = \"").append(z.interfaceName()).append("\"\t# zone ")
                    .append(z.name()).append(", ").append(z.subnet()).append('\n');
        }
        out.append('\n');
        if (fw.permits().stream().anyMatch(p -> p.to().isOutside() && p.destinations().isAny())) {
            // "Any on the outside" is every address but the inside zones': a flow meant for the
            // Internet must not reach another zone on the same ports.
            out.append("# The inside zones' subnets: flows to anyone outside go to any address but these.\n");
            out.append("table <").append(INSIDE_TABLE).append("> const {");
            fw.insideSubnets().forEach(c -> out.append(' ').append(c.networkString()));
            out.append(" }\n\n");
        }
        // A rule rather than 'set skip on lo': options are global, and a file holding none loads
        // unchanged as the main ruleset or as an anchor. Loopback traffic passes either way.
        out.append("pass quick on lo no state\n");
        out.append("block in all\n");
        out.append("pass out all\n");
        if (!fw.sourceNats().isEmpty()) {
            out.append("\n# Outbound NAT: planned devices keep their source ports.\n");
        }
        for (SourceNat s : fw.sourceNats()) {
            trace(out, s.trace());
            out.append("match out on $").append(macros.get(s.to().name())).append(" inet from ")
                    .append(run(new AddressSet.Run(s.first(), s.last()))).append(" to any nat-to ")
                    .append(s.publicAddress()).append(" static-port\n");
        }
        if (!fw.forwards().isEmpty()) {
            out.append("\n# Forwards from outside\n");
        }
        for (Forward f : fw.forwards()) {
            if (!f.publicPorts().equals(f.toPorts())) {
                throw new IllegalStateException("the pf emitter writes port-preserving redirections only");
            }
            trace(out, f.trace());
            out.append("pass in on $").append(macros.get(f.from().name())).append(" inet proto ").append(f.protocol().id())
                    .append(" from ").append(addresses(f.sources())).append(" to ").append(f.publicAddress())
                    .append(" port ").append(ports(f.publicPorts())).append(" rdr-to ").append(f.toAddress()).append('\n');
        }
        if (!fw.permits().isEmpty()) {
            out.append("\n# Flows between zones\n");
        }
        for (Permit p : fw.permits()) {
            trace(out, p.trace());
            out.append("pass in on $").append(macros.get(p.from().name())).append(" inet proto ").append(p.protocol().id())
                    .append(" from ").append(p.sources().isAny() && !p.from().isOutside() ? p.from().subnet().networkString() : addresses(p.sources()));
            if (p.sourcePorts() != null) {
                out.append(" port ").append(ports(p.sourcePorts()));
            }
            out.append(" to ").append(destinations(p));
            if (p.ports() != null) {
                out.append(" port ").append(ports(p.ports()));
            }
            out.append('\n');
        }
        return new Emission(out.toString(), List.of());
    }

    /** pf macro names allow letters, digits and underscores only. */
    private static Map<String, String> macros(List<Zone> zones) {
        Map<String, String> out = new HashMap<>();
        Set<String> used = new HashSet<>();
        for (Zone z : zones) {
            String base = (z.isOutside() ? "ext" : z.name().replaceAll("[^A-Za-z0-9_]", "_")) + "_if";
            if (Character.isDigit(base.charAt(0))) {
                base = "z_" + base;
            }
            String name = base;
            for (int i = 2; !used.add(name); i++) {
                name = base + i;
            }
            out.put(z.name(), name);
        }
        return out;
    }

    /**
     * A permit's destinations. "Any" means the addresses of the permit's zone only: its subnet for
     * an inside zone, and for the outside every address but the inside zones' (pf filters where
     * traffic enters, so "any" alone would also let the packet into a third zone).
     */
    private static String destinations(Permit p) {
        if (!p.destinations().isAny()) {
            return addresses(p.destinations());
        }
        return p.to().isOutside() ? "! <" + INSIDE_TABLE + ">" : p.to().subnet().networkString();
    }

    private static String ports(PortRange r) {
        return r.format(":");
    }

    private static String addresses(AddressSet set) {
        if (set.isAny()) {
            return "any";
        }
        List<AddressSet.Run> runs = set.runs();
        if (runs.size() == 1) {
            return run(runs.get(0));
        }
        StringBuilder sb = new StringBuilder("{ ");
        for (AddressSet.Run r : runs) {
            sb.append(run(r)).append(' ');
        }
        return sb.append('}').toString();
    }

    private static String run(AddressSet.Run r) {
        if (r.first().equals(r.last())) {
            return r.first().toString();
        }
        return r.asCidr().map(Cidr::networkString).orElse(r.first() + " - " + r.last());
    }

    private static void trace(StringBuilder out, Trace t) {
        out.append("# ").append(Comments.trace(t)).append('\n');
    }
}
