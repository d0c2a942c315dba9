package org.portplan.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.portplan.diag.Code;
import org.portplan.diag.Diagnostics;
import org.portplan.diag.Location;
import org.portplan.lock.Lock;
import org.portplan.lock.LockEntry;

/**
 * Compares the lock a site was planned with to the allocation table it got, and tells the user
 * what that means for deployed devices: a warning per moved range with the setting to change, a
 * note per released one.
 */
final class LockUpdate {

    private LockUpdate() {
    }

    /** The lock the table amounts to. */
    static Lock lockOf(AllocationTable table) {
        List<LockEntry> entries = new ArrayList<>();
        for (AllocationTable.Assignment a : table.assignments()) {
            entries.add(entry(a));
        }
        return new Lock(null, entries);
    }

    private static LockEntry entry(AllocationTable.Assignment a) {
        return new LockEntry(a.firewall(), a.device(), a.pool(), a.model(), org.portplan.core.Protocol.ids(a.protocols()),
                a.scope(), a.ports(), a.catalog(), null);
    }

    /** Every change from {@code before} to {@code table}, reported in {@code diags}; empty when nothing changes. */
    static List<LockChange> changes(Lock before, AllocationTable table, ResolvedSite resolved,
                                    Map<String, Map<String, String>> refused, List<DeviceSheet> sheets, Diagnostics diags) {
        Map<String, ResolvedDevice> devices = new HashMap<>();
        resolved.devices().forEach(d -> devices.put(d.name(), d));
        Map<String, DeviceSheet> sheetOf = new HashMap<>();
        sheets.forEach(s -> sheetOf.put(s.device(), s));
        List<LockChange> out = new ArrayList<>();
        for (AllocationTable.Assignment a : table.assignments()) {
            LockEntry now = entry(a);
            Optional<LockEntry> was = before.get(a.device(), a.pool());
            Location at = devices.get(a.device()).device().location();
            if (was.isEmpty()) {
                out.add(new LockChange(LockChange.Kind.ADDED, null, now, null, at));
                continue;
            }
            if (was.get().ports().equals(now.ports()) && was.get().scope().equals(now.scope())) {
                if (!was.get().sameAs(now)) {
                    // Same ports, other details (a catalog note of the entry): the lock file changes, the device does not.
                    out.add(new LockChange(LockChange.Kind.MOVED, was.get(), now, "same ports; " + detail(was.get(), now),
                            at));
                }
                continue;
            }
            String why = reason(a, refused);
            out.add(new LockChange(LockChange.Kind.MOVED, was.get(), now, why, at));
            if (a.kind() == Allocation.Kind.PINNED) {
                diags.note(Code.PINNED_RANGE_MOVED, at, "device '" + a.device() + "': " + a.pool() + " moves from "
                        + was.get().describe() + " to " + now.describe() + ", as the site pins it");
                continue;
            }
            List<String> settings = sheetOf.get(a.device()).settingsOf(a.pool());
            diags.warning(Code.RANGE_MOVED, at, "device '" + a.device() + "' (" + a.model() + "): " + a.pool()
                    + " moves from " + was.get().describe() + " to " + now.describe() + (why == null ? "" : ", because " + why)
                    + (settings.isEmpty() ? "; nothing on the device sets it" : "; set " + String.join("; set ", settings)));
        }
        for (LockEntry e : before.entries()) {
            if (table.get(e.device(), e.pool()).isPresent()) {
                continue;
            }
            ResolvedDevice d = devices.get(e.device());
            String why = d == null ? "device '" + e.device() + "' is no longer in the site"
                    : table.servedBy(e.device(), e.pool()).map(x -> "device '" + x + "' has it now").orElse(
                    "device '" + e.device() + "' no longer needs it");
            out.add(new LockChange(LockChange.Kind.RELEASED, e, null, why, d == null ? null : d.device().location()));
            Location entryAt = e.location() != null ? e.location() : Location.of(before.file().orElse("lock"));
            diags.note(Code.LOCK_ENTRY_RELEASED, entryAt,
                    e.pool() + " of '" + e.device() + "' (" + e.describe() + ") is released: " + why);
        }
        return out;
    }

    private static String reason(AllocationTable.Assignment a, Map<String, Map<String, String>> refused) {
        if (a.kind() == Allocation.Kind.PINNED) {
            return "pinned by the site";
        }
        return refused.getOrDefault(a.device(), Map.of()).get(a.pool());
    }

    private static String detail(LockEntry was, LockEntry now) {
        if (!was.catalog().equals(now.catalog())) {
            return "catalog entry now " + now.catalog();
        }
        return !was.model().equals(now.model()) ? "model now " + now.model() : "recorded anew";
    }
}
