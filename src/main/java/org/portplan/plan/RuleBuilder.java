package org.portplan.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.portplan.catalog.Catalog;
import org.portplan.catalog.DeviceModel;
import org.portplan.catalog.Flow;
import org.portplan.catalog.Pool;
import org.portplan.catalog.PortSpec;
import org.portplan.core.AddressSet;
import org.portplan.core.Cidr;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;
import org.portplan.diag.Code;
import org.portplan.diag.Diagnostics;
import org.portplan.diag.Location;
import org.portplan.rules.FirewallPlan;
import org.portplan.rules.Forward;
import org.portplan.rules.Permit;
import org.portplan.rules.SourceNat;
import org.portplan.rules.Trace;
import org.portplan.rules.Zone;
import org.portplan.site.Device;
import org.portplan.site.Firewall;
import org.portplan.site.Interface;

/**
 * The fourth stage: turns the applicable flows, their parties and the allocation table into the
 * neutral rule model, one firewall at a time: forwards for flows from the outside to a device,
 * permits for other flows between zones, and outbound NAT for the devices that need it.
 */
final class RuleBuilder {

    /**
     * The rule model, the forwards anyone reaches (with why), and the devices that take part in
     * some rule (the others get a warning).
     */
    record Result(List<FirewallPlan> firewalls, List<Reachable> reachable, Set<String> devicesInRules) {
        Result {
            firewalls = List.copyOf(firewalls);
            reachable = List.copyOf(reachable);
            devicesInRules = Collections.unmodifiableSet(new TreeSet<>(devicesInRules));
        }
    }

    /** Forwards opened to anyone because the site declares nobody for a party: one warning per site entry and role. */
    private record UndeclaredKey(Location at, String role) {
    }

    /** One resolved "protocol ports" item; {@code ports} null means any port. */
    private record PortItem(Protocol protocol, PortRange ports, Pool pool) {
    }

    private record PoolPorts(PortRange ports, Pool pool) {
    }

    private final Catalog catalog;
    private final ResolvedSite resolved;
    private final Parties parties;
    private final AllocationTable table;
    private final Diagnostics diags;
    private final Set<String> inRules = new HashSet<>();
    private final Map<String, List<ResolvedDevice>> devicesByFirewall = new HashMap<>();
    private final List<Reachable> reachable = new ArrayList<>();
    private final Map<UndeclaredKey, Map<ResolvedDevice, Set<String>>> undeclared = new LinkedHashMap<>();

    private RuleBuilder(Catalog catalog, ResolvedSite resolved, Parties parties, AllocationTable table, Diagnostics diags) {
        this.catalog = catalog;
        this.resolved = resolved;
        this.parties = parties;
        this.table = table;
        this.diags = diags;
        resolved.devices().forEach(d -> devicesByFirewall.computeIfAbsent(d.device().firewall(), k -> new ArrayList<>()).add(d));
    }

    static Result build(Catalog catalog, ResolvedSite resolved, Parties parties, AllocationTable table,
                        Diagnostics diags) {
        RuleBuilder b = new RuleBuilder(catalog, resolved, parties, table, diags);
        List<FirewallPlan> out = new ArrayList<>();
        for (Firewall fw : resolved.site().firewalls().stream().sorted(Comparator.comparing(Firewall::name)).toList()) {
            out.add(b.firewall(fw));
        }
        b.warnUndeclared();
        return new Result(out, b.reachable, b.inRules);
    }

    private void warnUndeclared() {
        undeclared.forEach((key, byDevice) -> {
            List<ResolvedDevice> devices = new ArrayList<>(byDevice.keySet());
            ResolvedDevice first = devices.get(0);
            String who = devices.size() == 1 ? "device '" + first.name() + "'"
                    : devices.size() + " devices (" + Labels.devices(devices) + ")";
            diags.warning(Code.FORWARDED_FROM_ANYWHERE, key.at(),
                    who + " (" + first.model().id() + "): " + portList(byDevice.get(first))
                    + (devices.size() > 1 ? " (of '" + first.name() + "'; the others' alike)" : "")
                    + " are forwarded from anywhere, because the site declares no '" + key.role() + "' peer;"
                    + " declare it under 'peers:' (NAME: { role: " + key.role() + ", addresses: [ADDRESS] })"
                    + " so that only its addresses reach them");
        });
    }

    private FirewallPlan firewall(Firewall fw) {
        String name = fw.name();
        Map<String, Zone> zones = new LinkedHashMap<>();
        for (Interface i : fw.interfaces()) {
            zones.put(i.zone(), new Zone(i.zone(), i.name(), i.address()));
        }
        List<Forward> forwards = new ArrayList<>();
        Map<Forward, Reachable> open = new HashMap<>();
        List<Permit> permits = new ArrayList<>();
        Set<ResolvedDevice> natted = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Flow f : resolved.flows()) {
            boolean ownSources = !parties.own(name, f.from()).isEmpty();
            boolean ownDests = !parties.own(name, f.to()).isEmpty();
            if (!ownSources && !ownDests) {
                continue; // no rule of this firewall's own can come of it
            }
            // Other firewalls' devices sit in the outside zone: they matter only opposite an own device inside.
            List<Party> sources = parties.from(name, f, parties.ownInside(name, f.to()));
            List<Party> dests = parties.to(name, f, parties.ownInside(name, f.from()));
            if (sources.isEmpty() || dests.isEmpty()) {
                continue;
            }
            Map<String, List<Party>> srcByZone = byZone(sources);
            Map<String, List<Party>> dstByZone = byZone(dests);
            for (Map.Entry<String, List<Party>> se : srcByZone.entrySet()) {
                for (Map.Entry<String, List<Party>> de : dstByZone.entrySet()) {
                    if (se.getKey().equals(de.getKey())) {
                        continue; // within one zone the firewall is not in the path
                    }
                    Zone from = zones.get(se.getKey());
                    Zone to = zones.get(de.getKey());
                    if (from.isOutside() && f.neverFromOutside()) {
                        continue; // reported while finding exposure
                    }
                    if (from.isOutside()) {
                        for (Party dst : de.getValue()) {
                            if (dst.own()) {
                                forwards(name, f, from, to, se.getValue(), dst, forwards, natted, open);
                            }
                        }
                    } else {
                        permits(name, f, from, to, se.getValue(), de.getValue(), permits, natted);
                    }
                }
            }
        }
        forwards.sort(Comparator.comparing(Forward::publicAddress).thenComparing(Forward::protocol)
                .thenComparing(Forward::publicPorts).thenComparingInt(Forward::deviceOrder)
                .thenComparing(x -> x.sources().toString()));
        List<Forward> distinct = new ArrayList<>(new LinkedHashSet<>(forwards));
        for (Forward x : distinct) {
            Reachable r = open.get(x);
            if (r != null) {
                reachable.add(r);
            }
        }
        return new FirewallPlan(name, fw.platform(), List.copyOf(zones.values()), fw.defaultPublicAddress(),
                fw.publicAddresses(), distinct, PermitPruner.prune(permits), sourceNats(fw, zones, natted));
    }

    private static Map<String, List<Party>> byZone(List<Party> parties) {
        Map<String, List<Party>> out = new TreeMap<>();
        for (Party e : parties) {
            out.computeIfAbsent(e.zone(), k -> new ArrayList<>()).add(e);
        }
        return out;
    }

    private static AddressSet addresses(List<Party> parties) {
        if (parties.stream().anyMatch(Party::anyone)) {
            return AddressSet.any();
        }
        List<Cidr> out = new ArrayList<>();
        parties.forEach(e -> out.addAll(e.addresses().cidrs()));
        return AddressSet.of(out);
    }

    private void forwards(String fw, Flow f, Zone from, Zone to, List<Party> sources, Party dst, List<Forward> out,
                          Set<ResolvedDevice> natted, Map<Forward, Reachable> open) {
        ResolvedDevice d = dst.device();
        AddressSet srcAddresses = addresses(sources);
        Party anyone = sources.stream().filter(Party::anyone).findFirst().orElse(null);
        for (PortItem item : resolve(f.ports(), dst)) {
            if (item.ports() == null) {
                diags.warning(Code.ANY_PORT_NOT_OPENED, d.device().location(),
                        "flow '" + f.id() + "' asks for any " + item.protocol()
                        + " port from outside to device '" + d.name() + "'; portplan forwards only planned ports, so this part is not opened");
                continue;
            }
            Device dev = d.device();
            Trace trace = item.pool() != null
                    ? new Trace(d.name(), d.model().id(), item.pool().name(), item.pool().purpose(),
                            item.pool().source().document(), item.pool().source().section())
                    : new Trace(d.name(), d.model().id(), "flow " + f.id(), f.purpose(), f.source().document(),
                            f.source().section());
            Forward forward = new Forward(fw, from, to, srcAddresses, item.protocol(), dev.publicAddress(), item.ports(),
                    dev.address(), item.ports(), d.name(), dev.order(), dev.ownPublicAddress(), trace);
            out.add(forward);
            if (anyone != null) {
                open.putIfAbsent(forward, reachable(anyone, forward));
                if (anyone.undeclared() == org.portplan.catalog.Undeclared.ANYONE) {
                    undeclared.computeIfAbsent(new UndeclaredKey(dev.location(), anyone.role()), k -> new LinkedHashMap<>())
                            .computeIfAbsent(d, k -> new LinkedHashSet<>()).add(item.protocol() + " " + item.ports());
                }
            }
            natted.add(d);
            inRules.add(d.name());
        }
    }

    /** "udp 6801, 7000-7007, 21000 and tcp 4000" from items like "udp 6801". */
    private static String portList(Set<String> items) {
        Map<String, List<String>> byProtocol = new LinkedHashMap<>();
        for (String item : items) {
            int space = item.indexOf(' ');
            byProtocol.computeIfAbsent(item.substring(0, space), k -> new ArrayList<>()).add(item.substring(space + 1));
        }
        List<String> parts = new ArrayList<>();
        byProtocol.forEach((p, ports) -> parts.add(p + " " + String.join(", ", ports)));
        return String.join(" and ", parts);
    }

    private static Reachable reachable(Party anyone, Forward forward) {
        if (anyone.undeclared() == null) {
            return new Reachable(forward, Reachable.Why.PEER, anyone.label());
        }
        return anyone.undeclared() == org.portplan.catalog.Undeclared.INTERNET
                ? new Reachable(forward, Reachable.Why.INTERNET, anyone.role())
                : new Reachable(forward, Reachable.Why.UNDECLARED, anyone.role());
    }

    private void permits(String fw, Flow f, Zone from, Zone to, List<Party> sources, List<Party> dests,
                         List<Permit> out, Set<ResolvedDevice> natted) {
        // Group both ends by the ports they resolve to, so that a flow between many devices
        // becomes a few rules with address lists rather than one rule per pair.
        Map<List<PortItem>, List<Party>> srcGroups = new LinkedHashMap<>();
        for (Party s : sources) {
            srcGroups.computeIfAbsent(f.fromPorts().isEmpty() ? List.of() : portsOnly(resolve(f.fromPorts(), s)),
                    k -> new ArrayList<>()).add(s);
        }
        Map<List<PortItem>, List<Party>> dstGroups = new LinkedHashMap<>();
        for (Party d : dests) {
            dstGroups.computeIfAbsent(portsOnly(resolve(f.ports(), d)), k -> new ArrayList<>()).add(d);
        }
        for (Map.Entry<List<PortItem>, List<Party>> sg : srcGroups.entrySet()) {
            for (Map.Entry<List<PortItem>, List<Party>> dg : dstGroups.entrySet()) {
                List<ResolvedDevice> own = new ArrayList<>();
                for (Party e : sg.getValue()) {
                    if (e.own()) {
                        own.add(e.device());
                    }
                }
                for (Party e : dg.getValue()) {
                    if (e.own()) {
                        own.add(e.device());
                    }
                }
                if (own.isEmpty()) {
                    continue; // nothing of this firewall's own takes part
                }
                own.forEach(o -> inRules.add(o.name()));
                if (to.isOutside()) {
                    sg.getValue().stream().filter(Party::own).forEach(e -> natted.add(e.device()));
                }
                String models = String.join(",", new TreeSet<>(own.stream().map(r -> r.model().id()).toList()));
                Trace trace = new Trace(labels(sg.getValue()) + " -> " + labels(dg.getValue()), models, "flow " + f.id(),
                        f.purpose(), f.source().document(), f.source().section());
                AddressSet srcs = addresses(sg.getValue());
                AddressSet dsts = addresses(dg.getValue());
                Set<String> seen = new HashSet<>();
                for (PortItem to1 : dg.getKey()) {
                    List<PortRange> sourcePorts = new ArrayList<>();
                    for (PortItem fp : sg.getKey()) {
                        if (fp.protocol() == to1.protocol()) {
                            sourcePorts.add(fp.ports());
                        }
                    }
                    if (sourcePorts.isEmpty()) {
                        sourcePorts.add(null);
                    }
                    for (PortRange sp : sourcePorts) {
                        if (seen.add(to1.protocol() + " " + sp + " " + to1.ports())) {
                            out.add(new Permit(fw, from, to, srcs, dsts, to1.protocol(), sp, to1.ports(), f.id(),
                                    models, trace));
                        }
                    }
                }
            }
        }
    }

    /** The items without their pools: devices of different models with the same ports share a rule. */
    private static List<PortItem> portsOnly(List<PortItem> items) {
        return List.copyOf(new LinkedHashSet<>(items.stream().map(i -> new PortItem(i.protocol(), i.ports(), null)).toList()));
    }

    private static String labels(List<Party> parties) {
        List<ResolvedDevice> ds = new ArrayList<>();
        Set<String> others = new TreeSet<>();
        for (Party e : parties) {
            if (e.device() != null) {
                ds.add(e.device());
            } else {
                others.add(e.label());
            }
        }
        List<String> parts = new ArrayList<>();
        if (!ds.isEmpty()) {
            parts.add(Labels.devices(ds));
        }
        parts.addAll(others);
        return String.join(", ", parts);
    }

    /** The concrete ports of a flow's items at one end: its pools' allocations, or catalog defaults for peers. */
    private List<PortItem> resolve(List<PortSpec> specs, Party end) {
        List<PortItem> out = new ArrayList<>();
        for (PortSpec s : specs) {
            for (Protocol p : s.protocolList()) {
                if (s.target() instanceof PortSpec.Any) {
                    out.add(new PortItem(p, null, null));
                } else if (s.target() instanceof PortSpec.Ports lit) {
                    lit.ranges().forEach(r -> out.add(new PortItem(p, r, null)));
                } else if (s.target() instanceof PortSpec.PoolRef ref) {
                    poolPorts(end, ref.pool()).ifPresent(pp -> out.add(new PortItem(p, pp.ports(), pp.pool())));
                }
            }
        }
        return List.copyOf(new LinkedHashSet<>(out));
    }

    private Optional<PoolPorts> poolPorts(Party end, String poolName) {
        if (end.device() != null) {
            ResolvedDevice d = end.device();
            Pool pool = d.model().pool(poolName).orElseThrow();
            return table.get(d.name(), poolName).map(a -> new PoolPorts(a.ports(), pool));
        }
        ResolvedPeer rp = end.peer();
        if (rp != null && rp.model() != null) {
            Pool pool = rp.model().pool(poolName).orElseThrow();
            return Optional.of(new PoolPorts(rp.ports(pool), pool));
        }
        for (DeviceModel m : catalog.modelsPlaying(end.role())) {
            Optional<Pool> pool = m.pool(poolName);
            if (pool.isPresent()) {
                return Optional.of(new PoolPorts(pool.get().defaultPorts(Map.of(), Map.of()), pool.get()));
            }
        }
        return Optional.empty();
    }

    /** Outbound NAT for the devices that need it, consecutive addresses behind one public address merged into one rule. */
    private List<SourceNat> sourceNats(Firewall fw, Map<String, Zone> zones, Set<ResolvedDevice> natted) {
        List<ResolvedDevice> mine = devicesByFirewall.getOrDefault(fw.name(), List.of()).stream()
                .filter(d -> natted.contains(d)
                        && !d.device().zone().equals(Firewall.OUTSIDE))
                .sorted(Comparator.comparing((ResolvedDevice d) -> d.device().publicAddress())
                        .thenComparing(d -> d.device().address()))
                .toList();
        List<SourceNat> out = new ArrayList<>();
        int i = 0;
        while (i < mine.size()) {
            int j = i;
            ResolvedDevice a = mine.get(i);
            while (j + 1 < mine.size()) {
                ResolvedDevice b = mine.get(j + 1);
                if (!b.device().publicAddress().equals(a.device().publicAddress())
                        || !b.device().zone().equals(a.device().zone())
                        || b.device().address().value() != mine.get(j).device().address().value() + 1) {
                    break;
                }
                j++;
            }
            List<ResolvedDevice> run = mine.subList(i, j + 1);
            Device first = run.get(0).device();
            String models = String.join(",", new TreeSet<>(run.stream().map(r -> r.model().id()).toList()));
            out.add(new SourceNat(fw.name(), zones.get(first.zone()), zones.get(Firewall.OUTSIDE),
                    first.address(), run.get(run.size() - 1).device().address(), first.publicAddress(),
                    first.ownPublicAddress(), new Trace(Labels.devices(run), models, "outbound NAT",
                    first.ownPublicAddress() ? "1:1 NAT to its own public address" : "keep source ports so replies reach the forwarded ports",
                    null, null)));
            i = j + 1;
        }
        return out;
    }
}
