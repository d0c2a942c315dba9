package org.portplan.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.portplan.catalog.Flow;
import org.portplan.catalog.PortSpec;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;
import org.portplan.diag.Diagnostics;
import org.portplan.diag.Located;
import org.portplan.diag.Location;
import org.portplan.site.Firewall;

/**
 * The second stage: which pools and literal ports of each device the outside reaches. Those
 * are allocated at the device's public address, where devices sharing it must not collide.
 */
final class Exposure {

    /** A literal port a flow forwards from outside to a device: it must be free at the public address. */
    record Port(List<Protocol> protocols, PortRange ports, String flow) {
    }

    private final Map<ResolvedDevice, Set<String>> pools = new IdentityHashMap<>();
    private final Map<ResolvedDevice, List<Port>> ports = new IdentityHashMap<>();

    private Exposure() {
    }

    /** Finds what each device exposes; flows the catalog keeps closed from outside are reported as errors. */
    static Exposure find(ResolvedSite resolved, Parties parties, Diagnostics diags) {
        Exposure out = new Exposure();
        Set<String> reported = new HashSet<>();
        for (Flow f : resolved.flows()) {
            for (Firewall fw : resolved.site().firewalls()) {
                if (!parties.ownInside(fw.name(), f.to())) {
                    continue;
                }
                List<Party> outside = parties.of(fw.name(), f.from(), true).stream()
                        .filter(e -> e.zone().equals(Firewall.OUTSIDE)).toList();
                if (outside.isEmpty()) {
                    continue;
                }
                for (ResolvedDevice dst : parties.own(fw.name(), f.to())) {
                    if (dst.device().zone().equals(Firewall.OUTSIDE)) {
                        continue;
                    }
                    if (f.neverFromOutside()) {
                        if (reported.add(f.id() + "@" + fw.name())) {
                            reportNeverFromOutside(resolved, f, fw.name(), outside.get(0), diags);
                        }
                        continue;
                    }
                    out.add(dst, f);
                }
            }
        }
        return out;
    }

    private void add(ResolvedDevice d, Flow f) {
        for (PortSpec s : f.ports()) {
            if (s.target() instanceof PortSpec.PoolRef ref) {
                pools.computeIfAbsent(d, k -> new TreeSet<>()).add(ref.pool());
            } else if (s.target() instanceof PortSpec.Ports lit) {
                for (PortRange r : lit.ranges()) {
                    ports.computeIfAbsent(d, k -> new ArrayList<>()).add(new Port(s.protocolList(), r, f.id()));
                }
            }
        }
    }

    private static void reportNeverFromOutside(ResolvedSite resolved, Flow f, String fw, Party source, Diagnostics diags) {
        Location at = resolved.site().include().stream().filter(i -> i.value().equals(f.id())).map(Located::location)
                .findFirst().orElse(Location.of(resolved.site().file()));
        diags.error(at, "flow '" + f.id() + "' must never be opened from the outside zone, but '" + source.label()
                + "' (role " + source.role() + ") is outside firewall '" + fw + "'"
                + "; reach it from an inside zone (e.g. over a VPN) instead");
    }

    /** Whether the outside reaches {@code pool} of {@code d} (through its public address). */
    boolean exposes(ResolvedDevice d, String pool) {
        return pools.getOrDefault(d, Set.of()).contains(pool);
    }

    /** Literal ports flows forward from outside to {@code d}. */
    List<Port> ports(ResolvedDevice d) {
        return ports.getOrDefault(d, List.of());
    }
}
