package org.portplan.emit.asa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Writes Cisco ASA configuration commands for software 8.3 and later: network object NAT (a
 * 1:1 static for a device with its own public address, else one static with port translation
 * per forwarded port, since an object's NAT rule takes one service port), dynamic PAT for
 * other outbound traffic of planned devices, identity twice NAT keeping the addresses of flows
 * between inside zones, an access list on every interface written against the real
 * (untranslated) addresses and ending in an explicit deny, object groups for address groups
 * and port ranges, SIP and H.323 inspection off, and the commands that remove all of it again.
 */
public final class AsaEmitter implements Emitter {

    @Override
    public Platform platform() {
        return Platform.ASA;
    }

    @Override
    public Emission emit(String site, FirewallPlan fw) {
        Objects objects = new Objects();
        StringBuilder out = new StringBuilder();
        Cisco.header(out, site, fw, "Cisco ASA 8.3 and later (object NAT)");
        out.append("! Written for ASA software 8.3(1) and later: network object NAT, and access lists against the\n");
        out.append("! real (untranslated) addresses. Every interface gets an access list that ends in an explicit deny.\n");
        Cisco.replacing(out, "ASA");
        Cisco.zones(out, fw);
        int[] perPort = translations(out, fw, objects);
        // Groups are declared before the commands that use them, so both are written first, then placed.
        String exemptions = exemptions(fw, objects);
        String lists = AccessLists.write(fw, new Operands(objects));
        if (!objects.groups.isEmpty()) {
            out.append("!\n! ---- object groups ----\n");
            objects.groups.values().forEach(out::append);
        }
        out.append(exemptions);
        out.append("!\n! ---- access lists (real addresses) ----\n");
        out.append(lists);
        Cisco.inspection(out, "! SIP and H.323 inspection (the ASA's application layer gateways) off: the NAT rules and\n"
                + "! access lists above open every port the plan names; rewriting SIP or H.323 messages and opening\n"
                + "! ports on top of that is the usual cause of one-way audio. See docs/targets.md (ASA).\n");
        removal(out, fw, objects);
        List<Emission.Warning> warnings = new ArrayList<>();
        if (perPort[0] > 0) {
            warnings.add(new Emission.Warning(Emission.Kind.RANGE_EXPANDED_PER_PORT, "firewall '" + fw.name()
                    + "' (asa): an ASA object NAT rule takes one service port, so " + perPort[0]
                    + " forwarded port range" + (perPort[0] == 1 ? "" : "s") + " became " + perPort[1] + " network objects"));
        }
        return new Emission(out.toString(), warnings);
    }

    /**
     * Network objects with their NAT rules: the forwards (one object per port, or one 1:1 static
     * for a device on its own public address) and the outbound translation of planned devices.
     * Returns the number of forwarded ranges split into objects, and the objects they became.
     */
    private static int[] translations(StringBuilder out, FirewallPlan fw, Objects objects) {
        out.append("!\n! ---- network objects and address translation ----\n");
        Set<Ipv4> oneToOne = Cisco.oneToOne(fw);
        int ranges = 0;
        int split = 0;
        for (Forward f : fw.forwards()) {
            if (oneToOne.contains(f.publicAddress())) {
                continue;
            }
            if (!f.publicPorts().equals(f.toPorts())) {
                throw new IllegalStateException("the ASA emitter writes port-preserving translations only");
            }
            // The mapped interface's own address is written 'interface', the only form ASA accepts for it.
            String mapped = Cisco.isInterfaceAddress(f.from(), f.publicAddress()) ? "interface" : f.publicAddress().toString();
            StringBuilder these = new StringBuilder();
            int written = 0;
            for (int port = f.publicPorts().first(); port <= f.publicPorts().last(); port++) {
                String name = "pp-" + f.toAddress() + "-" + f.protocol().id() + "-" + port;
                String nat = "nat (" + f.to().interfaceName() + "," + f.from().interfaceName() + ") static " + mapped
                        + " service " + f.protocol().id() + " " + port + " " + port;
                if (objects.object(name, "host " + f.toAddress(), nat)) {
                    these.append(objects.objectText(name));
                    written++;
                }
            }
            if (written == 0) {
                continue;
            }
            Cisco.trace(out, f.trace());
            if (f.publicPorts().size() > 1) {
                ranges++;
                split += written;
                out.append("! An ASA object NAT rule takes one service port: ").append(f.publicPorts()).append(" becomes ")
                        .append(written).append(" objects\n");
            }
            out.append(these);
        }
        for (SourceNat s : fw.sourceNats()) {
            String real = s.first().equals(s.last()) ? "host " + s.first() : range(s.first(), s.last());
            String name;
            String nat;
            if (oneToOne.contains(s.publicAddress())) {
                // A static rule works both ways: the forwards come in and the device goes out by it.
                name = "pp-" + s.first();
                nat = "nat (" + s.from().interfaceName() + "," + s.to().interfaceName() + ") static " + s.publicAddress();
            } else {
                name = "pp-pat-" + s.first() + (s.first().equals(s.last()) ? "" : "-" + s.last());
                String mapped = Cisco.isInterfaceAddress(s.to(), s.publicAddress()) ? "interface" : s.publicAddress().toString();
                nat = "nat (" + s.from().interfaceName() + "," + s.to().interfaceName() + ") dynamic " + mapped;
            }
            if (objects.object(name, real, nat)) {
                Cisco.trace(out, s.trace());
                out.append(objects.objectText(name));
            }
        }
        return new int[] {ranges, split};
    }

    /** "subnet 10.0.0.0 255.255.255.252" for a CIDR block, "range a b" otherwise. */
    private static String range(Ipv4 first, Ipv4 last) {
        return new AddressSet.Run(first, last).asCidr().map(c -> "subnet " + c.network() + " " + c.netmask())
                .orElse("range " + first + " " + last);
    }

    /**
     * Flows between two inside zones keep their real addresses: an identity twice NAT per pair
     * of address groups. Twice NAT comes first (section 1 of the NAT table), so another rule of
     * the firewall that would translate these hosts (an administrator's {@code nat (inside,any)},
     * say) does not apply to them; a static rule works in both directions, so one per pair.
     * The rules are kept in {@code objects} for the removal section.
     */
    private static String exemptions(FirewallPlan fw, Objects objects) {
        Set<String> rules = objects.twiceNat;
        Set<String> seen = new LinkedHashSet<>();
        for (Permit p : fw.permits()) {
            if (p.from().isOutside() || p.to().isOutside()) {
                continue;
            }
            String src = objects.network(blocks(p.sources(), p.from()));
            String dst = objects.network(blocks(p.destinations(), p.to()));
            String pair = p.from().interfaceName() + "," + p.to().interfaceName() + " " + src + " " + dst;
            String reverse = p.to().interfaceName() + "," + p.from().interfaceName() + " " + dst + " " + src;
            if (seen.contains(reverse) || !seen.add(pair)) {
                continue;
            }
            rules.add("nat (" + p.from().interfaceName() + "," + p.to().interfaceName() + ") source static " + src + " " + src
                    + " destination static " + dst + " " + dst + " no-proxy-arp");
        }
        if (rules.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("!\n! ---- NAT exemption between inside zones ----\n");
        out.append("! Identity twice NAT: flows between inside zones keep their addresses in both directions.\n");
        rules.forEach(r -> out.append(r).append('\n'));
        return out.toString();
    }

    /** The CIDR blocks of an address set; "any" of an inside zone is its subnet. */
    private static List<Cidr> blocks(AddressSet set, Zone zone) {
        if (set.isAny()) {
            return List.of(new Cidr(zone.subnet().network(), zone.subnet().prefix()));
        }
        return AddressBlocks.blocks(set.cidrs());
    }

    /**
     * The commands that take this file's configuration out again, as comments: the access lists
     * (unbound first), the twice NAT rules, the groups, then the objects with their NAT rules.
     */
    private static void removal(StringBuilder out, FirewallPlan fw, Objects objects) {
        List<String> undo = new ArrayList<>(AccessLists.removal(fw));
        for (String r : objects.twiceNat) {
            undo.add("no " + r);
        }
        for (String g : objects.groups.keySet()) {
            String type = objects.groups.get(g).startsWith("object-group network ") ? "network" : "service";
            undo.add("no object-group " + type + " " + g);
        }
        for (Map.Entry<String, String[]> o : objects.objects.entrySet()) {
            undo.add("object network " + o.getKey());
            undo.add(" no " + o.getValue()[1]);
            undo.add("no object network " + o.getKey());
        }
        Cisco.removal(out, fw, Platform.ASA, undo);
    }

    /** The named objects and groups of one file, each declared once. */
    private static final class Objects {
        /** Network objects by name: their address line and NAT rule. */
        final Map<String, String[]> objects = new LinkedHashMap<>();
        /** Object groups by their member lines (network) or name (service): their declaration. */
        final Map<String, String> groups = new LinkedHashMap<>();
        final Map<String, String> networkNames = new LinkedHashMap<>();
        final Set<String> twiceNat = new LinkedHashSet<>();

        /** Declares a network object; false when an identical one already exists. */
        boolean object(String name, String address, String nat) {
            String[] before = objects.get(name);
            if (before != null) {
                if (!before[0].equals(address) || !before[1].equals(nat)) {
                    throw new IllegalStateException("network object " + name + " would be declared twice, differently");
                }
                return false;
            }
            objects.put(name, new String[] {address, nat});
            return true;
        }

        String objectText(String name) {
            String[] o = objects.get(name);
            return "object network " + name + "\n " + o[0] + "\n " + o[1] + "\n";
        }

        /** The name of a network group holding exactly {@code blocks}, declaring it on first use. */
        String network(List<Cidr> blocks) {
            StringBuilder members = new StringBuilder();
            for (Cidr c : blocks) {
                members.append(" network-object ").append(Cisco.inline(c)).append('\n');
            }
            return networkNames.computeIfAbsent(members.toString(), m -> {
                String name = "pp-hosts-" + (networkNames.size() + 1);
                groups.put(name, "object-group network " + name + "\n" + m);
                return name;
            });
        }

        /** The name of a service group holding the port range {@code r} of {@code protocol}. */
        String service(Protocol protocol, PortRange r) {
            String name = "pp-" + protocol.id() + "-" + r.first() + "-" + r.last();
            groups.putIfAbsent(name, "object-group service " + name + " " + protocol.id() + "\n port-object range "
                    + r.first() + " " + r.last() + "\n");
            return name;
        }
    }

    /**
     * ASA operands: one address block inline, several in a network object group; one port
     * inline, a range in a service object group; a forward's entry against the device's real
     * address and ports, which ASA 8.3+ access lists see after the static translated them.
     */
    private record Operands(Objects objects) implements AccessLists.Operands {

        @Override
        public List<String> addresses(AddressSet set, Zone zone) {
            if (set.isAny()) {
                return List.of(Cisco.any(zone));
            }
            List<Cidr> blocks = AddressBlocks.blocks(set.cidrs());
            return List.of(blocks.size() == 1 ? Cisco.inline(blocks.get(0)) : "object-group " + objects.network(blocks));
        }

        @Override
        public String ports(Protocol protocol, PortRange r) {
            if (r == null || r.isSingle()) {
                return Cisco.inlinePorts(r);
            }
            return " object-group " + objects.service(protocol, r);
        }

        @Override
        public String forwardDestination(Forward f) {
            return "host " + f.toAddress() + ports(f.protocol(), f.toPorts());
        }
    }
}
