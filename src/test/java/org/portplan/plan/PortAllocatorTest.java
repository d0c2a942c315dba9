package org.portplan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.portplan.core.Ipv4;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;

class PortAllocatorTest {

    private static final PortAllocator.Scope SCOPE = new PortAllocator.Scope("fw", Ipv4.parse("203.0.113.10"));
    private static final List<Protocol> UDP = List.of(Protocol.UDP);
    private static final PortRange ALL = new PortRange(1024, 65535);

    private static PortRange take(PortAllocator a, List<Protocol> ps, int preferred, int size, int align, PortRange bounds, String who) {
        PortRange r = a.find(SCOPE, ps, preferred, size, align, bounds).orElseThrow();
        a.take(SCOPE, ps, r, new PortSpace.Holder(who, "pool"));
        return r;
    }

    @Test
    void givesTheDefaultThenTheNextAlignedBlockAbove() {
        PortAllocator a = new PortAllocator();
        assertThat(take(a, UDP, 16384, 10, 2, ALL, "p1")).isEqualTo(new PortRange(16384, 16393));
        assertThat(take(a, UDP, 16384, 10, 2, ALL, "p2")).isEqualTo(new PortRange(16394, 16403));
        assertThat(take(a, UDP, 5060, 1, 1, ALL, "p1")).isEqualTo(PortRange.of(5060));
        assertThat(take(a, UDP, 5060, 1, 1, ALL, "p2")).isEqualTo(PortRange.of(5061));
        // An odd-sized block leaves the next aligned start even.
        assertThat(take(a, UDP, 16384, 7, 2, ALL, "p3")).isEqualTo(new PortRange(16404, 16410));
        assertThat(take(a, UDP, 16384, 10, 2, ALL, "p4")).isEqualTo(new PortRange(16412, 16421));
    }

    @Test
    void aBlockMustBeFreeInEveryProtocolOfThePool() {
        PortAllocator a = new PortAllocator();
        take(a, List.of(Protocol.TCP), 4000, 10, 1, ALL, "tcp-user");
        take(a, UDP, 4015, 10, 1, ALL, "udp-user");
        PortRange both = take(a, List.of(Protocol.TCP, Protocol.UDP), 4000, 10, 1, ALL, "dual");
        assertThat(both).isEqualTo(new PortRange(4025, 4034));
    }

    @Test
    void reportsNoRoomWithinBounds() {
        PortAllocator a = new PortAllocator();
        PortRange small = new PortRange(7000, 7015);
        take(a, UDP, 7000, 16, 2, small, "max-a");
        assertThat(a.find(SCOPE, UDP, 7000, 2, 2, small)).isEmpty();
        assertThat(a.find(SCOPE, UDP, 7000, 20, 2, small)).isEmpty();
    }

    @Test
    void findsConflictsWithOtherDevicesOnly() {
        PortAllocator a = new PortAllocator();
        a.take(SCOPE, UDP, PortRange.of(2088), new PortSpace.Holder("front-desk", "pool blf"));
        assertThat(a.conflict(SCOPE, UDP, PortRange.of(2088), "front-desk")).isEmpty();
        assertThat(a.conflict(SCOPE, UDP, new PortRange(2080, 2090), "boss")).map(PortSpace.Holder::device).contains("front-desk");
        assertThat(a.conflict(SCOPE, List.of(Protocol.TCP), PortRange.of(2088), "boss")).isEmpty();
        PortAllocator.Scope other = new PortAllocator.Scope("fw", Ipv4.parse("203.0.113.11"));
        assertThat(a.conflict(other, UDP, PortRange.of(2088), "boss")).isEmpty();
    }

    /** The allocator against a bit-per-port model, over random sequences of requests. */
    @Test
    void agreesWithABruteForceModel() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            PortAllocator a = new PortAllocator();
            Map<Protocol, BitSet> taken = new EnumMap<>(Protocol.class);
            for (Protocol p : Protocol.values()) {
                taken.put(p, new BitSet());
            }
            PortRange bounds = new PortRange(1000 + random.nextInt(50), 1300 + random.nextInt(100));
            for (int i = 0; i < 60; i++) {
                List<Protocol> ps = switch (random.nextInt(3)) {
                    case 0 -> List.of(Protocol.TCP);
                    case 1 -> List.of(Protocol.UDP);
                    default -> List.of(Protocol.TCP, Protocol.UDP);
                };
                int size = 1 + random.nextInt(random.nextBoolean() ? 3 : 25);
                int align = random.nextBoolean() ? 1 : 2;
                int preferred = bounds.first() + random.nextInt(bounds.size());
                Optional<PortRange> got = a.find(SCOPE, ps, preferred, size, align, bounds);
                Optional<PortRange> want = reference(taken, ps, preferred, size, align, bounds);
                assertThat(got).as("round %d request %d: %s size %d align %d from %d", round, i, ps, size, align, preferred)
                        .isEqualTo(want);
                if (got.isPresent()) {
                    a.take(SCOPE, ps, got.get(), new PortSpace.Holder("d" + i, "pool"));
                    for (Protocol p : ps) {
                        taken.get(p).set(got.get().first(), got.get().last() + 1);
                    }
                }
            }
        }
    }

    private static Optional<PortRange> reference(Map<Protocol, BitSet> taken, List<Protocol> ps, int preferred, int size,
                                                 int align, PortRange bounds) {
        if (free(taken, ps, preferred, size, bounds)) {
            return Optional.of(new PortRange(preferred, preferred + size - 1));
        }
        for (int s = preferred; s + size - 1 <= bounds.last(); s++) {
            if (s % align == 0 && s >= bounds.first() && free(taken, ps, s, size, bounds)) {
                return Optional.of(new PortRange(s, s + size - 1));
            }
        }
        return Optional.empty();
    }

    private static boolean free(Map<Protocol, BitSet> taken, List<Protocol> ps, int start, int size, PortRange bounds) {
        if (start + size - 1 > bounds.last()) {
            return false;
        }
        for (Protocol p : ps) {
            int next = taken.get(p).nextSetBit(start);
            if (next >= 0 && next <= start + size - 1) {
                return false;
            }
        }
        return true;
    }
}
