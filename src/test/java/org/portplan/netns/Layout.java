package org.portplan.netns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.portplan.core.Cidr;
import org.portplan.core.Ipv4;
import org.portplan.plan.DeviceSheet;
import org.portplan.rules.FirewallPlan;
import org.portplan.rules.Forward;
import org.portplan.rules.Permit;
import org.portplan.rules.Zone;

/** Which test-network host stands for each party of one firewall plan, and in which zone it lives. */
public final class Layout {

    /** Stranger candidates when the outside subnet is full or covered by forward sources (RFC 6598 shared space). */
    private static final Cidr FALLBACK_OUTSIDE = Cidr.parse("100.64.0.0/10");

    private final FirewallPlan fw;
    private final Map<Ipv4, Zone> zoneOf = new HashMap<>();
    private final Map<Ipv4, String> labels = new HashMap<>();
    private final Map<Cidr, Ipv4> representatives = new HashMap<>();
    private final Set<Ipv4> routerAddresses = new HashSet<>();
    private final Map<String, Ipv4> strangers = new LinkedHashMap<>();
    private Ipv4 outsideHost;

    private Layout(FirewallPlan fw) {
        this.fw = fw;
    }

    /** Places devices, peers and sources of {@code fw}; {@code sheets} name the devices. */
    public static Layout of(FirewallPlan fw, List<DeviceSheet> sheets) {
        Layout l = new Layout(fw);
        for (Zone z : fw.zones()) {
            l.routerAddresses.add(z.subnet().address());
        }
        l.routerAddresses.add(fw.defaultPublicAddress());
        l.routerAddresses.addAll(fw.publicAddresses());
        for (DeviceSheet d : sheets) {
            if (d.firewall().equals(fw.name())) {
                Zone z = fw.zone(d.zone()).orElseThrow(() -> new IllegalStateException(
                        "device " + d.device() + " is in zone '" + d.zone() + "', which firewall " + fw.name() + " lacks"));
                l.place(d.address(), z, d.device());
            }
        }
        for (Forward f : fw.forwards()) {
            l.place(f.toAddress(), f.to(), f.device());
        }
        // Exact addresses first, so that a host picked to stand for a wider prefix never takes one of them.
        for (boolean exact : new boolean[] {true, false}) {
            for (Forward f : fw.forwards()) {
                l.placeAll(f.sources().isAny() ? List.of() : f.sources().cidrs(), f.from(), exact);
            }
            for (Permit p : fw.permits()) {
                l.placeAll(p.sources().isAny() ? List.of() : p.sources().cidrs(), p.from(), exact);
                l.placeAll(p.destinations().isAny() ? List.of() : p.destinations().cidrs(), p.to(), exact);
            }
        }
        Zone outside = fw.outside();
        l.outsideHost = l.free(outside.subnet(), a -> true).orElseThrow(() -> new IllegalStateException("firewall "
                + fw.name() + ": the outside subnet " + outside.subnet() + " has no free address for the outside host"));
        l.place(l.outsideHost, outside, "outside host");
        for (Zone z : fw.zones()) {
            List<Cidr> allowed = l.sourcesFrom(z);
            Predicate<Ipv4> stranger = a -> allowed.stream().noneMatch(c -> c.contains(a));
            Ipv4 s = l.free(z.subnet(), stranger)
                    .or(() -> z.isOutside() ? l.free(FALLBACK_OUTSIDE, stranger) : Optional.empty())
                    .or(() -> l.free(z.subnet(), a -> true))
                    .orElseThrow(() -> new IllegalStateException("firewall " + fw.name() + ": no free address in zone "
                            + z.name() + " (" + z.subnet() + ") for a stranger host"));
            l.place(s, z, "stranger");
            l.strangers.put(z.name(), s);
        }
        return l;
    }

    public FirewallPlan firewall() {
        return fw;
    }

    /** The host standing for {@code c}: the address itself for a /32, else a free host inside the prefix. */
    Ipv4 representative(Cidr c) {
        Ipv4 a = representatives.get(c);
        if (a == null) {
            throw new IllegalStateException("no host placed for " + c);
        }
        return a;
    }

    List<Ipv4> representatives(List<Cidr> cidrs) {
        return cidrs.stream().map(this::representative).distinct().toList();
    }

    /** A host in the zone that no plan rule names: the one probes from "anyone else" come from. */
    public Ipv4 stranger(Zone z) {
        return strangers.get(z.name());
    }

    public Ipv4 outsideHost() {
        return outsideHost;
    }

    /** Where probes go when a rule allows any destination in {@code z}. */
    public Ipv4 anyHost(Zone z) {
        return z.isOutside() ? outsideHost : stranger(z);
    }

    public boolean isRouter(Ipv4 a) {
        return routerAddresses.contains(a);
    }

    public Zone zoneOf(Ipv4 a) {
        Zone z = zoneOf.get(a);
        if (z == null) {
            throw new IllegalStateException(a + " is not a host of the test network");
        }
        return z;
    }

    /** "10.10.0.21 (front-desk)". */
    public String label(Ipv4 a) {
        String l = labels.get(a);
        return l == null ? a.toString() : a + " (" + l + ")";
    }

    /** "10.10.0.21:5060 (front-desk)". */
    public String label(Ipv4 a, int port) {
        String l = labels.get(a);
        return a + ":" + port + (l == null ? "" : " (" + l + ")");
    }

    /** The hosts of one zone, in address order. */
    public List<Ipv4> hosts(Zone z) {
        return zoneOf.entrySet().stream().filter(e -> e.getValue().equals(z)).map(Map.Entry::getKey).sorted().toList();
    }

    /** Outside hosts beyond the outside subnet: the router reaches them through the outside host. */
    boolean isRouted(Ipv4 a) {
        return !zoneOf(a).subnet().contains(a);
    }

    private List<Cidr> sourcesFrom(Zone z) {
        List<Cidr> out = new ArrayList<>();
        fw.forwards().stream().filter(f -> f.from().equals(z)).filter(f -> !f.sources().isAny()).forEach(f -> out.addAll(f.sources().cidrs()));
        fw.permits().stream().filter(p -> p.from().equals(z)).filter(p -> !p.sources().isAny()).forEach(p -> out.addAll(p.sources().cidrs()));
        return out;
    }

    private void placeAll(List<Cidr> cidrs, Zone z, boolean exact) {
        for (Cidr c : cidrs) {
            if (c.isHost() != exact || representatives.containsKey(c)) {
                continue;
            }
            Ipv4 a = c.isHost() ? c.address()
                    : free(c, h -> z.isOutside() || z.subnet().contains(h)).orElseThrow(() -> new IllegalStateException(
                            "firewall " + fw.name() + ": no free host in " + c + " to stand for it in zone " + z.name()));
            representatives.put(c, a);
            place(a, z, c.isHost() ? null : "for " + c);
        }
    }

    private void place(Ipv4 a, Zone z, String label) {
        if (routerAddresses.contains(a)) {
            throw new IllegalStateException("firewall " + fw.name() + ": the plan uses the firewall's own address " + a
                    + " as a party in zone " + z.name());
        }
        Zone before = zoneOf.putIfAbsent(a, z);
        if (before != null && !before.equals(z)) {
            throw new IllegalStateException("firewall " + fw.name() + ": the plan puts " + a + " in zone " + before.name()
                    + " and in zone " + z.name());
        }
        Zone bySubnet = subnetZone(a);
        if (z.isOutside() ? bySubnet != null : !z.equals(bySubnet)) {
            throw new IllegalStateException("firewall " + fw.name() + ": the plan puts " + a + " in zone " + z.name()
                    + ", but it is in " + (bySubnet == null ? "no inside zone's subnet"
                            : "zone " + bySubnet.name() + "'s subnet"));
        }
        if (label != null) {
            labels.putIfAbsent(a, label);
        }
    }

    /** The non-outside zone whose subnet holds {@code a}. */
    private Zone subnetZone(Ipv4 a) {
        return fw.zones().stream().filter(z -> !z.isOutside() && z.subnet().contains(a)).findFirst().orElse(null);
    }

    /**
     * A host address of {@code c} that nothing uses yet, searched from the top of the prefix:
     * plans number devices from the bottom, so the top is where free addresses are. A prefix
     * inside a zone's subnet yields a host of that zone; any other prefix, a host outside them all.
     */
    private Optional<Ipv4> free(Cidr c, Predicate<Ipv4> also) {
        boolean inZone = fw.zones().stream().anyMatch(z -> !z.isOutside() && z.subnet().prefix() <= c.prefix()
                && z.subnet().contains(c.network()));
        long first = c.first().value() + (c.prefix() >= 31 ? 0 : 1);
        long last = c.last().value() - (c.prefix() >= 31 ? 0 : 1);
        for (long v = last, tries = 0; v >= first && tries < 65536; v--, tries++) {
            Ipv4 a = new Ipv4(v);
            if (!zoneOf.containsKey(a) && !routerAddresses.contains(a) && !isEdgeOfZoneSubnet(a)
                    && (subnetZone(a) != null) == inZone && also.test(a)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    private boolean isEdgeOfZoneSubnet(Ipv4 a) {
        return fw.zones().stream().anyMatch(z -> z.subnet().prefix() < 31
                && (z.subnet().network().equals(a) || z.subnet().broadcast().equals(a)));
    }
}
