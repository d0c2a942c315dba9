package org.portplan.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.portplan.catalog.Pool;
import org.portplan.catalog.PoolKind;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;
import org.portplan.diag.Diagnostics;
import org.portplan.diag.Located;
import org.portplan.diag.Location;
import org.portplan.site.Device;

/**
 * The third stage: gives every pool of every device its ports. What cannot move goes first
 * (fixed and once-per-address ports, pinned pools, literal forwards), then each allocatable
 * pool gets its vendor default when free in its scope, else the next free aligned block.
 */
final class Allocator {

    /** The ports a pool of a device got while allocating. */
    private record Held(PortRange ports, Allocation.Kind kind, boolean exposed) {
    }

    private final ResolvedSite resolved;
    private final Exposure exposure;
    private final Diagnostics diags;
    private final PortAllocator allocator = new PortAllocator();
    private final Map<ResolvedDevice, Map<String, Held>> held = new IdentityHashMap<>();
    private final Map<String, Map<String, String>> servedBy = new LinkedHashMap<>();

    private Allocator(ResolvedSite resolved, Exposure exposure, Diagnostics diags) {
        this.resolved = resolved;
        this.exposure = exposure;
        this.diags = diags;
    }

    static AllocationTable allocate(ResolvedSite resolved, Exposure exposure, Diagnostics diags) {
        return new Allocator(resolved, exposure, diags).run();
    }

    private AllocationTable run() {
        holdImmovable();
        allocateRest();
        Map<String, Map<String, AllocationTable.Assignment>> table = new LinkedHashMap<>();
        for (ResolvedDevice d : resolved.devices()) {
            Device dev = d.device();
            for (Pool pool : d.model().pools()) {
                Held h = held.getOrDefault(d, Map.of()).get(pool.name());
                if (h != null) {
                    table.computeIfAbsent(d.name(), k -> new LinkedHashMap<>()).put(pool.name(),
                            new AllocationTable.Assignment(dev.firewall(), d.name(), d.model().id(), pool.name(),
                                    pool.protocolList(), h.ports(), h.kind(), dev.address(),
                                    h.exposed() ? dev.publicAddress() : null));
                }
            }
        }
        return new AllocationTable(table, servedBy);
    }

    private PortAllocator.Scope scope(ResolvedDevice d, boolean exposed) {
        Device dev = d.device();
        return new PortAllocator.Scope(dev.firewall(), exposed ? dev.publicAddress() : dev.address());
    }

    /**
     * Pass 1: fixed and once-per-address ports, pinned pools and literal forwards, in file order,
     * so that no allocatable pool of an earlier device takes a port a later device must have.
     */
    private void holdImmovable() {
        Map<String, ResolvedDevice> groupClaims = new HashMap<>();
        for (ResolvedDevice d : resolved.devices()) {
            for (Pool pool : d.model().pools()) {
                boolean exposed = exposure.exposes(d, pool.name());
                PortAllocator.Scope scope = scope(d, exposed);
                Located<PortRange> pin = d.device().ports().get(pool.name());
                if (pool.kind() instanceof PoolKind.Fixed fixed) {
                    hold(d, pool, scope, fixed.ports(), Allocation.Kind.FIXED, exposed, d.device().location());
                } else if (pool.kind() instanceof PoolKind.PerAddress pa) {
                    ResolvedDevice first = groupClaims.putIfAbsent(scope + "/" + pa.group(), d);
                    if (first != null) {
                        servedBy.computeIfAbsent(d.name(), k -> new TreeMap<>()).put(pool.name(), first.name());
                    } else {
                        hold(d, pool, scope, pa.ports(), Allocation.Kind.ONCE_PER_ADDRESS, exposed, d.device().location());
                    }
                } else if (pin != null) {
                    hold(d, pool, scope, pin.value(), Allocation.Kind.PINNED, exposed, pin.location());
                }
            }
            for (Exposure.Port x : exposure.ports(d)) {
                PortAllocator.Scope scope = scope(d, true);
                Optional<PortSpace.Holder> h = allocator.conflict(scope, x.protocols(), x.ports(), d.name());
                if (h.isPresent()) {
                    conflictError(d, "flow " + x.flow(), x.protocols(), x.ports(), h.get(), scope, d.device().location());
                } else {
                    allocator.take(scope, x.protocols(), x.ports(), new PortSpace.Holder(d.name(), "flow " + x.flow()));
                }
            }
        }
    }

    /**
     * Pass 2: allocatable pools, devices in file order, pools in catalog order. Devices of one
     * 'count' entry that run out of room fail alike: one message per entry and pool.
     */
    private void allocateRest() {
        Map<String, List<ResolvedDevice>> noRoom = new LinkedHashMap<>();
        Map<String, String> noRoomReason = new HashMap<>();
        for (ResolvedDevice d : resolved.devices()) {
            for (Pool pool : d.model().pools()) {
                if (!(pool.kind() instanceof PoolKind.Allocatable a) || d.device().ports().containsKey(pool.name())) {
                    continue;
                }
                boolean exposed = exposure.exposes(d, pool.name());
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
                            + pool.name() + "': needs " + size + " " + Protocol.ids(pool.protocolList()) + " port"
                            + (size == 1 ? "" : "s") + sizeText + (a.align() > 1 ? " starting on a multiple of " + a.align() : "")
                            + " between " + w.defaultRange().first() + " and " + w.bounds().last() + " at "
                            + scope.address() + (exposed ? " (public address of firewall '" + scope.firewall() + "')" : "")
                            + "; give some devices their own public-address or lower their params");
                    continue;
                }
                Allocation.Kind kind = r.get().first() == w.defaultRange().first() ? Allocation.Kind.DEFAULT : Allocation.Kind.MOVED;
                allocator.take(scope, pool.protocolList(), r.get(), new PortSpace.Holder(d.name(), "pool " + pool.name()));
                held.computeIfAbsent(d, k -> new LinkedHashMap<>()).put(pool.name(), new Held(r.get(), kind, exposed));
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
        held.computeIfAbsent(d, k -> new LinkedHashMap<>()).put(pool.name(), new Held(r, kind, exposed));
    }

    private void conflictError(ResolvedDevice d, String what, List<Protocol> protocols, PortRange r,
                               PortSpace.Holder holder, PortAllocator.Scope scope, Location at) {
        boolean publicScope = !scope.address().equals(d.device().address());
        diags.error(at, "device '" + d.name() + "' (" + d.model().id() + ") needs " + Protocol.ids(protocols) + " " + r
                + " for " + what + ", but device '" + holder.device() + "' already has it (" + holder.what() + ") at "
                + scope.address() + (publicScope
                ? "; give one of them its own public-address" : "; the two devices share an address"));
    }
}
