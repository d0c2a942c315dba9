package org.portplan.plan;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.portplan.core.PortRange;

/**
 * The ports taken in one scope for one protocol. Two ordered maps: who holds each taken
 * interval (for conflict messages) and the taken intervals coalesced, so that a search for a
 * free block jumps over whole runs of allocations instead of visiting them one by one.
 */
final class PortSpace {

    /** Who holds an interval: a device and the pool or flow that needs the ports. */
    record Holder(String device, String what) {
    }

    private record Held(PortRange range, Holder holder) {
    }

    private final TreeMap<Integer, Held> held = new TreeMap<>();
    private final TreeMap<Integer, Integer> coalesced = new TreeMap<>();

    /** A holder of a port in {@code r} other than {@code device}, if any. */
    Optional<Holder> conflict(PortRange r, String device) {
        // Intervals are disjoint, so only the one starting at or before r.first and those starting inside r can overlap.
        Map.Entry<Integer, Held> floor = held.floorEntry(r.first());
        if (floor != null && floor.getValue().range().overlaps(r) && !floor.getValue().holder().device().equals(device)) {
            return Optional.of(floor.getValue().holder());
        }
        for (Held h : held.subMap(r.first(), false, r.last(), true).values()) {
            if (!h.holder().device().equals(device)) {
                return Optional.of(h.holder());
            }
        }
        return Optional.empty();
    }

    /**
     * Records {@code r} as held. Parts already held by the same device (a port two flows open)
     * are kept once; callers check {@link #conflict} first.
     */
    void take(PortRange r, Holder holder) {
        int start = r.first();
        Map.Entry<Integer, Held> floor = held.floorEntry(start);
        if (floor != null && floor.getValue().range().last() >= start) {
            start = floor.getValue().range().last() + 1;
        }
        while (start <= r.last()) {
            Map.Entry<Integer, Held> next = held.ceilingEntry(start);
            int end = next == null || next.getKey() > r.last() ? r.last() : next.getKey() - 1;
            if (end >= start) {
                held.put(start, new Held(new PortRange(start, end), holder));
            }
            if (next == null || next.getKey() > r.last()) {
                break;
            }
            start = next.getValue().range().last() + 1;
        }
        coalesce(r);
    }

    private void coalesce(PortRange r) {
        int first = r.first();
        int last = r.last();
        Map.Entry<Integer, Integer> before = coalesced.floorEntry(first);
        if (before != null && before.getValue() >= first - 1) {
            first = before.getKey();
            last = Math.max(last, before.getValue());
            coalesced.remove(before.getKey());
        }
        Map.Entry<Integer, Integer> after = coalesced.ceilingEntry(first);
        while (after != null && after.getKey() <= last + 1) {
            last = Math.max(last, after.getValue());
            coalesced.remove(after.getKey());
            after = coalesced.ceilingEntry(first);
        }
        coalesced.put(first, last);
    }

    boolean isFree(int first, int last) {
        Map.Entry<Integer, Integer> floor = coalesced.floorEntry(last);
        return floor == null || floor.getValue() < first;
    }

    /**
     * The first start {@code s >= from} with {@code s % align == 0} such that
     * [s, s + size - 1] is free and ends at or below {@code max}; -1 if there is none.
     */
    int nextFree(int from, int size, int align, int max) {
        long c = alignUp(from, align);
        while (c + size - 1 <= max) {
            int cs = (int) c;
            Map.Entry<Integer, Integer> floor = coalesced.floorEntry(cs);
            if (floor != null && floor.getValue() >= cs) {
                c = alignUp(floor.getValue() + 1L, align);
                continue;
            }
            Map.Entry<Integer, Integer> next = coalesced.higherEntry(cs);
            if (next != null && next.getKey() <= c + size - 1) {
                c = alignUp(next.getValue() + 1L, align);
                continue;
            }
            return cs;
        }
        return -1;
    }

    private static long alignUp(long v, int align) {
        long r = v % align;
        return r == 0 ? v : v + align - r;
    }
}
