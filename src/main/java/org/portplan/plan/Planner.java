package org.portplan.plan;

import java.util.ArrayList;
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
import org.portplan.catalog.Instruction;
import org.portplan.catalog.Pool;
import org.portplan.catalog.PoolKind;
import org.portplan.catalog.PortSpec;
import org.portplan.catalog.Setting;
import org.portplan.core.Cidr;
import org.portplan.core.Ipv4;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;
import org.portplan.diag.Diagnostics;
import org.portplan.diag.Located;
import org.portplan.diag.Location;
import org.portplan.site.Device;
import org.portplan.site.Firewall;
import org.portplan.site.Interface;
import org.portplan.site.Peer;
import org.portplan.site.Site;

/**
 * Turns a checked site and the catalog into a {@link Plan}: finds the parties of every
 * applicable flow on each firewall, decides which pools the outside reaches (and so share a
 * public address), allocates ports, and writes the neutral rules emitters translate.
 */
public final class Planner {

    private final Catalog catalog;
    private final Site site;
    private final Diagnostics diags;
    private final Map<String, Firewall> firewalls = new LinkedHashMap<>();
    private final Map<String, List<Zone>> zones = new LinkedHashMap<>();
    private final Map<String, List<ResolvedDevice>> devicesByRole = new HashMap<>();
    private final Map<String, List<ResolvedPeer>> peersByRole = new HashMap<>();
    private final Map<EndpointKey, List<Endpoint>> endpointCache = new HashMap<>();
    private final Map<ResolvedDevice, Set<String>> exposedPools = new IdentityHashMap<>();
    private final Map<ResolvedDevice, List<Exposure>> exposedPorts = new IdentityHashMap<>();
    private final Map<ResolvedDevice, Map<String, Assigned>> assigned = new IdentityHashMap<>();
    private final Map<ResolvedDevice, Map<String, String>> servedBy = new IdentityHashMap<>();
    private final Set<ResolvedDevice> natted = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<ResolvedDevice> inRules = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<String> neverReported = new HashSet<>();
    private final PortAllocator allocator = new PortAllocator();
    private List<ResolvedDevice> devices = List.of();

    /** A party of a flow as one firewall sees it. {@code device} is null for peers and "anyone". */
    private record Endpoint(String zone, List<Cidr> addresses, ResolvedDevice device, ResolvedPeer peer, boolean own,
                            String label, String role) {
        boolean anyone() {
            return addresses.isEmpty();
        }
    }

    private record EndpointKey(String firewall, String role) {
    }

    /** A literal port a flow forwards from outside to a device: it must be free at the public address. */
    private record Exposure(List<Protocol> protocols, PortRange ports, String flow) {
    }

    /** The ports a pool of a device got. */
    private record Assigned(PortRange ports, Allocation.Kind kind, boolean exposed) {
    }

    /** One resolved "protocol ports" item; {@code ports} null means any port. */
    private record PortItem(Protocol protocol, PortRange ports, Pool pool) {
    }

    private Planner(Catalog catalog, Site site, Diagnostics diags) {
        this.catalog = catalog;
        this.site = site;
        this.diags = diags;
    }

    /** Plans the site; empty when there are errors, which are all in {@code diags}. */
    public static Optional<Plan> plan(Catalog catalog, Site site, Diagnostics diags) {
        return new Planner(catalog, site, diags).run();
    }

    private Optional<Plan> run() {
        Resolver.Resolved resolved = new Resolver(catalog, site, diags).resolve();
        if (diags.hasErrors()) {
            return Optional.empty();
        }
        devices = resolved.devices();
        for (Firewall fw : site.firewalls()) {
            firewalls.put(fw.name(), fw);
            List<Zone> zs = new ArrayList<>();
            for (Interface i : fw.interfaces()) {
                zs.add(new Zone(i.zone(), i.name(), i.address()));
            }
            zones.put(fw.name(), zs);
        }
        for (ResolvedDevice d : devices) {
            for (String role : d.model().roles()) {
                devicesByRole.computeIfAbsent(role, k -> new ArrayList<>()).add(d);
            }
        }
        for (ResolvedPeer p : resolved.peers()) {
            // A peer declared as a model (role: equinox-management) plays every role of that model,
            // as a device of the model would (its gatekeeper, its B2BUA).
            String role = p.peer().role().value();
            List<String> roles = catalog.model(role).map(DeviceModel::roles).orElse(List.of(role));
            for (String r : roles) {
                peersByRole.computeIfAbsent(r, k -> new ArrayList<>()).add(p);
            }
        }
        findExposure(resolved.flows());
        if (diags.hasErrors()) {
            return Optional.empty();
        }
        allocate();
        if (diags.hasErrors()) {
            return Optional.empty();
        }
        List<FirewallPlan> plans = new ArrayList<>();
        for (Firewall fw : site.firewalls().stream().sorted(Comparator.comparing(Firewall::name)).toList()) {
            plans.add(firewallPlan(fw, resolved.flows()));
        }
        if (diags.hasErrors()) {
            return Optional.empty();
        }
        warnUnused();
        return Optional.of(new Plan(site.name(), site.file(), plans, sheets(),
                site.features().stream().map(Located::value).toList()));
    }

    // ---- parties ---------------------------------------------------------------------------

    private List<Endpoint> endpoints(String firewall, String role) {
        return endpointCache.computeIfAbsent(new EndpointKey(firewall, role), k -> buildEndpoints(firewall, role));
    }

    private List<Endpoint> buildEndpoints(String firewall, String role) {
        List<Endpoint> out = new ArrayList<>();
        List<ResolvedDevice> ds = devicesByRole.getOrDefault(role, List.of());
        List<ResolvedPeer> ps = peersByRole.getOrDefault(role, List.of());
        for (ResolvedDevice d : ds) {
            Device dev = d.device();
            if (dev.firewall().equals(firewall)) {
                out.add(new Endpoint(dev.zone(), List.of(Cidr.host(dev.address())), d, null, true, d.name(), role));
            } else {
                // Behind another firewall of the site: this firewall reaches it at its public address.
                Ipv4 seen = dev.zone().equals(Firewall.OUTSIDE) ? dev.address() : dev.publicAddress();
                out.add(new Endpoint(Firewall.OUTSIDE, List.of(Cidr.host(seen)), d, null, false, d.name(), role));
            }
        }
        for (ResolvedPeer rp : ps) {
            Peer p = rp.peer();
            Map<String, List<Cidr>> byZone = new TreeMap<>();
            for (Cidr c : p.addresses()) {
                byZone.computeIfAbsent(zoneOf(firewall, c), k -> new ArrayList<>()).add(c);
            }
            for (Map.Entry<String, List<Cidr>> e : byZone.entrySet()) {
                boolean anyone = e.getValue().contains(Cidr.ANY);
                out.add(new Endpoint(e.getKey(), anyone ? List.of() : e.getValue(), null, rp, false, p.name(), role));
            }
        }
        if (ds.isEmpty() && ps.isEmpty() && catalog.anyoneWhenUndeclared(role)) {
            out.add(new Endpoint(Firewall.OUTSIDE, List.of(), null, null, false, "anyone", role));
        }
        return out;
    }

    private String zoneOf(String firewall, Cidr c) {
        for (Zone z : zones.get(firewall)) {
            if (!z.isOutside() && c.prefix() >= z.subnet().prefix() && z.subnet().contains(c.network())) {
                return z.name();
            }
        }
        return Firewall.OUTSIDE;
    }

    // ---- exposure --------------------------------------------------------------------------

    private void findExposure(List<Flow> flows) {
        for (Flow f : flows) {
            for (String fw : firewalls.keySet()) {
                List<Endpoint> sources = endpoints(fw, f.from());
                List<Endpoint> outside = sources.stream().filter(e -> e.zone().equals(Firewall.OUTSIDE)).toList();
                if (outside.isEmpty()) {
                    continue;
                }
                for (Endpoint dst : endpoints(fw, f.to())) {
                    if (!dst.own() || dst.zone().equals(Firewall.OUTSIDE)) {
                        continue;
                    }
                    if (f.neverFromOutside()) {
                        reportNeverFromOutside(f, fw, outside.get(0));
                        continue;
                    }
                    for (PortSpec s : f.ports()) {
                        if (s.target() instanceof PortSpec.PoolRef ref) {
                            exposedPools.computeIfAbsent(dst.device(), k -> new TreeSet<>()).add(ref.pool());
                        } else if (s.target() instanceof PortSpec.Ports lit) {
                            for (PortRange r : lit.ranges()) {
                                exposedPorts.computeIfAbsent(dst.device(), k -> new ArrayList<>())
                                        .add(new Exposure(s.protocolList(), r, f.id()));
                            }
                        }
                    }
                }
            }
        }
    }

    private void reportNeverFromOutside(Flow f, String fw, Endpoint source) {
        if (!neverReported.add(f.id() + "@" + fw)) {
            return;
        }
        Location at = site.include().stream().filter(i -> i.value().equals(f.id())).map(Located::location)
                .findFirst().orElse(Location.of(site.file()));
        diags.error(at, "flow '" + f.id() + "' must never be opened from the outside zone, but '" + source.label()
                + "' (role " + source.role() + ") is outside firewall '" + fw + "'"
                + "; reach it from an inside zone (e.g. over a VPN) instead");
    }

    // ---- allocation ------------------------------------------------------------------------

    private PortAllocator.Scope scope(ResolvedDevice d, boolean exposed) {
        Device dev = d.device();
        return new PortAllocator.Scope(dev.firewall(), exposed ? dev.publicAddress() : dev.address());
    }

    private boolean isExposed(ResolvedDevice d, String pool) {
        return exposedPools.getOrDefault(d, Set.of()).contains(pool);
    }

    private void allocate() {
        Map<String, ResolvedDevice> groupClaims = new HashMap<>();
        // Pass 1: what cannot move (fixed and once-per-address ports, pinned pools, literal forwards),
        // so that no allocatable pool of an earlier device takes a port a later device must have.
        for (ResolvedDevice d : devices) {
            for (Pool pool : d.model().pools()) {
                boolean exposed = isExposed(d, pool.name());
                PortAllocator.Scope scope = scope(d, exposed);
                Located<PortRange> pin = d.device().ports().get(pool.name());
                if (pool.kind() instanceof PoolKind.Fixed fixed) {
                    hold(d, pool, scope, fixed.ports(), Allocation.Kind.FIXED, exposed, d.device().location());
                } else if (pool.kind() instanceof PoolKind.PerAddress pa) {
                    String claimKey = scope + "/" + pa.group();
                    ResolvedDevice first = groupClaims.putIfAbsent(claimKey, d);
                    if (first != null) {
                        servedBy.computeIfAbsent(d, k -> new TreeMap<>()).put(pool.name(), first.name());
                    } else {
                        hold(d, pool, scope, pa.ports(), Allocation.Kind.ONCE_PER_ADDRESS, exposed, d.device().location());
                    }
                } else if (pin != null) {
                    hold(d, pool, scope, pin.value(), Allocation.Kind.PINNED, exposed, pin.location());
                }
            }
            for (Exposure x : exposedPorts.getOrDefault(d, List.of())) {
                PortAllocator.Scope scope = scope(d, true);
                Optional<PortSpace.Holder> h = allocator.conflict(scope, x.protocols(), x.ports(), d.name());
                if (h.isPresent()) {
                    conflictError(d, "flow " + x.flow(), x.protocols(), x.ports(), h.get(), scope, d.device().location());
                } else {
                    allocator.take(scope, x.protocols(), x.ports(), new PortSpace.Holder(d.name(), "flow " + x.flow()));
                }
            }
        }
        // Pass 2: allocatable pools, devices in file order, pools in catalog order.
        // Devices of one 'count' entry that run out of room fail alike: one message per entry and pool.
        Map<String, List<ResolvedDevice>> noRoom = new LinkedHashMap<>();
        Map<String, String> noRoomReason = new HashMap<>();
        for (ResolvedDevice d : devices) {
            for (Pool pool : d.model().pools()) {
                if (!(pool.kind() instanceof PoolKind.Allocatable a) || d.device().ports().containsKey(pool.name())) {
                    continue;
                }
                boolean exposed = isExposed(d, pool.name());
                PortAllocator.Scope scope = scope(d, exposed);
                PoolKind.Window w = a.windowFor(d.params());
                long size = a.size(d.params(), d.numbers());
                String sizeText = a.sizeFor(d.numbers()).map(e -> " (" + e.text() + ")").orElse("");
                if (size < 1 || size > w.bounds().size()) {
                    diags.error(d.device().location(), "device '" + d.name() + "' (" + d.model().id() + "): pool '"
                            + pool.name() + "' needs " + size + " ports" + sizeText + ", but its bounds "
                            + w.bounds() + " hold " + w.bounds().size());
                    continue;
                }
                Optional<PortRange> r = allocator.find(scope, pool.protocolList(), w.defaultRange().first(), (int) size,
                        a.align(), w.bounds());
                if (r.isEmpty()) {
                    String key = d.device().location() + "/" + pool.name() + "/" + size;
                    noRoom.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
                    noRoomReason.putIfAbsent(key, "no room for pool '"
                            + pool.name() + "': needs " + size + " " + protocols(pool.protocolList()) + " port"
                            + (size == 1 ? "" : "s") + sizeText + (a.align() > 1 ? " starting on a multiple of " + a.align() : "")
                            + " between " + w.defaultRange().first() + " and " + w.bounds().last() + " at "
                            + scope.address() + (exposed ? " (public address of firewall '" + scope.firewall() + "')" : "")
                            + "; give some devices their own public-address or lower their params");
                    continue;
                }
                Allocation.Kind kind = r.get().first() == w.defaultRange().first() ? Allocation.Kind.DEFAULT : Allocation.Kind.MOVED;
                allocator.take(scope, pool.protocolList(), r.get(), new PortSpace.Holder(d.name(), "pool " + pool.name()));
                assigned.computeIfAbsent(d, k -> new LinkedHashMap<>()).put(pool.name(), new Assigned(r.get(), kind, exposed));
            }
        }
        for (Map.Entry<String, List<ResolvedDevice>> e : noRoom.entrySet()) {
            List<ResolvedDevice> failed = e.getValue();
            ResolvedDevice first = failed.get(0);
            String who = failed.size() == 1 ? "device '" + first.name() + "'"
                    : failed.size() + " devices (" + Labels.devices(failed) + ")";
            diags.error(first.device().location(), who + " (" + first.model().id() + "): " + noRoomReason.get(e.getKey()));
        }
    }

    private void hold(ResolvedDevice d, Pool pool, PortAllocator.Scope scope, PortRange r, Allocation.Kind kind,
                      boolean exposed, Location at) {
        Optional<PortSpace.Holder> h = allocator.conflict(scope, pool.protocolList(), r, d.name());
        if (h.isPresent()) {
            conflictError(d, "pool " + pool.name(), pool.protocolList(), r, h.get(), scope, at);
            return;
        }
        allocator.take(scope, pool.protocolList(), r, new PortSpace.Holder(d.name(), "pool " + pool.name()));
        assigned.computeIfAbsent(d, k -> new LinkedHashMap<>()).put(pool.name(), new Assigned(r, kind, exposed));
    }

    private void conflictError(ResolvedDevice d, String what, List<Protocol> protocols, PortRange r,
                               PortSpace.Holder holder, PortAllocator.Scope scope, Location at) {
        boolean publicScope = !scope.address().equals(d.device().address());
        diags.error(at, "device '" + d.name() + "' (" + d.model().id() + ") needs " + protocols(protocols) + " " + r
                + " for " + what + ", but device '" + holder.device() + "' already has it (" + holder.what() + ") at "
                + scope.address() + (publicScope
                ? "; give one of them its own public-address" : "; the two devices share an address"));
    }

    private static String protocols(List<Protocol> ps) {
        return String.join("/", ps.stream().map(Protocol::id).toList());
    }

    // ---- rules -----------------------------------------------------------------------------

    private FirewallPlan firewallPlan(Firewall fw, List<Flow> flows) {
        String name = fw.name();
        List<Zone> zs = zones.get(name);
        Map<String, Zone> zoneByName = new HashMap<>();
        zs.forEach(z -> zoneByName.put(z.name(), z));
        List<Forward> forwards = new ArrayList<>();
        List<Permit> permits = new ArrayList<>();
        for (Flow f : flows) {
            List<Endpoint> sources = endpoints(name, f.from());
            List<Endpoint> dests = endpoints(name, f.to());
            if (sources.isEmpty() || dests.isEmpty()) {
                continue;
            }
            Map<String, List<Endpoint>> srcByZone = byZone(sources);
            Map<String, List<Endpoint>> dstByZone = byZone(dests);
            for (Map.Entry<String, List<Endpoint>> se : srcByZone.entrySet()) {
                for (Map.Entry<String, List<Endpoint>> de : dstByZone.entrySet()) {
                    if (se.getKey().equals(de.getKey())) {
                        continue; // within one zone the firewall is not in the path
                    }
                    Zone from = zoneByName.get(se.getKey());
                    Zone to = zoneByName.get(de.getKey());
                    if (from.isOutside() && f.neverFromOutside()) {
                        continue; // reported while finding exposure
                    }
                    if (from.isOutside()) {
                        for (Endpoint dst : de.getValue()) {
                            if (dst.own()) {
                                forwards(fw, f, from, to, se.getValue(), dst, forwards);
                            }
                        }
                    } else {
                        permits(fw, f, from, to, se.getValue(), de.getValue(), permits);
                    }
                }
            }
        }
        forwards.sort(Comparator.comparing(Forward::publicAddress).thenComparing(Forward::protocol)
                .thenComparing(Forward::publicPorts).thenComparingInt(Forward::deviceOrder)
                .thenComparing(x -> x.sources().toString()));
        List<Allocation> allocations = allocations(fw);
        return new FirewallPlan(name, fw.platform(), zs, fw.defaultPublicAddress(), fw.publicAddresses(), allocations,
                dedupeForwards(forwards), PermitPruner.prune(permits), sourceNats(fw, zoneByName));
    }

    private static List<Forward> dedupeForwards(List<Forward> forwards) {
        return new ArrayList<>(new LinkedHashSet<>(forwards));
    }

    private static Map<String, List<Endpoint>> byZone(List<Endpoint> endpoints) {
        Map<String, List<Endpoint>> out = new TreeMap<>();
        for (Endpoint e : endpoints) {
            out.computeIfAbsent(e.zone(), k -> new ArrayList<>()).add(e);
        }
        return out;
    }

    private static List<Cidr> addresses(List<Endpoint> endpoints) {
        if (endpoints.stream().anyMatch(Endpoint::anyone)) {
            return List.of();
        }
        TreeSet<Cidr> out = new TreeSet<>();
        endpoints.forEach(e -> out.addAll(e.addresses()));
        return List.copyOf(out);
    }

    private void forwards(Firewall fw, Flow f, Zone from, Zone to, List<Endpoint> sources, Endpoint dst, List<Forward> out) {
        ResolvedDevice d = dst.device();
        List<Cidr> srcAddresses = addresses(sources);
        for (PortItem item : resolve(f.ports(), dst, f)) {
            if (item.ports() == null) {
                diags.warning(d.device().location(), "flow '" + f.id() + "' asks for any " + item.protocol()
                        + " port from outside to device '" + d.name() + "'; portplan forwards only planned ports, so this part is not opened");
                continue;
            }
            Device dev = d.device();
            Trace trace = item.pool() != null
                    ? new Trace(d.name(), d.model().id(), item.pool().name(), item.pool().purpose(),
                            item.pool().source().document(), item.pool().source().section())
                    : new Trace(d.name(), d.model().id(), "flow " + f.id(), f.purpose(), f.source().document(),
                            f.source().section());
            out.add(new Forward(fw.name(), from, to, srcAddresses, item.protocol(), dev.publicAddress(), item.ports(),
                    dev.address(), item.ports(), d.name(), dev.order(), dev.ownPublicAddress(), trace));
            natted.add(d);
            inRules.add(d);
        }
    }

    private void permits(Firewall fw, Flow f, Zone from, Zone to, List<Endpoint> sources, List<Endpoint> dests,
                         List<Permit> out) {
        // Group both ends by the ports they resolve to, so that a flow between many devices
        // becomes a few rules with address lists rather than one rule per pair.
        Map<List<PortItem>, List<Endpoint>> srcGroups = new LinkedHashMap<>();
        for (Endpoint s : sources) {
            srcGroups.computeIfAbsent(f.fromPorts().isEmpty() ? List.of() : portsOnly(resolve(f.fromPorts(), s, f)),
                    k -> new ArrayList<>()).add(s);
        }
        Map<List<PortItem>, List<Endpoint>> dstGroups = new LinkedHashMap<>();
        for (Endpoint d : dests) {
            dstGroups.computeIfAbsent(portsOnly(resolve(f.ports(), d, f)), k -> new ArrayList<>()).add(d);
        }
        for (Map.Entry<List<PortItem>, List<Endpoint>> sg : srcGroups.entrySet()) {
            for (Map.Entry<List<PortItem>, List<Endpoint>> dg : dstGroups.entrySet()) {
                List<ResolvedDevice> own = new ArrayList<>();
                for (Endpoint e : sg.getValue()) {
                    if (e.own()) {
                        own.add(e.device());
                    }
                }
                for (Endpoint e : dg.getValue()) {
                    if (e.own()) {
                        own.add(e.device());
                    }
                }
                if (own.isEmpty()) {
                    continue; // nothing of this firewall's own takes part
                }
                inRules.addAll(own);
                if (to.isOutside()) {
                    sg.getValue().stream().filter(Endpoint::own).forEach(e -> natted.add(e.device()));
                }
                String models = String.join(",", new TreeSet<>(own.stream().map(r -> r.model().id()).toList()));
                Trace trace = new Trace(labels(sg.getValue()) + " -> " + labels(dg.getValue()), models, "flow " + f.id(),
                        f.purpose(), f.source().document(), f.source().section());
                List<Cidr> srcs = addresses(sg.getValue());
                List<Cidr> dsts = addresses(dg.getValue());
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
                            out.add(new Permit(fw.name(), from, to, srcs, dsts, to1.protocol(), sp, to1.ports(), f.id(),
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

    private static String labels(List<Endpoint> endpoints) {
        List<ResolvedDevice> ds = new ArrayList<>();
        Set<String> others = new TreeSet<>();
        for (Endpoint e : endpoints) {
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
    private List<PortItem> resolve(List<PortSpec> specs, Endpoint end, Flow f) {
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

    private record PoolPorts(PortRange ports, Pool pool) {
    }

    private Optional<PoolPorts> poolPorts(Endpoint end, String poolName) {
        if (end.device() != null) {
            ResolvedDevice d = end.device();
            Pool pool = d.model().pool(poolName).orElseThrow();
            Assigned a = assigned.getOrDefault(d, Map.of()).get(poolName);
            return a == null ? Optional.empty() : Optional.of(new PoolPorts(a.ports(), pool));
        }
        // A peer: nobody allocates its ports; it uses what the site pinned, else the vendor's
        // default start with the size its params give.
        ResolvedPeer rp = end.peer();
        if (rp != null && rp.model() != null) {
            Pool pool = rp.model().pool(poolName).orElseThrow();
            Located<PortRange> pin = rp.peer().ports().get(poolName);
            return Optional.of(new PoolPorts(pin != null ? pin.value() : defaultPorts(pool, rp.params(), rp.numbers()), pool));
        }
        for (DeviceModel m : catalog.modelsPlaying(end.role())) {
            Optional<Pool> pool = m.pool(poolName);
            if (pool.isPresent()) {
                return Optional.of(new PoolPorts(defaultPorts(pool.get(), Map.of(), Map.of()), pool.get()));
            }
        }
        return Optional.empty();
    }

    private static PortRange defaultPorts(Pool pool, Map<String, String> params, Map<String, Long> numbers) {
        PoolKind k = pool.kind();
        if (k instanceof PoolKind.Fixed fx) {
            return fx.ports();
        }
        if (k instanceof PoolKind.PerAddress pa) {
            return pa.ports();
        }
        PoolKind.Allocatable a = (PoolKind.Allocatable) k;
        PortRange def = a.windowFor(params).defaultRange();
        long size = a.size(params, numbers);
        long last = Math.min(a.windowFor(params).bounds().last(), def.first() + size - 1);
        return new PortRange(def.first(), (int) last);
    }

    private List<SourceNat> sourceNats(Firewall fw, Map<String, Zone> zoneByName) {
        List<ResolvedDevice> mine = devices.stream()
                .filter(d -> natted.contains(d) && d.device().firewall().equals(fw.name())
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
            out.add(new SourceNat(fw.name(), zoneByName.get(first.zone()), zoneByName.get(Firewall.OUTSIDE),
                    first.address(), run.get(run.size() - 1).device().address(), first.publicAddress(),
                    first.ownPublicAddress(), new Trace(Labels.devices(run), models, "outbound NAT",
                    first.ownPublicAddress() ? "1:1 NAT to its own public address" : "keep source ports so replies reach the forwarded ports",
                    null, null)));
            i = j + 1;
        }
        return out;
    }

    private List<Allocation> allocations(Firewall fw) {
        List<Allocation> out = new ArrayList<>();
        for (ResolvedDevice d : devices) {
            Device dev = d.device();
            if (!dev.firewall().equals(fw.name())) {
                continue;
            }
            for (Pool pool : d.model().pools()) {
                Assigned a = assigned.getOrDefault(d, Map.of()).get(pool.name());
                if (a == null) {
                    continue;
                }
                for (Protocol p : pool.protocolList()) {
                    out.add(new Allocation(fw.name(), d.name(), d.model().id(), pool.name(), p, a.ports(),
                            dev.address(), a.exposed() ? dev.publicAddress() : null, a.kind()));
                }
            }
        }
        return out;
    }

    private static List<String> renderSettings(ResolvedDevice d, Pool pool, Assigned a) {
        List<String> out = new ArrayList<>();
        String choice = pool.kind() instanceof PoolKind.Allocatable al && al.selector() != null
                ? d.params().get(al.selector()) : null;
        for (Setting s : pool.settings()) {
            if (!s.appliesTo(choice)) {
                continue;
            }
            out.add(s.name() + " = " + s.render(a.ports().first(), a.ports().last(), d.device().address().toString(),
                    a.exposed() ? d.device().publicAddress().toString() : null) + " (" + s.where() + ")");
        }
        return out;
    }

    // ---- sheets and warnings ---------------------------------------------------------------

    private List<DeviceSheet> sheets() {
        List<DeviceSheet> out = new ArrayList<>();
        for (ResolvedDevice d : devices) {
            Device dev = d.device();
            List<DeviceSheet.Line> lines = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (Pool pool : d.model().pools()) {
                Assigned a = assigned.getOrDefault(d, Map.of()).get(pool.name());
                if (a == null) {
                    String first = servedBy.getOrDefault(d, Map.of()).get(pool.name());
                    if (first != null) {
                        notes.add(pool.name() + " (" + protocols(pool.protocolList()) + " " + portsOf(pool) + ") is forwarded once per public address, to '"
                                + first + "'; this device does without it");
                    }
                    continue;
                }
                lines.add(new DeviceSheet.Line(pool.name(), protocols(pool.protocolList()), a.ports().toString(),
                        pool.purpose(), renderSettings(d, pool, a)));
            }
            for (Instruction in : d.model().instructions()) {
                notes.add(in.text() + " [" + in.source().shortForm() + "]");
            }
            out.add(new DeviceSheet(d.name(), d.model().id(), d.model().title(), dev.firewall(), dev.zone(), dev.address(),
                    dev.zone().equals(Firewall.OUTSIDE) ? null : dev.publicAddress(), lines, notes));
        }
        return out;
    }

    private static String portsOf(Pool pool) {
        PoolKind k = pool.kind();
        if (k instanceof PoolKind.PerAddress pa) {
            return pa.ports().toString();
        }
        if (k instanceof PoolKind.Fixed fx) {
            return fx.ports().toString();
        }
        return ((PoolKind.Allocatable) k).window().defaultRange().toString();
    }

    private void warnUnused() {
        Set<Location> warned = new HashSet<>();
        for (ResolvedDevice d : devices) {
            if (!inRules.contains(d) && warned.add(d.device().location())) {
                diags.warning(d.device().location(), "device '" + d.name() + "' (" + d.model().id()
                        + ") takes part in no rule: no applicable flow connects it across a firewall"
                        + " (declare its peers, or list the features it needs)");
            }
        }
        Set<String> used = new HashSet<>();
        for (ResolvedDevice d : devices) {
            used.add(d.device().firewall() + " " + d.device().publicAddress());
        }
        for (Firewall fw : site.firewalls()) {
            for (Ipv4 a : fw.publicAddresses()) {
                if (!used.contains(fw.name() + " " + a)) {
                    diags.warning(fw.location(), "firewall '" + fw.name() + "': public address " + a
                            + " is not used by any device");
                }
            }
        }
    }
}
