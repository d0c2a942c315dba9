package org.portplan.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.portplan.core.AddressSet;
import org.portplan.core.Cidr;
import org.portplan.core.Ipv4;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;
import org.portplan.plan.AllocationTable;
import org.portplan.plan.DeviceSheet;
import org.portplan.plan.Plan;
import org.portplan.rules.FirewallPlan;
import org.portplan.rules.Forward;
import org.portplan.rules.Permit;
import org.portplan.rules.SourceNat;
import org.portplan.rules.Trace;

/**
 * Compares two plans by meaning. Rules are sets of packets: for each kind of rule (same zones,
 * protocol, and for forwards the same public and device address) the addresses at each end are
 * cut into the pieces every rule's boundaries make, and per pair of pieces the ports the old and
 * the new rules allow are compared. A permit written differently is no change; a widened range
 * shows the ports it adds.
 */
public final class Differ {

    private static final long ALL_ADDRESSES = 0xFFFF_FFFFL;

    /** One rule as a box of packets, with where it comes from. */
    private record Box(Intervals sources, Intervals destinations, Intervals ports, String entry) {
    }

    /** The rules of one kind in both versions, and how to describe a change among them. */
    private static final class Group {
        final RuleChange.Kind kind;
        final String from;
        final String to;
        final Protocol protocol;
        final String sourcePorts;
        final String translatedTo;
        final List<Box> before = new ArrayList<>();
        final List<Box> after = new ArrayList<>();

        Group(RuleChange.Kind kind, String from, String to, Protocol protocol, String sourcePorts, String translatedTo) {
            this.kind = kind;
            this.from = from;
            this.to = to;
            this.protocol = protocol;
            this.sourcePorts = sourcePorts;
            this.translatedTo = translatedTo;
        }
    }

    private Differ() {
    }

    public static PlanDiff between(Plan before, Plan after) {
        Map<String, FirewallPlan> old = new TreeMap<>();
        before.firewalls().forEach(f -> old.put(f.name(), f));
        Map<String, FirewallPlan> now = new TreeMap<>();
        after.firewalls().forEach(f -> now.put(f.name(), f));
        Set<String> names = new TreeSet<>(old.keySet());
        names.addAll(now.keySet());
        List<FirewallDiff> firewalls = new ArrayList<>();
        for (String name : names) {
            FirewallPlan a = old.get(name);
            FirewallPlan b = now.get(name);
            FirewallDiff.Status status = a == null ? FirewallDiff.Status.ADDED
                    : b == null ? FirewallDiff.Status.REMOVED : FirewallDiff.Status.KEPT;
            Map<String, Group> groups = new TreeMap<>();
            if (a != null) {
                add(groups, a, true);
            }
            if (b != null) {
                add(groups, b, false);
            }
            List<RuleChange> opened = new ArrayList<>();
            List<RuleChange> closed = new ArrayList<>();
            for (Group g : groups.values()) {
                compare(g, opened, closed);
            }
            firewalls.add(new FirewallDiff(name, status, opened, closed, nat(name, a, b)));
        }
        List<DeviceChange> reconfigure = new ArrayList<>();
        List<DeviceChange> added = new ArrayList<>();
        List<DeviceChange> removed = new ArrayList<>();
        devices(before, after, reconfigure, added, removed);
        return new PlanDiff(before.siteFile(), after.siteFile(), firewalls, reconfigure, added, removed);
    }

    // ---- rules -----------------------------------------------------------------------------

    private static void add(Map<String, Group> groups, FirewallPlan fw, boolean old) {
        for (Forward f : fw.forwards()) {
            String key = "1 " + f.from().name() + " " + f.to().name() + " " + f.protocol() + " " + f.publicAddress()
                    + " " + f.toAddress();
            Group g = groups.computeIfAbsent(key, k -> new Group(RuleChange.Kind.FORWARD, f.from().name(), f.to().name(),
                    f.protocol(), null, f.toAddress().toString()));
            (old ? g.before : g.after).add(new Box(addresses(f.sources()), host(f.publicAddress()), ports(f.publicPorts()),
                    entry(f.trace())));
        }
        for (Permit p : fw.permits()) {
            String sport = p.sourcePorts() == null ? null : p.sourcePorts().toString();
            String key = "2 " + p.from().name() + " " + p.to().name() + " " + p.protocol() + " " + sport;
            Group g = groups.computeIfAbsent(key, k -> new Group(RuleChange.Kind.PERMIT, p.from().name(), p.to().name(),
                    p.protocol(), sport, null));
            (old ? g.before : g.after).add(new Box(addresses(p.sources()), addresses(p.destinations()), ports(p.ports()),
                    entry(p.trace())));
        }
    }

    private static Intervals addresses(AddressSet set) {
        if (set.isAny()) {
            return Intervals.of(0, ALL_ADDRESSES);
        }
        Intervals out = Intervals.EMPTY;
        for (AddressSet.Run r : set.runs()) {
            out = out.union(Intervals.of(r.first().value(), r.last().value()));
        }
        return out;
    }

    private static Intervals host(Ipv4 a) {
        return Intervals.of(a.value(), a.value());
    }

    private static Intervals ports(PortRange r) {
        return r == null ? Intervals.of(PortRange.MIN, PortRange.MAX) : Intervals.of(r.first(), r.last());
    }

    private static String entry(Trace t) {
        return t.devices() + (t.model() == null || t.model().isEmpty() ? "" : " (" + t.model() + ")") + " " + t.entry()
                + (t.document() == null ? "" : " [" + t.citation() + "]");
    }

    /** The elementary pieces the boundaries of every box's set cut the address space into. */
    private static long[] pieces(Group g, boolean sources) {
        TreeSet<Long> cuts = new TreeSet<>();
        for (List<Box> version : List.of(g.before, g.after)) {
            for (Box b : version) {
                for (long[] s : (sources ? b.sources() : b.destinations()).spans()) {
                    cuts.add(s[0]);
                    cuts.add(s[1] + 1);
                }
            }
        }
        long[] out = new long[cuts.size()];
        int i = 0;
        for (long c : cuts) {
            out[i++] = c;
        }
        return out;
    }

    /** Indexes of the pieces a set covers (pieces start at {@code cuts[i]} and end before {@code cuts[i + 1]}). */
    private static List<Integer> covered(long[] cuts, Intervals set) {
        List<Integer> out = new ArrayList<>();
        for (long[] s : set.spans()) {
            int i = java.util.Arrays.binarySearch(cuts, s[0]);
            while (i < cuts.length - 1 && cuts[i] <= s[1]) {
                out.add(i++);
            }
        }
        return out;
    }

    private static void compare(Group g, List<RuleChange> opened, List<RuleChange> closed) {
        if (sameBoxes(g.before, g.after)) {
            return;
        }
        long[] srcCuts = pieces(g, true);
        long[] dstCuts = pieces(g, false);
        long width = dstCuts.length;
        Map<Long, Intervals[]> cells = new HashMap<>();
        for (int version = 0; version < 2; version++) {
            for (Box b : version == 0 ? g.before : g.after) {
                List<Integer> ds = covered(dstCuts, b.destinations());
                for (int s : covered(srcCuts, b.sources())) {
                    for (int d : ds) {
                        Intervals[] cell = cells.computeIfAbsent(s * width + d, k -> new Intervals[] {Intervals.EMPTY, Intervals.EMPTY});
                        cell[version] = cell[version].union(b.ports());
                    }
                }
            }
        }
        // Cells in address order, so that merging neighbours below yields runs.
        Map<Long, Intervals[]> ordered = new TreeMap<>(cells);
        report(g, RuleChange.Change.OPENED, ordered, srcCuts, dstCuts, width, opened);
        report(g, RuleChange.Change.CLOSED, ordered, srcCuts, dstCuts, width, closed);
    }

    private static boolean sameBoxes(List<Box> a, List<Box> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Box x = a.get(i);
            Box y = b.get(i);
            if (!x.sources().sameAs(y.sources()) || !x.destinations().sameAs(y.destinations()) || !x.ports().sameAs(y.ports())) {
                return false;
            }
        }
        return true;
    }

    private static void report(Group g, RuleChange.Change change, Map<Long, Intervals[]> cells, long[] srcCuts,
                               long[] dstCuts, long width, List<RuleChange> out) {
        // Group cells by destination piece and port difference, merging their source pieces; then by
        // source set and port difference, merging destination pieces.
        Map<String, Intervals> sourcesBy = new LinkedHashMap<>();
        Map<String, Intervals> portsBy = new HashMap<>();
        Map<String, Integer> dstBy = new HashMap<>();
        for (Map.Entry<Long, Intervals[]> e : cells.entrySet()) {
            Intervals[] c = e.getValue();
            Intervals diff = change == RuleChange.Change.OPENED ? c[1].minus(c[0]) : c[0].minus(c[1]);
            if (diff.isEmpty()) {
                continue;
            }
            int s = (int) (e.getKey() / width);
            int d = (int) (e.getKey() % width);
            String key = d + "|" + diff.key();
            sourcesBy.merge(key, Intervals.of(srcCuts[s], srcCuts[s + 1] - 1), Intervals::union);
            portsBy.putIfAbsent(key, diff);
            dstBy.putIfAbsent(key, d);
        }
        Map<String, Intervals> destinationsBy = new LinkedHashMap<>();
        Map<String, Intervals> sourcesOf = new HashMap<>();
        Map<String, Intervals> portsOf = new HashMap<>();
        for (Map.Entry<String, Intervals> e : sourcesBy.entrySet()) {
            Intervals ports = portsBy.get(e.getKey());
            String key = e.getValue().key() + "|" + ports.key();
            int d = dstBy.get(e.getKey());
            destinationsBy.merge(key, Intervals.of(dstCuts[d], dstCuts[d + 1] - 1), Intervals::union);
            sourcesOf.putIfAbsent(key, e.getValue());
            portsOf.putIfAbsent(key, ports);
        }
        List<Box> contributors = change == RuleChange.Change.OPENED ? g.after : g.before;
        for (Map.Entry<String, Intervals> e : destinationsBy.entrySet()) {
            Intervals srcs = sourcesOf.get(e.getKey());
            Intervals dsts = e.getValue();
            Intervals ports = portsOf.get(e.getKey());
            Set<String> entries = new LinkedHashSet<>();
            for (Box b : contributors) {
                if (intersects(b.sources(), srcs) && intersects(b.destinations(), dsts) && intersects(b.ports(), ports)) {
                    entries.add(b.entry());
                }
            }
            out.add(new RuleChange(change, g.kind, g.from, g.to, g.protocol, addressText(srcs), addressText(dsts),
                    g.translatedTo, g.sourcePorts, portText(ports), List.copyOf(entries)));
        }
    }

    private static boolean intersects(Intervals a, Intervals b) {
        return !a.minus(a.minus(b)).isEmpty();
    }

    private static List<String> addressText(Intervals set) {
        List<String> out = new ArrayList<>();
        for (long[] s : set.spans()) {
            if (s[0] == 0 && s[1] == ALL_ADDRESSES) {
                out.add("any");
                continue;
            }
            AddressSet.Run run = new AddressSet.Run(new Ipv4(s[0]), new Ipv4(s[1]));
            out.add(run.isSingle() ? run.first().toString()
                    : run.asCidr().map(Cidr::networkString).orElse(run.first() + "-" + run.last()));
        }
        return out;
    }

    private static List<String> portText(Intervals set) {
        List<String> out = new ArrayList<>();
        for (long[] s : set.spans()) {
            out.add(s[0] == PortRange.MIN && s[1] == PortRange.MAX ? "any port"
                    : new PortRange((int) s[0], (int) s[1]).toString());
        }
        return out;
    }

    // ---- outbound NAT ----------------------------------------------------------------------

    private static List<NatChange> nat(String firewall, FirewallPlan before, FirewallPlan after) {
        Map<Long, String> a = natTargets(before);
        Map<Long, String> b = natTargets(after);
        Set<Long> all = new TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        List<NatChange> out = new ArrayList<>();
        long runFirst = -1;
        long runLast = -1;
        String runBefore = null;
        String runAfter = null;
        for (long addr : all) {
            String x = a.get(addr);
            String y = b.get(addr);
            if (java.util.Objects.equals(x, y)) {
                continue;
            }
            if (runFirst >= 0 && addr == runLast + 1 && java.util.Objects.equals(x, runBefore)
                    && java.util.Objects.equals(y, runAfter)) {
                runLast = addr;
                continue;
            }
            if (runFirst >= 0) {
                out.add(new NatChange(firewall, new Ipv4(runFirst), new Ipv4(runLast), runBefore, runAfter));
            }
            runFirst = addr;
            runLast = addr;
            runBefore = x;
            runAfter = y;
        }
        if (runFirst >= 0) {
            out.add(new NatChange(firewall, new Ipv4(runFirst), new Ipv4(runLast), runBefore, runAfter));
        }
        return out;
    }

    private static Map<Long, String> natTargets(FirewallPlan fw) {
        Map<Long, String> out = new HashMap<>();
        if (fw == null) {
            return out;
        }
        for (SourceNat s : fw.sourceNats()) {
            for (long v = s.first().value(); v <= s.last().value(); v++) {
                out.put(v, NatChange.target(s.publicAddress(), s.ownPublicAddress()));
            }
        }
        return out;
    }

    // ---- devices ---------------------------------------------------------------------------

    private static void devices(Plan before, Plan after, List<DeviceChange> reconfigure, List<DeviceChange> added,
                                List<DeviceChange> removed) {
        Map<String, DeviceSheet> oldSheets = new LinkedHashMap<>();
        before.devices().forEach(d -> oldSheets.put(d.device(), d));
        Map<String, DeviceSheet> newSheets = new LinkedHashMap<>();
        after.devices().forEach(d -> newSheets.put(d.device(), d));
        Map<String, Set<String>> poolsOf = new HashMap<>();
        for (Plan p : List.of(after, before)) {
            p.allocations().assignments().forEach(a -> poolsOf.computeIfAbsent(a.device(), k -> new LinkedHashSet<>())
                    .add(a.pool()));
        }
        for (DeviceSheet d : after.devices()) {
            List<DeviceChange.PoolChange> pools = new ArrayList<>();
            boolean isNew = !oldSheets.containsKey(d.device());
            for (String pool : poolsOf.getOrDefault(d.device(), Set.of())) {
                String was = ports(before.allocations(), d.device(), pool);
                String now = ports(after.allocations(), d.device(), pool);
                if (isNew || !java.util.Objects.equals(was, now)) {
                    pools.add(new DeviceChange.PoolChange(pool, isNew ? null : was, now, d.settingsOf(pool)));
                }
            }
            if (isNew) {
                added.add(new DeviceChange(d.device(), d.model(), d.firewall(), d.address().toString(), pools));
            } else if (!pools.isEmpty()) {
                reconfigure.add(new DeviceChange(d.device(), d.model(), d.firewall(), d.address().toString(), pools));
            }
        }
        for (DeviceSheet d : before.devices()) {
            if (!newSheets.containsKey(d.device())) {
                List<DeviceChange.PoolChange> pools = new ArrayList<>();
                for (String pool : poolsOf.getOrDefault(d.device(), Set.of())) {
                    pools.add(new DeviceChange.PoolChange(pool, ports(before.allocations(), d.device(), pool), null,
                            List.of()));
                }
                removed.add(new DeviceChange(d.device(), d.model(), d.firewall(), d.address().toString(), pools));
            }
        }
    }

    private static String ports(AllocationTable table, String device, String pool) {
        return table.get(device, pool).map(a -> Protocol.ids(a.protocols()) + " " + a.ports() + " at " + a.scope())
                .orElse(null);
    }
}
