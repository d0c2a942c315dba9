package org.portplan.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.portplan.catalog.Catalog;
import org.portplan.catalog.Flow;
import org.portplan.catalog.PortSpec;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;
import org.portplan.diag.Code;
import org.portplan.diag.Diagnostics;
import org.portplan.diag.Located;
import org.portplan.diag.Location;
import org.portplan.site.Firewall;

/**
 * The second stage: which pools and literal ports of each device the outside reaches. Those
 * are allocated at the device's public address, where devices sharing it must not collide.
 * Flows the catalog keeps closed from outside, and administration from outside without the
 * site's opt-in, are errors here.
 */
final class Exposure {

    /** A literal port a flow forwards from outside to a device: it must be free at the public address. */
    record Port(List<Protocol> protocols, PortRange ports, String flow) {
    }

    /** An outside party that would administer devices behind {@code firewall} without the site's opt-in. */
    private record Unapproved(String who, String firewall) {
    }

    private final Map<ResolvedDevice, Set<String>> pools = new IdentityHashMap<>();
    private final Map<ResolvedDevice, List<Port>> ports = new IdentityHashMap<>();

    private Exposure() {
    }

    /** Finds what each device exposes, reporting flows that must not be opened from outside. */
    static Exposure find(Catalog catalog, ResolvedSite resolved, Parties parties, Diagnostics diags) {
        Exposure out = new Exposure();
        Set<String> reported = new HashSet<>();
        Set<String> remoteAdmin = new HashSet<>();
        resolved.site().remoteAdmin().forEach(n -> remoteAdmin.add(n.value()));
        // Administration from outside without the site's opt-in: one error per peer and firewall, naming what it would open.
        Map<Unapproved, Set<String>> unapproved = new LinkedHashMap<>();
        Map<Unapproved, Location> unapprovedAt = new LinkedHashMap<>();
        for (Flow f : resolved.flows()) {
            boolean management = catalog.isManagement(f.from());
            for (Firewall fw : resolved.site().firewalls()) {
                if (!parties.ownInside(fw.name(), f.to())) {
                    continue;
                }
                List<ResolvedDevice> dsts = parties.to(fw.name(), f, false).stream()
                        .filter(p -> p.own() && !p.zone().equals(Firewall.OUTSIDE)).map(Party::device).toList();
                if (dsts.isEmpty()) {
                    continue;
                }
                List<Party> outside = parties.from(fw.name(), f, true).stream()
                        .filter(e -> e.zone().equals(Firewall.OUTSIDE)).toList();
                if (outside.isEmpty()) {
                    continue;
                }
                if (f.neverFromOutside()) {
                    if (reported.add(f.id() + "@" + fw.name())) {
                        reportNeverFromOutside(resolved, f, fw.name(), outside.get(0), dsts.get(0), diags);
                    }
                    continue;
                }
                if (management) {
                    boolean refused = false;
                    for (Party p : outside) {
                        if (p.peer() == null || !remoteAdmin.contains(p.peer().peer().name())) {
                            String who = p.peer() != null ? "peer '" + p.peer().peer().name() + "'"
                                    : p.device() != null ? "device '" + p.label() + "'" : "'" + p.label() + "'";
                            Unapproved key = new Unapproved(who, fw.name());
                            unapprovedAt.putIfAbsent(key, placeOf(p).orElse(dsts.get(0).device().location()));
                            for (ResolvedDevice d : dsts) {
                                unapproved.computeIfAbsent(key, k -> new TreeSet<>()).add("'" + d.name() + "' ("
                                        + f.id() + ")");
                            }
                            refused = true;
                        }
                    }
                    if (refused) {
                        continue;
                    }
                }
                dsts.forEach(d -> out.add(d, f));
            }
        }
        unapproved.forEach((key, what) -> {
            String who = key.who();
            List<String> list = new ArrayList<>(what);
            String shown = String.join(", ", list.subList(0, Math.min(4, list.size())))
                    + (list.size() > 4 ? " and " + (list.size() - 4) + " more" : "");
            // Only peers can be listed under 'remote-admin'; a device of the site must move inside.
            String fix = who.startsWith("peer ") ? "list the peer under 'remote-admin' to allow it on purpose, or reach"
                    + " the devices from an inside zone (e.g. over a VPN)"
                    : "reach the devices from an inside zone (e.g. over a VPN)";
            diags.error(Code.MANAGEMENT_NEEDS_OPT_IN, unapprovedAt.get(key), who + " is outside firewall '" + key.firewall()
                    + "', and administration from the outside zone needs an explicit opt-in: it would reach " + shown
                    + "; " + fix);
        });
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

    /** Where a party is written in the site: a peer's or a device's entry; none for anyone. */
    private static Optional<Location> placeOf(Party p) {
        if (p.peer() != null) {
            return Optional.of(p.peer().peer().location());
        }
        return Optional.ofNullable(p.device()).map(d -> d.device().location());
    }

    /**
     * Reported where the site turns the flow on ('include'), else at the outside party (the one
     * to move behind a VPN), else, for anyone, at the device it would reach.
     */
    private static void reportNeverFromOutside(ResolvedSite resolved, Flow f, String fw, Party source,
                                               ResolvedDevice target, Diagnostics diags) {
        Location at = resolved.site().include().stream().filter(i -> i.value().equals(f.id())).map(Located::location)
                .findFirst().or(() -> placeOf(source)).orElse(target.device().location());
        diags.error(Code.NEVER_FROM_OUTSIDE, at,
                "flow '" + f.id() + "' must never be opened from the outside zone, but '" + source.label()
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
