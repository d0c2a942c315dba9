package org.portplan.emit.pix;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.portplan.core.AddressSet;
import org.portplan.core.Cidr;
import org.portplan.core.Ipv4;
import org.portplan.core.Platform;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;
import org.portplan.emit.AddressBlocks;
import org.portplan.emit.Emission;
import org.portplan.emit.Emitter;
import org.portplan.emit.cisco.AccessLists;
import org.portplan.emit.cisco.Cisco;
import org.portplan.rules.FirewallPlan;
import org.portplan.rules.Forward;
import org.portplan.rules.Permit;
import org.portplan.rules.SourceNat;
import org.portplan.rules.Zone;

/**
 * Writes Cisco PIX 7.x configuration commands: {@code static} NAT (1:1 for a device with its
 * own public address, one static PAT per port otherwise, since PIX static PAT takes no
 * ranges), NAT exemption for flows between inside zones, {@code nat}/{@code global} for other
 * outbound traffic of planned devices, an extended access list on every interface ending in an
 * explicit deny, SIP and H.323 inspection turned off, and the commands that remove all of it again.
 */
public final class PixEmitter implements Emitter {

    @Override
    public Platform platform() {
        return Platform.PIX;
    }

    @Override
    public Emission emit(String site, FirewallPlan fw) {
        List<Emission.Warning> warnings = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        Cisco.header(out, site, fw, "Cisco PIX 7.x");
        out.append("! Every interface gets an access list that ends in an explicit deny: see docs/targets.md (PIX).\n");
        Cisco.replacing(out, "PIX");
        Cisco.zones(out, fw);
        Set<Ipv4> oneToOne = Cisco.oneToOne(fw);
        out.append("!\n! ---- address translation ----\n");
        int statics = 0;
        int ranges = 0;
        Set<String> written = new LinkedHashSet<>();
        List<String> staticLines = new ArrayList<>();
        for (Forward f : fw.forwards()) {
            if (oneToOne.contains(f.publicAddress())) {
                continue;
            }
            if (!f.publicPorts().equals(f.toPorts())) {
                throw new IllegalStateException("the PIX emitter writes port-preserving statics only");
            }
            // The mapped interface's own address is written 'interface', the documented form (and
            // the only one when the same address is the PAT global).
            String mapped = Cisco.isInterfaceAddress(f.from(), f.publicAddress()) ? "interface" : f.publicAddress().toString();
            String head = "static (" + f.to().interfaceName() + "," + f.from().interfaceName() + ") " + f.protocol().id()
                    + " " + mapped + " ";
            List<String> lines = new ArrayList<>();
            for (int port = f.publicPorts().first(); port <= f.publicPorts().last(); port++) {
                String line = head + port + " " + f.toAddress() + " " + port + " netmask 255.255.255.255";
                if (written.add(line)) {
                    lines.add(line);
                }
            }
            if (lines.isEmpty()) {
                continue;
            }
            Cisco.trace(out, f.trace());
            if (f.publicPorts().size() > 1) {
                ranges++;
                statics += lines.size();
                out.append("! PIX static PAT takes single ports only: ").append(f.publicPorts())
                        .append(" becomes ").append(lines.size()).append(" statics\n");
            }
            lines.forEach(l -> out.append(l).append('\n'));
            staticLines.addAll(lines);
        }
        for (SourceNat s : fw.sourceNats()) {
            if (oneToOne.contains(s.publicAddress())) {
                Cisco.trace(out, s.trace());
                String line = "static (" + s.from().interfaceName() + "," + s.to().interfaceName() + ") " + s.publicAddress()
                        + " " + s.first() + " netmask 255.255.255.255";
                out.append(line).append('\n');
                staticLines.add(line);
            }
        }
        List<String> exempted = natExemptions(out, fw);
        List<String> dynamic = new ArrayList<>();
        Map<Ipv4, Integer> natIds = new TreeMap<>();
        for (SourceNat s : fw.sourceNats()) {
            if (!oneToOne.contains(s.publicAddress())) {
                natIds.putIfAbsent(s.publicAddress(), 0);
            }
        }
        int id = 1;
        for (Map.Entry<Ipv4, Integer> e : natIds.entrySet()) {
            e.setValue(id++);
        }
        if (!natIds.isEmpty()) {
            out.append("! Other outbound traffic of planned devices (statics above keep their planned ports)\n");
        }
        List<String> globals = new ArrayList<>();
        for (Map.Entry<Ipv4, Integer> e : natIds.entrySet()) {
            globals.add("global (" + fw.outside().interfaceName() + ") " + e.getValue() + " "
                    + (e.getKey().equals(fw.defaultPublicAddress()) ? "interface" : e.getKey().toString()));
            out.append(globals.get(globals.size() - 1)).append('\n');
        }
        for (SourceNat s : fw.sourceNats()) {
            Integer nid = natIds.get(s.publicAddress());
            if (nid == null) {
                continue;
            }
            Cisco.trace(out, s.trace());
            for (Cidr c : AddressBlocks.blocks(new AddressSet.Run(s.first(), s.last()))) {
                dynamic.add("nat (" + s.from().interfaceName() + ") " + nid + " " + c.network() + " " + c.netmask());
                out.append(dynamic.get(dynamic.size() - 1)).append('\n');
            }
        }
        if (ranges > 0) {
            warnings.add(new Emission.Warning(Emission.Kind.RANGE_EXPANDED_PER_PORT, "firewall '" + fw.name()
                    + "' (pix): PIX static PAT takes single ports only, so " + ranges
                    + " forwarded port range" + (ranges == 1 ? "" : "s") + " became " + statics + " static commands"));
        }
        out.append("!\n! ---- access lists ----\n");
        out.append(AccessLists.write(fw, new Operands()));
        Cisco.inspection(out, "! SIP and H.323 inspection (the PIX's application layer gateways) off: the statics and access\n"
                + "! lists above open every port the plan names; rewriting SIP or H.323 messages and opening ports\n"
                + "! on top of that is the usual cause of one-way audio. See docs/targets.md (PIX).\n");
        removal(out, fw, exempted, dynamic, globals, staticLines);
        return new Emission(out.toString(), warnings);
    }

    /**
     * The removal commands, in the reverse order of what they remove: the access lists (each
     * unbound before it is cleared), the dynamic nat before the globals it uses, the NAT
     * exemptions (unbound before their lists are cleared), then the statics, each written out as
     * configured, as {@code no static} requires.
     */
    private static void removal(StringBuilder out, FirewallPlan fw, List<String> exempted, List<String> dynamic,
                                List<String> globals, List<String> statics) {
        List<String> undo = new ArrayList<>(AccessLists.removal(fw));
        dynamic.forEach(n -> undo.add("no " + n));
        globals.forEach(g -> undo.add("no " + g));
        for (String nameif : exempted) {
            undo.add("no nat (" + nameif + ") 0 access-list " + nameif + "_nat0");
            undo.add("clear configure access-list " + nameif + "_nat0");
        }
        statics.forEach(st -> undo.add("no " + st));
        Cisco.removal(out, fw, Platform.PIX, undo);
    }

    /**
     * Flows between two inside zones keep their real addresses: a NAT exemption ({@code nat 0
     * access-list}) on each side. PIX drops a flow whose source matches a {@code nat (if) 1} but
     * has no global on the destination interface, and under nat-control needs a translation for
     * every flow; the exemption is bidirectional and comes before nat 1 and the statics. Returns
     * the interfaces that got one.
     */
    private static List<String> natExemptions(StringBuilder out, FirewallPlan fw) {
        Map<String, Set<String>> lists = new TreeMap<>();
        for (Permit p : fw.permits()) {
            if (p.from().isOutside() || p.to().isOutside()) {
                continue;
            }
            for (String src : addressSpecs(p.sources(), p.from())) {
                for (String dst : addressSpecs(p.destinations(), p.to())) {
                    lists.computeIfAbsent(p.from().interfaceName(), k -> new LinkedHashSet<>()).add(src + " " + dst);
                    lists.computeIfAbsent(p.to().interfaceName(), k -> new LinkedHashSet<>()).add(dst + " " + src);
                }
            }
        }
        if (lists.isEmpty()) {
            return List.of();
        }
        out.append("! NAT exemption: flows between inside zones keep their addresses in both directions\n");
        lists.forEach((nameif, pairs) -> {
            for (String pair : pairs) {
                out.append("access-list ").append(nameif).append("_nat0 extended permit ip ").append(pair).append('\n');
            }
            out.append("nat (").append(nameif).append(") 0 access-list ").append(nameif).append("_nat0\n");
        });
        return List.copyOf(lists.keySet());
    }

    /**
     * PIX 7 operands: addresses inline, a run that is no CIDR block split into blocks (one entry
     * each), ports inline, and a forward's entry against the public (mapped) address, as PIX 7
     * access lists see packets before the static translates them.
     */
    private static final class Operands implements AccessLists.Operands {

        @Override
        public List<String> addresses(AddressSet set, Zone zone) {
            return addressSpecs(set, zone);
        }

        @Override
        public String ports(Protocol protocol, PortRange r) {
            return Cisco.inlinePorts(r);
        }

        @Override
        public String forwardDestination(Forward f) {
            return "host " + f.publicAddress() + Cisco.inlinePorts(f.publicPorts());
        }
    }

    /** An address set of {@code zone} as access-list operands; "any" of an inside zone is its subnet. */
    private static List<String> addressSpecs(AddressSet set, Zone zone) {
        if (set.isAny()) {
            return List.of(Cisco.any(zone));
        }
        return AddressBlocks.blocks(set.cidrs()).stream().map(Cisco::inline).toList();
    }
}
