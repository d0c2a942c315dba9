package org.portplan.emit.nftables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.portplan.core.AddressSet;
import org.portplan.core.Cidr;
import org.portplan.core.Ipv4;
import org.portplan.core.Platform;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;
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
 * Writes a ruleset for {@code nft -f} in two tables of its own: {@code inet portplan}, whose
 * forward chain drops by default and accepts replies plus exactly the planned new connections,
 * and {@code ip portplan_nat} with DNAT in prerouting and port-keeping SNAT in postrouting. The
 * file replaces both tables in one transaction and leaves every other table alone.
 */
public final class NftablesEmitter implements Emitter {

    /** The filter table (family inet) and the NAT table (family ip: NAT in inet needs Linux 5.2). */
    static final String FILTER_TABLE = "inet portplan";
    static final String NAT_TABLE = "ip portplan_nat";
    /** The named set of the inside zones' subnets, which "any on the outside" excludes. */
    static final String INSIDE_SET = "inside_subnets";
    /** nft refuses rule comments longer than 128 characters. */
    private static final int COMMENT_MAX = 128;

    @Override
    public Platform platform() {
        return Platform.NFTABLES;
    }

    @Override
    public Emission emit(String site, FirewallPlan fw) {
        StringBuilder out = new StringBuilder();
        String file = fw.name() + "." + Platform.NFTABLES.id();
        out.append("#!/usr/sbin/nft -f\n");
        Comments.title(out, "# ", site, fw, "Linux nftables (nft -f)");
        out.append("# Check with 'nft -c -f ").append(file).append("', load with 'nft -f ").append(file)
                .append("': one transaction that replaces\n");
        out.append("# the tables ").append(FILTER_TABLE).append(" and ").append(NAT_TABLE)
                .append(" and leaves every other table alone. See docs/targets.md (nftables).\n");
        out.append("# Protocol helpers (ALGs): none. No rule here assigns a conntrack helper (ct helper set), and\n");
        out.append("# Linux assigns none by itself (automatic assignment is off by default since 4.7 and gone since\n");
        out.append("# 6.0), so SIP and H.323 cross unmodified on exactly the ports opened below.\n");
        for (Zone z : fw.zones()) {
            out.append("# zone ").append(z.name()).append(": ").append(z.interfaceName()).append(' ').append(z.subnet()).append('\n');
        }
        ExtraAddresses.linux(out, fw);
        out.append('\n');
        out.append("# Declaring a table creates it when it is missing, so each delete below succeeds on the first\n");
        out.append("# load as on a reload, and the definitions after it replace the old ones in the same transaction.\n");
        out.append("table ").append(FILTER_TABLE).append('\n');
        out.append("delete table ").append(FILTER_TABLE).append('\n');
        out.append("table ").append(NAT_TABLE).append('\n');
        out.append("delete table ").append(NAT_TABLE).append('\n');
        out.append('\n');
        filterTable(out, fw);
        out.append('\n');
        natTable(out, fw);
        return new Emission(out.toString(), List.of());
    }

    private static void filterTable(StringBuilder out, FirewallPlan fw) {
        List<Rule> rules = new ArrayList<>();
        rules.addAll(forwardRules(fw));
        rules.addAll(permitRules(fw));
        boolean insideSet = rules.stream().anyMatch(r -> r.text().contains("@" + INSIDE_SET));
        out.append("table ").append(FILTER_TABLE).append(" {\n");
        if (insideSet) {
            out.append("\t# The inside zones' subnets: flows to or from anyone outside exclude them.\n");
            out.append("\tset ").append(INSIDE_SET).append(" {\n");
            out.append("\t\ttype ipv4_addr\n");
            out.append("\t\tflags interval\n");
            out.append("\t\telements = { ");
            List<String> subnets = fw.insideSubnets().stream().map(Cidr::networkString).toList();
            out.append(String.join(", ", subnets)).append(" }\n");
            out.append("\t}\n\n");
        }
        out.append("\tchain forward {\n");
        out.append("\t\ttype filter hook forward priority 0; policy drop;\n");
        out.append("\t\tct state established,related accept comment \"portplan: replies and related traffic of allowed connections\"\n");
        out.append("\t\tct state new jump planned comment \"portplan: planned new connections\"\n");
        out.append("\t}\n\n");
        out.append("\tchain planned {\n");
        for (Rule r : rules) {
            r.write(out);
        }
        out.append("\t}\n");
        out.append("}\n");
    }

    private static void natTable(StringBuilder out, FirewallPlan fw) {
        out.append("table ").append(NAT_TABLE).append(" {\n");
        out.append("\tchain prerouting {\n");
        out.append("\t\ttype nat hook prerouting priority -100; policy accept;\n");
        for (Map.Entry<ForwardKey, List<Forward>> g : forwardGroups(fw).entrySet()) {
            ForwardKey k = g.getKey();
            String text = "iifname \"" + k.from().interfaceName() + "\"" + addressMatch("saddr", k.sources(), null)
                    + " ip daddr " + k.publicAddress() + " " + k.protocol().id() + " dport " + ports(publicPorts(g.getValue()))
                    + " dnat to " + k.toAddress();
            new Rule(traces(g.getValue()), text).write(out);
        }
        out.append("\t}\n\n");
        out.append("\tchain postrouting {\n");
        out.append("\t\ttype nat hook postrouting priority 100; policy accept;\n");
        for (SourceNat s : fw.sourceNats()) {
            String text = "oifname \"" + s.to().interfaceName() + "\" ip saddr " + run(new AddressSet.Run(s.first(), s.last()))
                    + " snat to " + s.publicAddress();
            new Rule(List.of(s.trace()), text).write(out);
        }
        out.append("\t}\n");
        out.append("}\n");
    }

    /** What makes two forwards one rule: everything but their ports, which become one set. */
    private record ForwardKey(Zone from, Zone to, AddressSet sources, Protocol protocol, Ipv4 publicAddress,
                              Ipv4 toAddress) {
    }

    private static Map<ForwardKey, List<Forward>> forwardGroups(FirewallPlan fw) {
        Map<ForwardKey, List<Forward>> groups = new LinkedHashMap<>();
        for (Forward f : fw.forwards()) {
            if (!f.publicPorts().equals(f.toPorts())) {
                throw new IllegalStateException("forward changes ports " + f.publicPorts() + " -> " + f.toPorts()
                        + "; the nftables emitter writes port-preserving DNAT only");
            }
            groups.computeIfAbsent(new ForwardKey(f.from(), f.to(), f.sources(), f.protocol(), f.publicAddress(),
                    f.toAddress()), k -> new ArrayList<>()).add(f);
        }
        return groups;
    }

    /**
     * A forward's filter rule admits only connections whose original destination (before DNAT)
     * was the public address and port, never a packet sent straight to the private address.
     */
    private static List<Rule> forwardRules(FirewallPlan fw) {
        List<Rule> out = new ArrayList<>();
        for (Map.Entry<ForwardKey, List<Forward>> g : forwardGroups(fw).entrySet()) {
            ForwardKey k = g.getKey();
            String ports = ports(publicPorts(g.getValue()));
            String text = interfaces(k.from(), k.to()) + addressMatch("saddr", k.sources(), k.from())
                    + " ip daddr " + k.toAddress() + " " + k.protocol().id() + " dport " + ports
                    + " ct original ip daddr " + k.publicAddress() + " ct original proto-dst " + ports + " accept";
            out.add(new Rule(traces(g.getValue()), text));
        }
        return out;
    }

    /** What makes two permits one rule: everything but their destination ports. */
    private record PermitKey(Zone from, Zone to, AddressSet sources, AddressSet destinations, Protocol protocol,
                             PortRange sourcePorts) {
    }

    private static List<Rule> permitRules(FirewallPlan fw) {
        Map<PermitKey, List<Permit>> groups = new LinkedHashMap<>();
        for (Permit p : fw.permits()) {
            groups.computeIfAbsent(new PermitKey(p.from(), p.to(), p.sources(), p.destinations(), p.protocol(),
                    p.sourcePorts()), k -> new ArrayList<>()).add(p);
        }
        List<Rule> out = new ArrayList<>();
        for (Map.Entry<PermitKey, List<Permit>> g : groups.entrySet()) {
            PermitKey k = g.getKey();
            StringBuilder text = new StringBuilder(interfaces(k.from(), k.to()));
            text.append(addressMatch("saddr", k.sources(), k.from())).append(addressMatch("daddr", k.destinations(), k.to()));
            // Any port for one permit of the group is any port for the rule: the union of what each allows.
            boolean anyPort = g.getValue().stream().anyMatch(p -> p.ports() == null);
            String proto = k.protocol().id();
            if (k.sourcePorts() == null && anyPort) {
                text.append(" meta l4proto ").append(proto);
            }
            if (k.sourcePorts() != null) {
                text.append(' ').append(proto).append(" sport ").append(ports(List.of(k.sourcePorts())));
            }
            if (!anyPort) {
                text.append(' ').append(proto).append(" dport ")
                        .append(ports(g.getValue().stream().map(Permit::ports).toList()));
            }
            text.append(" accept");
            out.add(new Rule(g.getValue().stream().map(Permit::trace).toList(), text.toString()));
        }
        return out;
    }

    private static List<PortRange> publicPorts(List<Forward> forwards) {
        return forwards.stream().map(Forward::publicPorts).toList();
    }

    private static List<Trace> traces(List<Forward> forwards) {
        return forwards.stream().map(Forward::trace).toList();
    }

    private static String interfaces(Zone from, Zone to) {
        return "iifname \"" + from.interfaceName() + "\" oifname \"" + to.interfaceName() + "\"";
    }

    /**
     * An address match for one end of a rule. "Any" is the zone's addresses only: an inside
     * zone's subnet, or for the outside every address but the inside zones'; with {@code zone}
     * null (DNAT, which the filter rules decide on) "any" matches nothing at all.
     */
    private static String addressMatch(String field, AddressSet set, Zone zone) {
        if (set.isAny()) {
            if (zone == null) {
                return "";
            }
            return zone.isOutside() ? " ip " + field + " != @" + INSIDE_SET : " ip " + field + " " + zone.subnet().networkString();
        }
        List<AddressSet.Run> runs = set.runs();
        if (runs.size() == 1) {
            return " ip " + field + " " + run(runs.get(0));
        }
        return " ip " + field + " { " + String.join(", ", runs.stream().map(NftablesEmitter::run).toList()) + " }";
    }

    private static String run(AddressSet.Run r) {
        if (r.isSingle()) {
            return r.first().toString();
        }
        return r.asCidr().map(Cidr::networkString).orElse(r.first() + "-" + r.last());
    }

    /** The union of {@code ranges}, overlapping and adjacent ones merged: one range, or an anonymous set. */
    static String ports(List<PortRange> ranges) {
        List<PortRange> sorted = new ArrayList<>(ranges);
        sorted.sort(null);
        List<PortRange> merged = new ArrayList<>();
        for (PortRange r : sorted) {
            PortRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r.first() <= last.last() + 1) {
                merged.set(merged.size() - 1, new PortRange(last.first(), Math.max(last.last(), r.last())));
            } else {
                merged.add(r);
            }
        }
        List<String> parts = merged.stream().map(r -> r.format("-")).toList();
        return parts.size() == 1 ? parts.get(0) : "{ " + String.join(", ", parts) + " }";
    }

    /** One rule with the catalog entries it serves: a '#' line for each, and a comment naming them all. */
    private record Rule(List<Trace> traces, String text) {

        void write(StringBuilder out) {
            Set<String> lines = new LinkedHashSet<>();
            traces.forEach(t -> lines.add(Comments.trace(t)));
            lines.forEach(l -> out.append("\t\t# ").append(l).append('\n'));
            out.append("\t\t").append(text).append(" comment \"").append(Text.comment(comment(), COMMENT_MAX)).append("\"\n");
        }

        /** "front-desk allworx-phone sip, rtp": the devices and model once, then each entry. */
        private String comment() {
            Trace first = traces.get(0);
            boolean oneDevice = traces.stream().allMatch(t -> t.devices().equals(first.devices())
                    && Objects.equals(t.model(), first.model()));
            if (!oneDevice) {
                return String.join("; ", new LinkedHashSet<>(traces.stream().map(t -> Comments.devices(t) + t.entry()).toList()));
            }
            Set<String> entries = new LinkedHashSet<>();
            traces.forEach(t -> entries.add(t.entry()));
            return Comments.devices(first) + String.join(", ", entries);
        }
    }
}
