package org.portplan.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.portplan.core.Ipv4;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;

/**
 * Places port ranges in scopes. A scope is a (firewall, address) pair: the public address for
 * ports forwarded from outside, the device's own address otherwise. Within a scope and
 * protocol no two devices' ports overlap.
 */
final class PortAllocator {

    /** Where ports must not collide. */
    record Scope(String firewall, Ipv4 address) {
    }

    private record SearchKey(Scope scope, List<Protocol> protocols, int from, int size, int align, int max) {
    }

    private final Map<Scope, Map<Protocol, PortSpace>> spaces = new HashMap<>();
    /**
     * Where the last search of each shape ended. Ports are only ever taken, never given back,
     * so a block that did not fit before that point cannot fit later: resuming there keeps
     * a thousand phones asking for "10 ports from 16384" linear instead of quadratic.
     */
    private final Map<SearchKey, Integer> resumeAt = new HashMap<>();

    private PortSpace space(Scope scope, Protocol p) {
        return spaces.computeIfAbsent(scope, k -> new HashMap<>()).computeIfAbsent(p, k -> new PortSpace());
    }

    /** Someone other than {@code device} holding part of {@code r} in the scope, if any. */
    Optional<PortSpace.Holder> conflict(Scope scope, List<Protocol> protocols, PortRange r, String device) {
        for (Protocol p : protocols) {
            Optional<PortSpace.Holder> h = space(scope, p).conflict(r, device);
            if (h.isPresent()) {
                return h;
            }
        }
        return Optional.empty();
    }

    void take(Scope scope, List<Protocol> protocols, PortRange r, PortSpace.Holder holder) {
        for (Protocol p : protocols) {
            space(scope, p).take(r, holder);
        }
    }

    /**
     * The vendor default when it is free in every protocol, else the next free block above it
     * that starts on an {@code align} boundary and ends within {@code bounds}.
     */
    Optional<PortRange> find(Scope scope, List<Protocol> protocols, int preferred, int size, int align, PortRange bounds) {
        int max = bounds.last();
        if (preferred + (long) size - 1 <= max && allFree(scope, protocols, preferred, preferred + size - 1)) {
            return Optional.of(new PortRange(preferred, preferred + size - 1));
        }
        SearchKey key = new SearchKey(scope, protocols, preferred, size, align, max);
        int c = Math.max(resumeAt.getOrDefault(key, preferred), bounds.first());
        while (true) {
            int agreed = c;
            for (Protocol p : protocols) {
                int s = space(scope, p).nextFree(agreed, size, align, max);
                if (s < 0) {
                    resumeAt.put(key, max + 1);
                    return Optional.empty();
                }
                agreed = s;
            }
            if (agreed == c || allFree(scope, protocols, agreed, agreed + size - 1)) {
                resumeAt.put(key, agreed);
                return Optional.of(new PortRange(agreed, agreed + size - 1));
            }
            c = agreed;
        }
    }

    private boolean allFree(Scope scope, List<Protocol> protocols, int first, int last) {
        for (Protocol p : protocols) {
            if (!space(scope, p).isFree(first, last)) {
                return false;
            }
        }
        return true;
    }
}
