package org.portplan.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portplan.catalog.Instruction;
import org.portplan.catalog.Pool;
import org.portplan.catalog.PoolKind;
import org.portplan.catalog.Setting;
import org.portplan.core.Protocol;
import org.portplan.site.Device;
import org.portplan.site.Firewall;

/** The last stage: what the administrator sets on each device so that it uses the ports its firewall opens. */
final class Sheets {

    private Sheets() {
    }

    static List<DeviceSheet> of(ResolvedSite resolved, AllocationTable table) {
        List<DeviceSheet> out = new ArrayList<>();
        for (ResolvedDevice d : resolved.devices()) {
            Device dev = d.device();
            List<DeviceSheet.Line> lines = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (Pool pool : d.model().pools()) {
                Optional<AllocationTable.Assignment> a = table.get(d.name(), pool.name());
                if (a.isEmpty()) {
                    table.servedBy(d.name(), pool.name()).ifPresent(first -> notes.add(pool.name() + " ("
                            + Protocol.ids(pool.protocolList()) + " " + portsOf(pool)
                            + ") is forwarded once per public address, to '" + first + "'; this device does without it"));
                    continue;
                }
                lines.add(new DeviceSheet.Line(pool.name(), Protocol.ids(pool.protocolList()), a.get().ports().toString(),
                        pool.purpose(), settings(d, pool, a.get())));
            }
            for (Instruction in : d.model().instructions()) {
                notes.add(in.text() + " [" + in.source().shortForm() + "]");
            }
            out.add(new DeviceSheet(d.name(), d.model().id(), d.model().title(), dev.firewall(), dev.zone(), dev.address(),
                    dev.zone().equals(Firewall.OUTSIDE) ? null : dev.publicAddress(), lines, notes));
        }
        return out;
    }

    /** The model's settings for this pool, with the allocated ports filled in. */
    static List<String> settings(ResolvedDevice d, Pool pool, AllocationTable.Assignment a) {
        List<String> out = new ArrayList<>();
        String choice = pool.kind() instanceof PoolKind.Allocatable al && al.selector() != null
                ? d.params().get(al.selector()) : null;
        for (Setting s : pool.settings()) {
            if (!s.appliesTo(choice)) {
                continue;
            }
            out.add(s.name() + " = " + s.render(a.ports().first(), a.ports().last(), d.device().address().toString(),
                    a.exposed() ? a.publicAddress().toString() : null) + " (" + s.where() + ")");
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
}
