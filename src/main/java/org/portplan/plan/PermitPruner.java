package org.portplan.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.portplan.core.AddressSet;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;
import org.portplan.rules.Permit;
import org.portplan.rules.Trace;
import org.portplan.rules.Zone;

/** Removes permits that other permits of the same firewall already cover, so rule files carry no dead rules. */
final class PermitPruner {

    /** What makes two permits the same rule, whichever flow asked for it. */
    private record RuleKey(Zone from, Zone to, AddressSet sources, AddressSet destinations, Protocol protocol,
                           PortRange sourcePorts, PortRange ports) {
    }

    /** Merged address runs of each address set, computed once: covering checks then cost a binary search each. */
    private final Map<AddressSet, List<AddressSet.Run>> runs = new IdentityHashMap<>();

    private PermitPruner() {
    }

    /**
     * Drops permits another permit already covers: one between the same zones for the same
     * protocol, from at least the same sources and source ports, to at least the same
     * destinations and ports (or the very same rule, from a second flow). The kept rule's
     * trace names the flows it also serves.
     */
    static List<Permit> prune(List<Permit> permits) {
        return new PermitPruner().run(permits);
    }

    private List<Permit> run(List<Permit> permits) {
        // Only a rule open to any port, or to anyone at one end, can cover a different rule;
        // comparing each rule with those few keeps this linear in practice.
        List<Permit> wide = permits.stream()
                .filter(p -> p.ports() == null || p.sources().isAny() || p.destinations().isAny()).toList();
        Map<Permit, Integer> order = new IdentityHashMap<>();
        for (int i = 0; i < permits.size(); i++) {
            order.put(permits.get(i), i);
        }
        Map<Permit, Set<String>> alsoFor = new IdentityHashMap<>();
        Map<RuleKey, Permit> sameRule = new HashMap<>();
        List<Permit> kept = new ArrayList<>();
        for (Permit p : permits) {
            Permit cover = null;
            for (Permit a : wide) {
                // Two rules that cover each other are the same rule: the earlier one stays.
                if (a != p && covers(a, p) && (!covers(p, a) || order.get(a) < order.get(p))) {
                    cover = a;
                    break;
                }
            }
            if (cover == null) {
                cover = sameRule.putIfAbsent(new RuleKey(p.from(), p.to(), p.sources(), p.destinations(), p.protocol(),
                        p.sourcePorts(), p.ports()), p);
                if (cover == null) {
                    kept.add(p);
                    continue;
                }
            }
            if (!cover.flow().equals(p.flow())) {
                alsoFor.computeIfAbsent(cover, k -> new TreeSet<>()).add(p.flow());
            }
        }
        List<Permit> out = new ArrayList<>();
        for (Permit k : kept) {
            Set<String> also = alsoFor.get(k);
            if (also == null) {
                out.add(k);
                continue;
            }
            Trace t = k.trace();
            out.add(new Permit(k.firewall(), k.from(), k.to(), k.sources(), k.destinations(), k.protocol(), k.sourcePorts(),
                    k.ports(), k.flow(), k.model(), new Trace(t.devices(), t.model(),
                    t.entry() + " (also covers " + String.join(", ", also) + ")", t.purpose(), t.document(), t.section())));
        }
        return out;
    }

    /** Whether {@code a} allows every connection {@code b} allows. */
    private boolean covers(Permit a, Permit b) {
        return a.from().equals(b.from()) && a.to().equals(b.to()) && a.protocol() == b.protocol()
                && (a.ports() == null || (b.ports() != null && a.ports().contains(b.ports())))
                && (a.sourcePorts() == null || (b.sourcePorts() != null && a.sourcePorts().contains(b.sourcePorts())))
                && contains(a.sources(), b.sources()) && contains(a.destinations(), b.destinations());
    }

    private boolean contains(AddressSet outer, AddressSet inner) {
        if (outer.isAny() || inner.isAny()) {
            return outer.isAny();
        }
        return AddressSet.Run.covers(runs.computeIfAbsent(outer, AddressSet::runs), runs.computeIfAbsent(inner, AddressSet::runs));
    }
}
