package org.portplan.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.portplan.core.AddressSet;
import org.portplan.core.Cidr;
import org.portplan.core.Ipv4;
import org.portplan.core.Platform;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;
import org.portplan.lock.Lock;
import org.portplan.plan.AllocationTable;
import org.portplan.plan.Plan;
import org.portplan.rules.FirewallPlan;
import org.portplan.rules.Forward;
import org.portplan.rules.Permit;
import org.portplan.rules.SourceNat;
import org.portplan.rules.Trace;
import org.portplan.rules.Zone;

/** Rules compare by meaning: hand-written rule models that say the same thing differently, or nearly. */
class DifferTest {

    private static final Zone OUT = new Zone("outside", "eth0", Cidr.parse("203.0.113.10/29"));
    private static final Zone IN = new Zone("inside", "eth1", Cidr.parse("10.0.0.1/24"));
    private static final Trace T = new Trace("d", "m", "entry", "purpose", "doc", "1");

    private static AddressSet hosts(String... as) {
        return AddressSet.of(java.util.Arrays.stream(as).map(Cidr::parse).toList());
    }

    private static Permit permit(AddressSet src, AddressSet dst, Protocol p, PortRange ports) {
        return new Permit("fw", IN, OUT, src, dst, p, null, ports, "flow", "m", T);
    }

    private static Forward forward(AddressSet src, PortRange ports) {
        return new Forward("fw", OUT, IN, src, Protocol.UDP, Ipv4.parse("203.0.113.10"), ports, Ipv4.parse("10.0.0.5"),
                ports, "d", 0, false, T);
    }

    private static Plan plan(List<Forward> forwards, List<Permit> permits, List<SourceNat> nats) {
        FirewallPlan fw = new FirewallPlan("fw", Platform.IPTABLES, List.of(OUT, IN), Ipv4.parse("203.0.113.10"), List.of(),
                forwards, permits, nats);
        return new Plan("s", "s.yaml", List.of(), AllocationTable.EMPTY, List.of(fw), List.of(), List.of(), Lock.EMPTY, List.of(),
                List.of(), Map.of());
    }

    private static PlanDiff diff(Plan a, Plan b) {
        return Differ.between(a, b);
    }

    @Test
    void theSamePermitWrittenDifferentlyIsNoChange() {
        Plan one = plan(List.of(), List.of(permit(hosts("10.0.0.5", "10.0.0.6"), hosts("198.51.100.7"), Protocol.UDP,
                new PortRange(5060, 5069))), List.of());
        Plan split = plan(List.of(), List.of(
                permit(hosts("10.0.0.5"), hosts("198.51.100.7"), Protocol.UDP, new PortRange(5060, 5064)),
                permit(hosts("10.0.0.6"), hosts("198.51.100.7"), Protocol.UDP, new PortRange(5060, 5069)),
                permit(hosts("10.0.0.5"), hosts("198.51.100.7"), Protocol.UDP, new PortRange(5065, 5069)),
                permit(hosts("10.0.0.5", "10.0.0.6"), hosts("198.51.100.7"), Protocol.UDP, PortRange.of(5061))), List.of());
        assertThat(diff(one, split).isEmpty()).isTrue();
        assertThat(diff(split, one).isEmpty()).isTrue();
    }

    @Test
    void aWidenedRangeShowsThePortsItAddsAndANarrowedSourceWhatItCloses() {
        Plan before = plan(List.of(forward(hosts("198.51.100.7", "198.51.100.8"), new PortRange(16384, 16393))), List.of(),
                List.of());
        Plan after = plan(List.of(forward(hosts("198.51.100.7"), new PortRange(16384, 16397))), List.of(), List.of());
        FirewallDiff f = diff(before, after).changed().get(0);
        assertThat(f.opened()).extracting(RuleChange::describe)
                .containsExactly("forward udp 16394-16397 from 198.51.100.7 to 203.0.113.10 -> 10.0.0.5");
        assertThat(f.closed()).extracting(RuleChange::describe)
                .containsExactly("forward udp 16384-16393 from 198.51.100.8 to 203.0.113.10 -> 10.0.0.5");
    }

    @Test
    void anyMeetsSpecificAddressesByMeaning() {
        Plan any = plan(List.of(), List.of(permit(AddressSet.any(), hosts("198.51.100.7"), Protocol.TCP, null)), List.of());
        Plan some = plan(List.of(), List.of(permit(hosts("10.0.0.0/25"), hosts("198.51.100.7"), Protocol.TCP, null)), List.of());
        FirewallDiff f = diff(any, some).changed().get(0);
        assertThat(f.opened()).isEmpty();
        assertThat(f.closed()).extracting(RuleChange::sources)
                .containsExactly(List.of("0.0.0.0-9.255.255.255", "10.0.0.128-255.255.255.255"));
        assertThat(f.closed().get(0).ports()).containsExactly("any port");
    }

    @Test
    void outboundNatChangesAreListedByAddress() {
        SourceNat a = new SourceNat("fw", IN, OUT, Ipv4.parse("10.0.0.5"), Ipv4.parse("10.0.0.6"), Ipv4.parse("203.0.113.10"),
                false, T);
        SourceNat b = new SourceNat("fw", IN, OUT, Ipv4.parse("10.0.0.6"), Ipv4.parse("10.0.0.6"), Ipv4.parse("203.0.113.11"),
                true, T);
        FirewallDiff f = diff(plan(List.of(), List.of(), List.of(a)), plan(List.of(), List.of(), List.of(b))).changed().get(0);
        assertThat(f.nat()).extracting(NatChange::describe)
                .containsExactly("10.0.0.5: 203.0.113.10 -> none", "10.0.0.6: 203.0.113.10 -> 203.0.113.11 (1:1)");
    }
}
