package org.portplan.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.portplan.core.AddressSet;
import org.portplan.core.Cidr;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;
import org.portplan.plan.DeviceSheet;
import org.portplan.plan.Plan;
import org.portplan.rules.FirewallPlan;
import org.portplan.rules.Forward;
import org.portplan.rules.Permit;
import org.portplan.rules.Zone;

/**
 * The plan as a Mermaid flowchart that GitHub and GitLab draw inline: per firewall its zones,
 * the devices (one box per model and zone, however many devices) and the parties in them, and
 * one arrow per pair of boxes for the forwards (thick) and the flows (thin) between them,
 * labelled with protocols and ports. Big sites stay small: boxes group devices, and a label
 * with many ranges shows their span and count.
 */
final class PlanDiagram {

    /** Boxes name at most this many devices; more are counted. */
    static final int MAX_NAMED = 3;
    /** An arrow lists at most this many ranges of one protocol; more are shown as their span and count. */
    static final int MAX_RANGES = 3;
    /** A party's box shows at most this many addresses. */
    private static final int MAX_ADDRESSES = 2;

    /** A box: its id, its zone, and the lines of its label (which may still grow: a peer's roles). */
    private static final class Box {
        final String id;
        final String zone;
        final List<String> names = new ArrayList<>();
        final Set<String> kinds = new LinkedHashSet<>();
        final Set<String> addresses = new LinkedHashSet<>();
        final boolean devices;

        Box(String id, String zone, boolean devices) {
            this.id = id;
            this.zone = zone;
            this.devices = devices;
        }

        List<String> label() {
            List<String> lines = new ArrayList<>();
            String kind = String.join(", ", kinds);
            if (devices && names.size() > 1) {
                lines.add(kinds.size() == 1 ? names.size() + " x " + kind : names.size() + " devices: " + kind);
                lines.add(names.size() <= MAX_NAMED ? String.join(", ", names)
                        : names.get(0) + " ... " + names.get(names.size() - 1));
            } else {
                lines.add(String.join(", ", names));
                if (!kind.isEmpty()) {
                    lines.add(kind);
                }
            }
            if (!addresses.isEmpty()) {
                List<String> a = new ArrayList<>(addresses);
                lines.add(a.size() <= MAX_ADDRESSES ? String.join(" ", a)
                        : String.join(" ", a.subList(0, MAX_ADDRESSES)) + " +" + (a.size() - MAX_ADDRESSES));
            }
            return lines;
        }
    }

    /** The ports one arrow carries, by protocol; a null range is any port. */
    private record Arrow(Box from, Box to, boolean forward, Map<Protocol, List<PortRange>> ports) {
    }

    private final StringBuilder out = new StringBuilder();
    /** Every device's sheet by name, and each firewall's, found once rather than once per firewall. */
    private final Map<String, DeviceSheet> sheets = new HashMap<>();
    private final Map<String, List<DeviceSheet>> sheetsOf = new HashMap<>();

    private PlanDiagram(Plan plan) {
        for (DeviceSheet s : plan.devices()) {
            sheets.put(s.device(), s);
            sheetsOf.computeIfAbsent(s.firewall(), k -> new java.util.ArrayList<>()).add(s);
        }
    }

    /** The flowchart's Mermaid source, without the Markdown fence. */
    static String flowchart(Plan plan) {
        PlanDiagram d = new PlanDiagram(plan);
        d.out.append("flowchart LR\n");
        List<FirewallPlan> fws = plan.firewalls();
        for (int i = 0; i < fws.size(); i++) {
            d.firewall(fws.get(i), "f" + (i + 1));
        }
        return d.out.toString();
    }

    private void firewall(FirewallPlan fw, String prefix) {
        Map<String, Box> boxes = new LinkedHashMap<>();
        Map<String, Box> byAddress = new HashMap<>();
        Map<String, Box> byDevice = new HashMap<>();
        List<DeviceSheet> mine = sheetsOf.getOrDefault(fw.name(), List.of());
        for (DeviceSheet s : mine) {
            Box b = box(boxes, prefix, "device " + s.zone() + " " + s.model(), s.zone(), true);
            b.names.add(s.device());
            b.kinds.add(s.model());
            byDevice.put(s.device(), b);
            byAddress.putIfAbsent(s.address().toString(), b);
        }
        // The parties the devices talk to, as this firewall sees them: peers, and devices behind other firewalls.
        for (DeviceSheet s : mine) {
            for (DeviceSheet.Counterpart c : s.talksTo()) {
                DeviceSheet remote = sheets.get(c.name());
                boolean peer = c.kind() == DeviceSheet.Counterpart.Kind.PEER;
                boolean other = c.kind() == DeviceSheet.Counterpart.Kind.DEVICE && remote != null
                        && !remote.firewall().equals(fw.name());
                if (!peer && !other) {
                    continue;
                }
                if (c.addresses().isAny()) {
                    // A peer of 0.0.0.0/0 is anyone: the rules say "any", so its box is anyone's.
                    anyone(boxes, prefix, fw.outside()).kinds.add(c.name());
                    continue;
                }
                for (Cidr cidr : c.addresses().cidrs()) {
                    String address = address(cidr);
                    String zone = zoneOf(fw, cidr);
                    Box b = peer ? box(boxes, prefix, "peer " + c.name() + " " + zone, zone, false)
                            : box(boxes, prefix, "remote " + remote.firewall() + " " + address, zone, true);
                    addOnce(b.names, c.name());
                    b.kinds.add(peer ? c.role() : remote.model());
                    b.addresses.add(peer ? address : address + " (behind " + remote.firewall() + ")");
                    byAddress.putIfAbsent(address, b);
                }
            }
        }
        Map<String, Arrow> arrows = new LinkedHashMap<>();
        for (Forward f : fw.forwards()) {
            Box to = byDevice.get(f.device());
            for (Box from : boxes(boxes, byAddress, prefix, fw, f.sources(), f.from())) {
                arrow(arrows, from, to, true, f.protocol(), f.publicPorts());
            }
        }
        for (Permit p : fw.permits()) {
            List<Box> tos = boxes(boxes, byAddress, prefix, fw, p.destinations(), p.to());
            for (Box from : boxes(boxes, byAddress, prefix, fw, p.sources(), p.from())) {
                for (Box to : tos) {
                    arrow(arrows, from, to, false, p.protocol(), p.ports());
                }
            }
        }
        write(fw, prefix, boxes, arrows);
    }

    private static void addOnce(List<String> list, String item) {
        if (!list.contains(item)) {
            list.add(item);
        }
    }

    private static Box box(Map<String, Box> boxes, String prefix, String key, String zone, boolean devices) {
        return boxes.computeIfAbsent(key, k -> new Box(prefix + "n" + (boxes.size() + 1), zone, devices));
    }

    /** The boxes of an address set in a zone: known parties, else a box for the address, or for anyone. */
    private static List<Box> boxes(Map<String, Box> boxes, Map<String, Box> byAddress, String prefix, FirewallPlan fw,
                                   AddressSet set, Zone zone) {
        if (set.isAny()) {
            return List.of(anyone(boxes, prefix, zone));
        }
        Set<Box> out = new LinkedHashSet<>();
        for (Cidr c : set.cidrs()) {
            String address = address(c);
            Box known = byAddress.get(address);
            if (known == null) {
                known = box(boxes, prefix, "address " + address, zoneOf(fw, c), false);
                addOnce(known.names, address);
                byAddress.put(address, known);
            }
            out.add(known);
        }
        return List.copyOf(out);
    }

    /** The box of everyone in a zone; for the outside, the peers declared as 0.0.0.0/0 are named in it. */
    private static Box anyone(Map<String, Box> boxes, String prefix, Zone zone) {
        Box b = box(boxes, prefix, "any " + zone.name(), zone.name(), false);
        if (b.names.isEmpty()) {
            b.names.add(zone.isOutside() ? "anyone on the Internet" : "anyone in " + zone.name());
        }
        return b;
    }

    private static void arrow(Map<String, Arrow> arrows, Box from, Box to, boolean forward, Protocol protocol,
                              PortRange ports) {
        Arrow a = arrows.computeIfAbsent(from.id + (forward ? " ==> " : " --> ") + to.id,
                k -> new Arrow(from, to, forward, new TreeMap<>()));
        a.ports().computeIfAbsent(protocol, k -> new ArrayList<>()).add(ports);
    }

    private void write(FirewallPlan fw, String prefix, Map<String, Box> boxes, Map<String, Arrow> arrows) {
        out.append("  subgraph ").append(prefix).append("[\"").append(Mermaid.text("firewall " + fw.name()
                + " (" + fw.platform().title() + ")")).append("\"]\n");
        for (int z = 0; z < fw.zones().size(); z++) {
            Zone zone = fw.zones().get(z);
            out.append("    subgraph ").append(prefix).append('z').append(z + 1).append("[\"")
                    .append(Mermaid.text(zone.name() + " " + zone.subnet() + " (" + zone.interfaceName() + ")"))
                    .append("\"]\n");
            for (Box b : boxes.values()) {
                if (b.zone.equals(zone.name())) {
                    out.append("      ").append(b.id).append(b.devices ? "[" : "(").append(Mermaid.label(b.label()))
                            .append(b.devices ? "]" : ")").append('\n');
                }
            }
            out.append("    end\n");
        }
        out.append("  end\n");
        for (Arrow a : arrows.values()) {
            out.append("  ").append(a.from().id).append(a.forward() ? " ==>|\"" : " -->|\"")
                    .append(Mermaid.text(ports(a.ports()))).append("\"| ").append(a.to().id).append('\n');
        }
    }

    /** "udp 2088, 5060-5066 / tcp 80", or "udp 16384-16503 (12 ranges)" when there are many. */
    static String ports(Map<Protocol, List<PortRange>> byProtocol) {
        List<String> parts = new ArrayList<>();
        byProtocol.forEach((protocol, ranges) -> {
            if (ranges.stream().anyMatch(java.util.Objects::isNull)) {
                parts.add(protocol.id() + " any");
                return;
            }
            List<PortRange> merged = coalesce(ranges);
            parts.add(protocol.id() + " " + (merged.size() <= MAX_RANGES
                    ? String.join(", ", merged.stream().map(PortRange::toString).toList())
                    : new PortRange(merged.get(0).first(), merged.get(merged.size() - 1).last()) + " ("
                            + merged.size() + " ranges)"));
        });
        return String.join(" / ", parts);
    }

    /** Sorted ranges with overlapping and adjacent ones joined. */
    private static List<PortRange> coalesce(List<PortRange> ranges) {
        List<PortRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingInt(PortRange::first).thenComparingInt(PortRange::last));
        List<PortRange> out = new ArrayList<>();
        for (PortRange r : sorted) {
            PortRange last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && r.first() <= last.last() + 1) {
                out.set(out.size() - 1, new PortRange(last.first(), Math.max(last.last(), r.last())));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    private static String address(Cidr c) {
        return c.isHost() ? c.address().toString() : c.networkString();
    }

    /** The zone of {@code fw} whose subnet holds the whole prefix, else the outside. */
    private static String zoneOf(FirewallPlan fw, Cidr c) {
        for (Zone z : fw.insideZones()) {
            if (c.prefix() >= z.subnet().prefix() && z.subnet().contains(c.network())) {
                return z.name();
            }
        }
        return Zone.OUTSIDE;
    }
}
