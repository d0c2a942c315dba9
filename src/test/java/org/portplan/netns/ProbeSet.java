package org.portplan.netns;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.portplan.core.Cidr;
import org.portplan.core.Ipv4;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;
import org.portplan.rules.FirewallPlan;
import org.portplan.rules.Forward;
import org.portplan.rules.Permit;
import org.portplan.rules.SourceNat;
import org.portplan.rules.Zone;

/** The probes one firewall plan calls for, each with where the plan says it must arrive, if anywhere. */
public final class ProbeSet {

    /** Destination port for rules that allow any port. */
    static final int ANY_PORT_SAMPLE = 40000;
    /** Ranges up to this size are probed on every port; wider ones on first, middle and last. */
    static final int PROBE_EVERY_PORT_UP_TO = 64;

    /** A socket a listener binds. */
    public record Endpoint(Zone zone, Protocol protocol, Ipv4 address, int port) {
    }

    /** Where a probe must show up, and the source address the receiver must see (with why, for messages). */
    public record Arrival(Ipv4 address, int port, Ipv4 source, String by, String sourceWhy) {
    }

    /** One probe: sent from {@code source} in zone {@code from}; {@code expected} null means it must arrive nowhere. */
    public record Case(String token, Zone from, Protocol protocol, Ipv4 source, int sourcePort, Ipv4 to, int port,
                Arrival expected, String what) {
    }

    private final Layout layout;
    private final FirewallPlan fw;
    private final List<Case> cases = new ArrayList<>();
    private final Set<Endpoint> endpoints = new LinkedHashSet<>();

    private ProbeSet(Layout layout) {
        this.layout = layout;
        this.fw = layout.firewall();
    }

    public static ProbeSet of(Layout layout) {
        ProbeSet s = new ProbeSet(layout);
        layout.firewall().forwards().forEach(s::forward);
        layout.firewall().permits().forEach(s::permit);
        s.zonePairs();
        return s;
    }

    public List<Case> cases() {
        return cases;
    }

    /** Every socket a probe may reach: expected arrivals and the places a too-wide rule would send probes to. */
    public Set<Endpoint> endpoints() {
        return endpoints;
    }

    private void forward(Forward f) {
        String name = "forward " + f.device() + " " + f.trace().entry() + " (" + f.protocol() + " "
                + f.publicAddress() + ":" + f.publicPorts() + " -> " + f.toAddress() + ")";
        List<Ipv4> senders = f.sources().isAny() ? List.of(layout.outsideHost()) : layout.representatives(f.sources().cidrs());
        List<Integer> ports = sample(f.publicPorts());
        // Every port from some allowed source, and every allowed source at least once.
        for (int i = 0; i < Math.max(ports.size(), senders.size()); i++) {
            int p = ports.get(i % ports.size());
            Ipv4 src = senders.get(i % senders.size());
            int to = p - f.publicPorts().first() + f.toPorts().first();
            add(f.from(), f.protocol(), src, 0, f.publicAddress(), p,
                    new Arrival(f.toAddress(), to, src, "forward " + f.device() + " " + f.trace().entry(),
                            "no source NAT on forwards"),
                    name + ": " + f.protocol() + " to " + f.publicAddress() + ":" + p + " from " + layout.label(src));
        }
        Ipv4 src = senders.get(0);
        for (int q : neighbours(f.publicPorts())) {
            watch(f.to(), f.protocol(), f.toAddress(), q - f.publicPorts().first() + f.toPorts().first());
            add(f.from(), f.protocol(), src, 0, f.publicAddress(), q, null,
                    name + ": neighbour port " + f.protocol() + " " + f.publicAddress() + ":" + q
                            + " from " + layout.label(src));
        }
        if (!f.sources().isAny()) {
            Ipv4 stranger = layout.stranger(f.from());
            add(f.from(), f.protocol(), stranger, 0, f.publicAddress(), f.publicPorts().first(), null,
                    name + ": " + f.protocol() + " to " + f.publicAddress() + ":" + f.publicPorts().first()
                            + " from " + layout.label(stranger) + ", which the forward's sources do not include");
        }
        // The filter rule must accept only what came through DNAT (--ctorigdst), not the private address itself.
        add(f.from(), f.protocol(), src, 0, f.toAddress(), f.toPorts().first(), null,
                name + ": " + f.protocol() + " sent straight to " + f.toAddress() + ":" + f.toPorts().first()
                        + " from " + layout.label(src) + ", bypassing the public address");
    }

    private void permit(Permit p) {
        String name = "permit " + p.flow() + " [" + p.trace().devices() + "] " + p.from().name() + "->" + p.to().name()
                + " " + p.protocol() + " " + (p.ports() == null ? "any port" : "port " + p.ports());
        List<Ipv4> srcs = p.sources().isAny() ? List.of(layout.stranger(p.from())) : layout.representatives(p.sources().cidrs());
        List<Ipv4> dsts = p.destinations().isAny() ? List.of(layout.anyHost(p.to()))
                : layout.representatives(p.destinations().cidrs());
        List<Integer> ports = p.ports() == null ? List.of(ANY_PORT_SAMPLE)
                : List.copyOf(new LinkedHashSet<>(List.of(p.ports().first(), p.ports().last())));
        int sport = p.sourcePorts() == null ? 0 : p.sourcePorts().first();
        int all = srcs.size() * dsts.size() * ports.size();
        boolean every = all <= PROBE_EVERY_PORT_UP_TO;
        // Every combination while there are few; beyond that each source, destination and port at least once.
        int n = every ? all : Math.max(srcs.size(), Math.max(dsts.size(), ports.size()));
        for (int i = 0; i < n; i++) {
            Ipv4 src = srcs.get(every ? i / (dsts.size() * ports.size()) : i % srcs.size());
            Ipv4 dst = dsts.get(every ? i / ports.size() % dsts.size() : i % dsts.size());
            int port = ports.get(i % ports.size());
            add(p.from(), p.protocol(), src, sport, dst, port,
                    new Arrival(dst, port, observedSource(src, p.to()), "permit " + p.flow(), sourceWhy(src, p.to())),
                    name + ": " + p.protocol() + " " + layout.label(src) + " -> " + layout.label(dst, port));
        }
        if (!p.sources().isAny()) {
            Ipv4 stranger = layout.stranger(p.from());
            add(p.from(), p.protocol(), stranger, sport, dsts.get(0), ports.get(0), null,
                    name + ": " + p.protocol() + " " + layout.label(stranger) + " (not a source of the permit) -> "
                            + layout.label(dsts.get(0), ports.get(0)));
        }
        if (p.ports() != null) {
            for (int q : neighbours(p.ports())) {
                watch(p.to(), p.protocol(), dsts.get(0), q);
                add(p.from(), p.protocol(), srcs.get(0), sport, dsts.get(0), q, null,
                        name + ": neighbour port " + p.protocol() + " " + layout.label(srcs.get(0)) + " -> "
                                + layout.label(dsts.get(0), q));
            }
        }
        if (p.destinations().isAny()) {
            // "Any" is every address of the permit's zone and nothing more: the same packet towards
            // a host of any third zone (the inside, for a flow meant for the Internet) must not pass.
            for (Zone z : fw.zones()) {
                if (z.equals(p.from()) || z.equals(p.to())) {
                    continue;
                }
                for (Ipv4 dst : hostsToTry(z)) {
                    for (int port : ports) {
                        watch(z, p.protocol(), dst, port);
                        add(p.from(), p.protocol(), srcs.get(0), sport, dst, port, null,
                                name + ": to zone " + z.name() + ", outside the permit's destinations: " + p.protocol()
                                        + " " + layout.label(srcs.get(0)) + " -> " + layout.label(dst, port));
                    }
                }
            }
        }
    }

    /**
     * Default deny between every two zones: for each ordered pair, packets between a planned host
     * (where the zone has one) or an unplanned one on each side, on a port no rule of the plan
     * names, must arrive nowhere.
     */
    private void zonePairs() {
        int port = unplannedPort();
        for (Zone a : fw.zones()) {
            for (Zone b : fw.zones()) {
                if (a.equals(b)) {
                    continue;
                }
                for (Protocol proto : Protocol.values()) {
                    for (Ipv4 src : hostsToTry(a)) {
                        for (Ipv4 dst : hostsToTry(b)) {
                            watch(b, proto, dst, port);
                            add(a, proto, src, 0, dst, port, null, "zone " + a.name() + " -> zone " + b.name()
                                    + " on unplanned port " + port + ": " + proto + " " + layout.label(src) + " -> "
                                    + layout.label(dst, port));
                        }
                    }
                }
            }
        }
    }

    /** A planned host of the zone, if it has one, and a host no rule names. */
    private List<Ipv4> hostsToTry(Zone z) {
        List<Ipv4> out = new ArrayList<>();
        layout.hosts(z).stream().filter(h -> !h.equals(layout.stranger(z)) && !h.equals(layout.outsideHost()))
                .findFirst().ifPresent(out::add);
        out.add(layout.anyHost(z));
        return out.stream().distinct().toList();
    }

    /** The lowest port from 1024 up that no forward or permit of the plan names, as source or destination. */
    private int unplannedPort() {
        for (int port = 1024; port <= PortRange.MAX; port++) {
            int q = port;
            boolean named = fw.forwards().stream().anyMatch(f -> f.publicPorts().contains(q) || f.toPorts().contains(q))
                    || fw.permits().stream().anyMatch(p -> p.ports() != null && p.ports().contains(q)
                            || p.sourcePorts() != null && p.sourcePorts().contains(q));
            if (!named) {
                return port;
            }
        }
        throw new IllegalStateException("firewall " + fw.name() + ": every port is named by some rule");
    }

    /**
     * Adds a probe. {@code expected} is what the rule under test promises; null asks the whole plan,
     * since a neighbour port or a stranger may rightly belong to another rule.
     */
    private void add(Zone from, Protocol proto, Ipv4 src, int sport, Ipv4 dst, int port, Arrival expected, String what) {
        if (sport == 0) {
            // An ephemeral port could fall in a range some permit restricts sources to (Equinox
            // Management's 32768-61000) and make a probe legitimately pass another rule; a fixed port
            // outside every such range keeps the expectation exact.
            sport = neutralSourcePort();
        }
        Arrival e = expected != null ? expected : expect(from, proto, src, sport, dst, port);
        if (e != null) {
            watch(layout.zoneOf(e.address()), proto, e.address(), e.port());
        }
        cases.add(new Case("p" + cases.size(), from, proto, src, sport, dst, port, e, what));
    }

    private int nextNeutral = PortRange.MAX;

    /** The next port, counting down, that no permit of the plan names as a source port. */
    private int neutralSourcePort() {
        while (nextNeutral >= 1024) {
            int candidate = nextNeutral--;
            if (fw.permits().stream().noneMatch(p -> p.sourcePorts() != null && p.sourcePorts().contains(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no source port outside the plan's source port ranges is left for probes");
    }

    private void watch(Zone z, Protocol proto, Ipv4 a, int port) {
        endpoints.add(new Endpoint(z, proto, a, port));
    }

    /** What the plan says happens to a new connection: the host and port it reaches, or null. */
    Arrival expect(Zone from, Protocol proto, Ipv4 src, int sport, Ipv4 dst, int port) {
        if (layout.isRouter(dst)) {
            for (Forward f : fw.forwards()) {
                if (f.from().equals(from) && f.protocol() == proto && f.publicAddress().equals(dst)
                        && f.publicPorts().contains(port) && f.sources().contains(src)) {
                    return new Arrival(f.toAddress(), port - f.publicPorts().first() + f.toPorts().first(), src,
                            "forward " + f.device() + " " + f.trace().entry(), "no source NAT on forwards");
                }
            }
            return null;
        }
        Zone to = layout.zoneOf(dst);
        for (Permit p : fw.permits()) {
            if (p.from().equals(from) && p.to().equals(to) && p.protocol() == proto && p.sources().contains(src)
                    && p.destinations().contains(dst) && (p.ports() == null || p.ports().contains(port))
                    && (p.sourcePorts() == null || sport != 0 && p.sourcePorts().contains(sport))) {
                return new Arrival(dst, port, observedSource(src, to), "permit " + p.flow(), sourceWhy(src, to));
            }
        }
        return null;
    }

    private Ipv4 observedSource(Ipv4 src, Zone to) {
        SourceNat s = sourceNat(src, to);
        return s == null ? src : s.publicAddress();
    }

    private String sourceWhy(Ipv4 src, Zone to) {
        SourceNat s = sourceNat(src, to);
        return s == null ? "no outbound NAT planned for it"
                : "outbound NAT of " + s.trace().devices() + " to " + s.publicAddress();
    }

    private SourceNat sourceNat(Ipv4 src, Zone to) {
        if (!to.isOutside()) {
            return null;
        }
        return fw.sourceNats().stream()
                .filter(s -> s.first().compareTo(src) <= 0 && src.compareTo(s.last()) <= 0)
                .findFirst().orElse(null);
    }

    static List<Integer> sample(PortRange r) {
        if (r.size() <= PROBE_EVERY_PORT_UP_TO) {
            List<Integer> all = new ArrayList<>();
            for (int p = r.first(); p <= r.last(); p++) {
                all.add(p);
            }
            return all;
        }
        return List.of(r.first(), r.first() + (r.last() - r.first()) / 2, r.last());
    }

    static List<Integer> neighbours(PortRange r) {
        List<Integer> out = new ArrayList<>();
        if (r.first() > PortRange.MIN) {
            out.add(r.first() - 1);
        }
        if (r.last() < PortRange.MAX) {
            out.add(r.last() + 1);
        }
        return out;
    }
}
