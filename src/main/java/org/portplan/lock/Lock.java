package org.portplan.lock;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The allocations of a site when it was last compiled, which allocation keeps for the devices
 * still there. Entries are in port-map order: firewall, scope, protocols, ports, so that a lock
 * reads as who owns which range of each address, and reordering devices changes nothing.
 */
public final class Lock {

    private static final Comparator<LockEntry> ORDER = Comparator.comparing(LockEntry::firewall)
            .thenComparing(LockEntry::scope).thenComparing(LockEntry::protocols).thenComparing(LockEntry::ports)
            .thenComparing(LockEntry::device).thenComparing(LockEntry::pool);

    /** No lock: a site compiled for the first time, or re-packed on purpose. */
    public static final Lock EMPTY = new Lock(null, List.of());

    private final String file;
    private final List<LockEntry> entries;
    private final Map<String, Map<String, LockEntry>> byDevicePool = new HashMap<>();

    /** {@code file} is where the lock was read from, or null for one made in memory. */
    public Lock(String file, List<LockEntry> entries) {
        this.file = file;
        this.entries = entries.stream().sorted(ORDER).toList();
        for (LockEntry e : this.entries) {
            if (byDevicePool.computeIfAbsent(e.device(), k -> new HashMap<>()).putIfAbsent(e.pool(), e) != null) {
                throw new IllegalArgumentException("lock lists pool " + e.pool() + " of device " + e.device() + " twice");
            }
        }
    }

    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    public List<LockEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    public Optional<LockEntry> get(String device, String pool) {
        Map<String, LockEntry> pools = byDevicePool.get(device);
        return pools == null ? Optional.empty() : Optional.ofNullable(pools.get(pool));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Whether both record the same allocations, wherever they were read from. */
    public boolean sameAs(Lock other) {
        if (entries.size() != other.entries.size()) {
            return false;
        }
        for (int i = 0; i < entries.size(); i++) {
            if (!entries.get(i).sameAs(other.entries.get(i))) {
                return false;
            }
        }
        return true;
    }
}
