package org.portplan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.portplan.Office;
import org.portplan.TestSupport;
import org.portplan.lock.Lock;

/**
 * The lock file keeps deployed devices on their ports: the three edits of issue 8's small
 * office (6 Allworx phones, a Net2Phone Max, a PLANET phone behind one address).
 */
class LockedAllocationTest {

    private static String office(String... phones) {
        return Office.site(List.of(phones));
    }

    private static final List<String> SIX = Office.PHONES;

    /** Every assignment, as "device pool" -> "protocols ports at scope". */
    private static Map<String, String> ports(Plan p) {
        Map<String, String> out = new TreeMap<>();
        for (AllocationTable.Assignment a : p.allocations().assignments()) {
            out.put(a.device() + " " + a.pool(), org.portplan.core.Protocol.ids(a.protocols()) + " " + a.ports() + " at " + a.scope());
        }
        return out;
    }

    /** Devices (other than {@code touched}) with an assignment that differs between the two plans. */
    private static List<String> moved(Plan before, Plan after, String... touched) {
        Map<String, String> a = ports(before);
        Map<String, String> b = ports(after);
        return a.keySet().stream().filter(k -> List.of(touched).stream().noneMatch(t -> k.startsWith(t + " ")))
                .filter(k -> !a.get(k).equals(b.get(k))).map(k -> k + ": " + a.get(k) + " -> " + b.get(k)).toList();
    }

    private static String[] with(List<String> phones) {
        return phones.toArray(String[]::new);
    }

    @Test
    void insertingAPhoneInTheMiddleMovesNobodyWithTheLock() {
        Plan before = TestSupport.plan(office(with(SIX))).ok();
        List<String> edited = new java.util.ArrayList<>(SIX);
        edited.add(3, "p3b: { model: allworx-phone, address: 10.0.0.20 }");
        // Without the lock, first-fit in file order moves the phones after the new one and the PLANET phone.
        assertThat(moved(before, TestSupport.plan(office(with(edited))).ok(), "p3b")).isNotEmpty();
        TestSupport.Outcome locked = TestSupport.plan(office(with(edited)), before.lock());
        assertThat(moved(before, locked.ok(), "p3b")).isEmpty();
        assertThat(locked.ok().lockChanges()).extracting(LockChange::describe).containsExactly(
                "+ p3b sip: udp 5067 at 203.0.113.10", "+ p3b rtp: udp 16444-16453 at 203.0.113.10");
        assertThat(locked.messages()).noneMatch(m -> m.contains("moves"));
    }

    @Test
    void removingTheFirstPhoneMovesNobodyAndReleasesItsPorts() {
        Plan before = TestSupport.plan(office(with(SIX))).ok();
        List<String> edited = SIX.subList(1, SIX.size());
        assertThat(moved(before, TestSupport.plan(office(with(edited))).ok(), "p1")).isNotEmpty();
        TestSupport.Outcome locked = TestSupport.plan(office(with(edited)), before.lock());
        Plan after = locked.ok();
        // The BLF port forwarded once per address goes to the next phone, which gains it; nobody loses a port.
        assertThat(moved(before, after, "p1")).isEmpty();
        assertThat(after.lockChanges()).extracting(LockChange::describe).containsExactlyInAnyOrder(
                "+ p2 blf: udp 2088 at 203.0.113.10",
                "- p1 blf: udp 2088 at 203.0.113.10 (device 'p1' is no longer in the site)",
                "- p1 sip: udp 5060 at 203.0.113.10 (device 'p1' is no longer in the site)",
                "- p1 rtp: udp 16384-16393 at 203.0.113.10 (device 'p1' is no longer in the site)");
        assertThat(locked.messages()).filteredOn(m -> m.contains(": note: ")).hasSize(3);
        // The freed ports go to the next new device.
        List<String> plusOne = new java.util.ArrayList<>(edited);
        plusOne.add("p7: { model: allworx-phone, address: 10.0.0.17 }");
        Plan reused = TestSupport.plan(office(with(plusOne)), after.lock()).ok();
        assertThat(ports(reused)).containsEntry("p7 sip", "udp 5060 at 203.0.113.10")
                .containsEntry("p7 rtp", "udp 16384-16393 at 203.0.113.10");
    }

    @Test
    void aPhoneThatNeedsMorePortsMovesAloneAndSaysWhatToSet() {
        Plan before = TestSupport.plan(office(with(SIX))).ok();
        List<String> edited = new java.util.ArrayList<>(SIX);
        edited.set(1, "p2: { model: allworx-phone, address: 10.0.0.12, params: { conversations: 6 } }");
        assertThat(moved(before, TestSupport.plan(office(with(edited))).ok(), "p2")).isNotEmpty();
        TestSupport.Outcome locked = TestSupport.plan(office(with(edited)), before.lock());
        Plan after = locked.ok();
        assertThat(moved(before, after, "p2")).isEmpty();
        assertThat(after.allocations().get("p2", "rtp").orElseThrow().ports().size()).isEqualTo(12);
        assertThat(locked.messages()).filteredOn(m -> m.contains("warning:") && m.contains("moves")).singleElement()
                .satisfies(m -> assertThat(m).contains("device 'p2' (allworx-phone): rtp moves from udp 16394-16403 at"
                        + " 203.0.113.10 to udp ", "because it needs 12 ports now (2 * conversations)",
                        "set RTP Media Port Range = ", "(Server Admin page: PHONE SYSTEM / Handsets / View Configuration)"));
    }

    @Test
    void aResizedRangeKeepsItsStartWhenTheNextPortsAreFree() {
        String one = Office.HEAD + "  p: { model: allworx-phone, address: 10.0.0.11 }\n";
        Plan before = TestSupport.plan(one).ok();
        Plan after = TestSupport.plan(one.replace("10.0.0.11 }", "10.0.0.11, params: { conversations: 7 } }"),
                before.lock()).ok();
        assertThat(ports(after)).containsEntry("p rtp", "udp 16384-16397 at 203.0.113.10");
    }

    @Test
    void aLockedRangeThatNowCollidesWithAPinMovesWithAWarning() {
        Plan before = TestSupport.plan(office(with(SIX))).ok();
        List<String> edited = new java.util.ArrayList<>(SIX);
        edited.add("legacy: { model: allworx-phone, address: 10.0.0.50, ports: { sip: 5061, rtp: 30000-30009 } }");
        TestSupport.Outcome o = TestSupport.plan(office(with(edited)), before.lock());
        assertThat(o.messages()).anySatisfy(m -> assertThat(m).contains("device 'p2' (allworx-phone): sip moves from udp"
                + " 5061 at 203.0.113.10 to udp ", "because device 'legacy' now needs part of it (pool sip)", "set SIP Port = "));
        assertThat(moved(before, o.ok(), "p2", "legacy")).isEmpty();
    }

    @Test
    void aNewLockEqualsTheOldWhenNothingChanged() {
        Plan before = TestSupport.plan(office(with(SIX))).ok();
        Plan again = TestSupport.plan(office(with(SIX)), before.lock()).ok();
        assertThat(again.lockChanges()).isEmpty();
        assertThat(again.lock().sameAs(before.lock())).isTrue();
        assertThat(Lock.EMPTY.sameAs(before.lock())).isFalse();
    }
}
