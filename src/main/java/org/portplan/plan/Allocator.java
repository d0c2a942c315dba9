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
import org.portplan.diag.Code;
import org.portplan.diag.Diagnostics;
import org.portplan.diag.Located;
import org.portplan.diag.Location;
import org.portplan.lock.Lock;
import org.portplan.lock.LockEntry;
import org.portplan.site.Device;

/**
 * The third stage: gives every pool of every device its ports. What cannot move goes first
 * (fixed and once-per-address ports, pinned pools, literal forwards), then the ranges the lock
 * file keeps, then each remaining allocatable pool gets its old start when it still fits, else
 * the vendor default when free in its scope, else the next free aligned block.
 */
final class Allocator {

    /** The ports a pool of a device got while allocating. */
    private record Held(PortRange ports, Allocation.Kind kind, boolean exposed) {
    }

    private final ResolvedSite resolved;
    private final Exposure exposure;
    private final Lock lock;
    private final Diagnostics diags;
    private final PortAllocator allocator = new PortAllocator();
    private final Map<ResolvedDevice, Map<String, Held>> held = new IdentityHashMap<>();
    private final Map<String, Map<String, String>> servedBy = new LinkedHashMap<>();
    /** Why a locked range could not be kept, by device and pool. */
    private final Map<String, Map<String, String>> lockRefused = new HashMap<>();
    private final Map<Pool, String> fingerprints = new IdentityHashMap<>();

    private Allocator(ResolvedSite resolved, Exposure exposure, Lock lock, Diagnostics diags) {
        this.resolved = resolved;
        this.exposure = exposure;
        this.lock = lock;
        this.diags = diags;
    }

    /** The allocation table, and why each locked range that moved could not be kept. */
    record Result(AllocationTable table, Map<String, Map<String, String>> lockRefused) {
    }

    static Result allocate(ResolvedSite resolved, Exposure exposure, Lock lock, Diagnostics diags) {
        return new Allocator(resolved, exposure, lock, diags).run();
    }

    private Result run() {
        holdImmovable();
        holdLocked();
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
                                    h.exposed() ? dev.publicAddress() : null, fingerprint(pool)));
                }
            }
        }
        return new Result(new AllocationTable(table, servedBy), lockRefused);
    }

    /** Once per pool, not per device: every device of a model shares its pools. */
    private String fingerprint(Pool pool) {
        return fingerprints.computeIfAbsent(pool, Fingerprint::of);
    }

    private PortAllocator.Scope scope(ResolvedDevice d, boolean exposed) {
        Device dev = d.device();
        return new PortAllocator.Scope(dev.firewall(), exposed ? dev.publicAddress() : dev.address());
    }

    /**
     * Pass 1: fixed and once-per-address ports, pinned pools and literal forwards, in file order,
     * so that no allocatable pool of an earlier device takes a port a later device must have.
     * A once-per-address port stays with the device the lock gives it to while that device is
     * still behind the same address.
     */
    private void holdImmovable() {
        Map<String, ResolvedDevice> groupClaims = new HashMap<>();
        for (ResolvedDevice d : resolved.devices()) {
            for (Pool pool : d.model().pools()) {
                if (pool.kind() instanceof PoolKind.PerAddress pa) {
                    PortAllocator.Scope scope = scope(d, exposure.exposes(d, pool.name()));
                    lock.get(d.name(), pool.name()).filter(e -> keeps(e, d, pool, scope))
                            .ifPresent(e -> groupClaims.putIfAbsent(scope + "/" + pa.group(), d));
                }
            }
        }
        for (ResolvedDevice d : resolved.devices()) {
            for (Pool pool : d.model().pools()) {
                boolean exposed = exposure.exposes(d, pool.name());
                PortAllocator.Scope scope = scope(d, exposed);
                Located<PortRange> pin = d.device().ports().get(pool.name());
                if (pool.kind() instanceof PoolKind.Fixed fixed) {
                    hold(d, pool, scope, fixed.ports(), Allocation.Kind.FIXED, exposed, d.device().location());
                } else if (pool.kind() instanceof PoolKind.PerAddress pa) {
                    ResolvedDevice first = groupClaims.putIfAbsent(scope + "/" + pa.group(), d);
                    if (first != null && first != d) {
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

    /** Whether a lock entry still describes {@code pool} of {@code d} at {@code scope}, as the catalog now has it. */
    private boolean keeps(LockEntry e, ResolvedDevice d, Pool pool, PortAllocator.Scope scope) {
        return e.firewall().equals(d.device().firewall()) && e.scope().equals(scope.address())
                && e.model().equals(d.model().id()) && e.catalog().equals(fingerprint(pool));
    }

    /** Pass 2: allocatable pools keep their locked ranges while those are still right for them. */
    private void holdLocked() {
        for (ResolvedDevice d : resolved.devices()) {
            for (Pool pool : d.model().pools()) {
                if (!(pool.kind() instanceof PoolKind.Allocatable a) || d.device().ports().containsKey(pool.name())) {
                    continue;
                }
                Optional<LockEntry> locked = lock.get(d.name(), pool.name());
                if (locked.isEmpty()) {
                    continue;
                }
                boolean exposed = exposure.exposes(d, pool.name());
                PortAllocator.Scope scope = scope(d, exposed);
                Optional<String> refused = refusal(locked.get(), d, pool, a, scope);
                if (refused.isPresent()) {
                    lockRefused.computeIfAbsent(d.name(), k -> new HashMap<>()).put(pool.name(), refused.get());
                    continue;
                }
                take(d, pool, a, scope, locked.get().ports(), exposed);
            }
        }
    }

    /** Why a locked range cannot be kept, if it cannot. */
    private Optional<String> refusal(LockEntry e, ResolvedDevice d, Pool pool, PoolKind.Allocatable a,
                                     PortAllocator.Scope scope) {
        if (!e.firewall().equals(d.device().firewall()) || !e.scope().equals(scope.address())) {
            return Optional.of("it is now reached at " + scope.address() + " on firewall '" + scope.firewall() + "'");
        }
        if (!e.model().equals(d.model().id())) {
            return Optional.of("its model changed from " + e.model());
        }
        if (!e.catalog().equals(fingerprint(pool))) {
            return Optional.of("the catalog entry changed (" + e.catalog() + " -> " + fingerprint(pool) + ")");
        }
        long size = a.size(d.params(), d.numbers());
        if (e.ports().size() != size) {
            return Optional.of("it needs " + size + " port" + (size == 1 ? "" : "s") + " now"
                    + a.sizeFor(d.numbers()).map(x -> " (" + x.text() + ")").orElse(""));
        }
        if (!a.windowFor(d.params()).bounds().contains(e.ports()) || e.ports().first() % a.align() != 0) {
            return Optional.of("the locked range is outside " + a.windowFor(d.params()).bounds()
                    + (a.align() > 1 ? " or not on a multiple of " + a.align() : ""));
        }
        Optional<PortSpace.Holder> h = allocator.conflict(scope, pool.protocolList(), e.ports(), d.name());
        return h.map(x -> "device '" + x.device() + "' now needs part of it (" + x.what() + ")");
    }

    private static Allocation.Kind kindOf(PortRange r, PoolKind.Allocatable a, ResolvedDevice d) {
        return r.first() == a.windowFor(d.params()).defaultRange().first() ? Allocation.Kind.DEFAULT : Allocation.Kind.MOVED;
    }

    /**
     * Pass 3: the other allocatable pools, devices in file order, pools in catalog order; a pool
     * whose locked range could not be kept first tries the same start. Devices of one 'count'
     * entry that run out of room fail alike: one message per entry and pool.
     */
    private void allocateRest() {
        Map<String, List<ResolvedDevice>> noRoom = new LinkedHashMap<>();
        Map<String, String> noRoomReason = new HashMap<>();
        // Pools whose locked range moved try their old start before any new device can take it.
        for (boolean relocking : new boolean[] {true, false}) {
            for (ResolvedDevice d : resolved.devices()) {
                for (Pool pool : d.model().pools()) {
                    if (!(pool.kind() instanceof PoolKind.Allocatable a) || d.device().ports().containsKey(pool.name())
                            || held.getOrDefault(d, Map.of()).containsKey(pool.name())) {
                        continue;
                    }
                    boolean exposed = exposure.exposes(d, pool.name());
                    PortAllocator.Scope scope = scope(d, exposed);
                    PoolKind.Window w = a.windowFor(d.params());
                    long size = a.size(d.params(), d.numbers());
                    if (relocking) {
                        if (size >= 1 && size <= w.bounds().size()) {
                            sameStart(d, pool, a, scope, (int) size).ifPresent(r -> take(d, pool, a, scope, r, exposed));
                        }
                        continue;
                    }
                    String sizeText = a.sizeFor(d.numbers()).map(e -> " (" + e.text() + ")").orElse("");
                    if (size < 1 || size > w.bounds().size()) {
                        diags.error(Code.POOL_EXCEEDS_BOUNDS, d.device().location(),
                                "device '" + d.name() + "' (" + d.model().id() + "): pool '"
                                + pool.name() + "' needs " + size + " ports" + sizeText + ", but its bounds "
                                + w.bounds() + " hold " + w.bounds().size());
                        continue;
                    }
                    Optional<PortRange> r = allocator.find(scope, pool.protocolList(), w.defaultRange().first(),
                            (int) size, a.align(), w.bounds());
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
                    take(d, pool, a, scope, r.get(), exposed);
                }
            }
        }
        for (Map.Entry<String, List<ResolvedDevice>> e : noRoom.entrySet()) {
            List<ResolvedDevice> failed = e.getValue();
            ResolvedDevice first = failed.get(0);
            String who = failed.size() == 1 ? "device '" + first.name() + "'"
                    : failed.size() + " devices (" + Labels.devices(failed) + ")";
            diags.error(Code.NO_ROOM, first.device().location(),
                    who + " (" + first.model().id() + "): " + noRoomReason.get(e.getKey()));
        }
    }

    private void take(ResolvedDevice d, Pool pool, PoolKind.Allocatable a, PortAllocator.Scope scope, PortRange r,
                      boolean exposed) {
        claim(d, pool, scope, r, kindOf(r, a, d), exposed);
    }

    /** Gives {@code pool} of {@code d} the ports {@code r}, which the caller found free. */
    private void claim(ResolvedDevice d, Pool pool, PortAllocator.Scope scope, PortRange r, Allocation.Kind kind,
                       boolean exposed) {
        allocator.take(scope, pool.protocolList(), r, new PortSpace.Holder(d.name(), "pool " + pool.name()));
        held.computeIfAbsent(d, k -> new LinkedHashMap<>()).put(pool.name(), new Held(r, kind, exposed));
    }

    /** The locked start with the size needed now, when it fits: a resized range moves as little as it can. */
    private Optional<PortRange> sameStart(ResolvedDevice d, Pool pool, PoolKind.Allocatable a, PortAllocator.Scope scope,
                                          int size) {
        Optional<LockEntry> e = lock.get(d.name(), pool.name());
        if (e.isEmpty() || !e.get().scope().equals(scope.address())) {
            return Optional.empty();
        }
        int first = e.get().ports().first();
        if (first % a.align() != 0 || (long) first + size - 1 > PortRange.MAX) {
            return Optional.empty();
        }
        PortRange r = new PortRange(first, first + size - 1);
        if (!a.windowFor(d.params()).bounds().contains(r)
                || allocator.conflict(scope, pool.protocolList(), r, d.name()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(r);
    }

    private void hold(ResolvedDevice d, Pool pool, PortAllocator.Scope scope, PortRange r, Allocation.Kind kind,
                      boolean exposed, Location at) {
        Optional<PortSpace.Holder> h = allocator.conflict(scope, pool.protocolList(), r, d.name());
        if (h.isPresent()) {
            conflictError(d, "pool " + pool.name(), pool.protocolList(), r, h.get(), scope, at);
            return;
        }
        claim(d, pool, scope, r, kind, exposed);
    }

    private void conflictError(ResolvedDevice d, String what, List<Protocol> protocols, PortRange r,
                               PortSpace.Holder holder, PortAllocator.Scope scope, Location at) {
        boolean publicScope = !scope.address().equals(d.device().address());
        diags.error(Code.PORT_CONFLICT, at,
                "device '" + d.name() + "' (" + d.model().id() + ") needs " + Protocol.ids(protocols) + " " + r
                + " for " + what + ", but device '" + holder.device() + "' already has it (" + holder.what() + ") at "
                + scope.address() + (publicScope
                ? "; give one of them its own public-address" : "; the two devices share an address"));
    }
}
