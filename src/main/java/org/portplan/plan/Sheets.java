package org.portplan.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.portplan.catalog.Catalog;
import org.portplan.catalog.DeviceModel;
import org.portplan.catalog.Flow;
import org.portplan.catalog.Instruction;
import org.portplan.catalog.Pool;
import org.portplan.catalog.PoolKind;
import org.portplan.catalog.Setting;
import org.portplan.catalog.Undeclared;
import org.portplan.core.AddressSet;
import org.portplan.core.Cidr;
import org.portplan.core.Protocol;
import org.portplan.diag.Diagnostic;
import org.portplan.diag.Located;
import org.portplan.site.Device;
import org.portplan.site.Firewall;
import org.portplan.site.Interface;

/**
 * The last stage: each device's setup sheet. A model's settings and instructions print when
 * their {@code when} is on for the device: a feature the site lists, or a flow the site turns on
 * in which the device has a party to talk to.
 */
final class Sheets {

    /** The parties at one end of a flow as one firewall sees them. */
    private record End(List<Party> parties) {
    }

    /** One end of a flow that a model plays. */
    private record Side(Flow flow, boolean from) {
    }

    /** Ends of flows and parties of roles, listed once per firewall and asked for per device. */
    private static final class Ends {
        private final Parties parties;
        private final Map<String, Map<Side, End>> ends = new HashMap<>();
        private final Map<String, List<Party>> playing = new HashMap<>();

        Ends(Parties parties) {
            this.parties = parties;
        }

        End of(String firewall, Side side) {
            return ends.computeIfAbsent(firewall, k -> new IdentityHashMap<>()).computeIfAbsent(side, k -> {
                Flow f = side.flow();
                return new End(side.from() ? parties.from(firewall, f, true) : parties.to(firewall, f, true));
            });
        }

        List<Party> playing(String firewall, String role) {
            return playing.computeIfAbsent(firewall + " " + role, k -> parties.playing(firewall, role));
        }
    }

    private final Catalog catalog;
    private final ResolvedSite resolved;
    private final AllocationTable table;
    private final Set<String> features;
    private final Ends ends;
    private final Map<DeviceModel, List<Side[]>> sides = new IdentityHashMap<>();
    private final Map<Flow, Side[]> canonical = new IdentityHashMap<>();
    private final Map<String, Firewall> firewalls = new HashMap<>();
    private final Map<Object, List<String>> warnings = new HashMap<>();
    private final Map<org.portplan.catalog.Citation, String> citations = new IdentityHashMap<>();
    private final Map<DeviceModel, DeviceSheet.Note> sipAlgNotes = new IdentityHashMap<>();

    private Sheets(Catalog catalog, ResolvedSite resolved, Parties parties, AllocationTable table,
                   List<Diagnostic> warnings) {
        this.catalog = catalog;
        this.resolved = resolved;
        this.table = table;
        this.features = new LinkedHashSet<>(resolved.site().features().stream().map(Located::value).toList());
        this.ends = new Ends(parties);
        resolved.site().firewalls().forEach(f -> firewalls.put(f.name(), f));
        for (Diagnostic w : warnings) {
            if (w.location() != null) {
                this.warnings.computeIfAbsent(w.location(), k -> new ArrayList<>()).add(w.message());
            }
        }
    }

    /** One sheet per device; {@code warnings} given so far are attached to the devices they were reported at. */
    static List<DeviceSheet> of(Catalog catalog, ResolvedSite resolved, Parties parties, AllocationTable table,
                                List<Diagnostic> warnings) {
        Sheets s = new Sheets(catalog, resolved, parties, table, warnings);
        return resolved.devices().stream().map(s::sheet).toList();
    }

    /** What the vendor says of the firewall's SIP ALG, the usual cause of one-way audio with forwarded ports. */
    private DeviceSheet.Note sipAlg(org.portplan.catalog.SipAlg s) {
        if (s == null) {
            return new DeviceSheet.Note("Firewall SIP ALG: the catalog does not say what the vendor wants.", null);
        }
        String what = switch (s.wants()) {
            case OFF -> "the vendor wants it off";
            case ON -> "the vendor wants it on";
            case UNSTATED -> "the vendor's document does not say whether it should be on or off";
        };
        return new DeviceSheet.Note("Firewall SIP ALG: " + what + (s.source().note() == null ? "" : " (" + s.source().note() + ")")
                + ". portplan's rule files use no SIP helper (see the firewall's protocol helpers above).",
                cite(s.source()));
    }

    /** A citation's short form, made once per catalog entry rather than once per device. */
    private String cite(org.portplan.catalog.Citation c) {
        return citations.computeIfAbsent(c, org.portplan.catalog.Citation::shortForm);
    }

    private DeviceSheet sheet(ResolvedDevice d) {
        Device dev = d.device();
        Map<String, Map<String, Party>> talks = new LinkedHashMap<>();
        Set<String> flowsOn = flowsOn(d, talks);
        List<DeviceSheet.Line> lines = new ArrayList<>();
        List<DeviceSheet.Setting> settings = new ArrayList<>();
        List<DeviceSheet.Note> advice = new ArrayList<>();
        List<DeviceSheet.Note> notes = new ArrayList<>();
        for (Pool pool : d.model().pools()) {
            Optional<AllocationTable.Assignment> a = table.get(d.name(), pool.name());
            if (a.isEmpty()) {
                table.servedBy(d.name(), pool.name()).ifPresent(first -> notes.add(new DeviceSheet.Note(pool.name() + " ("
                        + Protocol.ids(pool.protocolList()) + " " + pool.defaultPorts(Map.of(), Map.of())
                        + ") is forwarded once per public address, to '" + first + "'; this device does without it", null)));
                continue;
            }
            lines.add(new DeviceSheet.Line(pool.name(), Protocol.ids(pool.protocolList()), a.get().ports().toString(),
                    pool.purpose()));
            String choice = pool.kind() instanceof PoolKind.Allocatable al && al.selector() != null
                    ? d.params().get(al.selector()) : null;
            for (Setting s : pool.settings()) {
                if (s.appliesTo(choice) && on(s.when(), flowsOn)) {
                    settings.add(setting(d, pool, a.get(), s, cite(pool.source())));
                }
            }
        }
        for (Setting s : d.model().settings()) {
            if (on(s.when(), flowsOn)) {
                settings.add(setting(d, null, null, s, cite(s.source())));
            }
        }
        advice.add(sipAlgNotes.computeIfAbsent(d.model(), m -> sipAlg(m.sipAlg())));
        for (Instruction in : d.model().instructions()) {
            if (on(in.when(), flowsOn)) {
                (in.kind() == Instruction.Kind.ADVICE ? advice : notes).add(new DeviceSheet.Note(in.text(),
                        cite(in.source())));
            }
        }
        boolean outside = dev.zone().equals(Firewall.OUTSIDE);
        DeviceSheet.Nat nat = outside ? DeviceSheet.Nat.NONE
                : dev.ownPublicAddress() ? DeviceSheet.Nat.ONE_TO_ONE : DeviceSheet.Nat.SHARED;
        return new DeviceSheet(d.name(), d.model().id(), d.model().title(), dev.firewall(), dev.zone(), dev.address(),
                outside ? null : dev.publicAddress(), nat, counterparts(talks), lines, settings, advice, notes,
                warnings.getOrDefault(dev.location(), List.of()));
    }

    /**
     * The ids of the flows that are on for {@code d}: the site turns them on, the device is at one
     * end, and somebody else is at the other. Fills {@code talks} with those others, by role.
     */
    private Set<String> flowsOn(ResolvedDevice d, Map<String, Map<String, Party>> talks) {
        Set<String> on = new LinkedHashSet<>();
        String fw = d.device().firewall();
        for (Side[] pair : sides.computeIfAbsent(d.model(), this::sides)) {
            Side mine = pair[0];
            Flow f = mine.flow();
            // The device plays this end's role (sides are its model's); it takes part if the end
            // admits its zone. Listing the end's parties instead would list every such device of
            // the site, for every firewall.
            if (!(mine.from() ? f.fromZone() : f.toZone()).admits(d.device().zone(), Firewall.OUTSIDE)) {
                continue;
            }
            List<Party> others = ends.of(fw, pair[1]).parties().stream().filter(p -> p.device() != d).toList();
            if (!others.isEmpty()) {
                on.add(f.id());
                String role = mine.from() ? f.to() : f.from();
                others.forEach(p -> talks.computeIfAbsent(role, k -> new LinkedHashMap<>()).merge(p.label(), p, Sheets::merged));
            }
        }
        return on;
    }

    /** The ends of the site's flows that {@code m} plays, each with the opposite end, in flow order. */
    private List<Side[]> sides(DeviceModel m) {
        List<Side[]> out = new ArrayList<>();
        for (Flow f : resolved.flows()) {
            // One instance per end of a flow, whichever models play it: ends are cached by identity.
            Side[] both = canonical.computeIfAbsent(f, k -> new Side[] {new Side(k, true), new Side(k, false)});
            Side from = both[0];
            Side to = both[1];
            if (m.roles().contains(f.from())) {
                out.add(new Side[] {from, to});
            }
            if (m.roles().contains(f.to())) {
                out.add(new Side[] {to, from});
            }
        }
        return out;
    }

    /** One peer seen in two zones is one party with both zones' addresses. */
    private static Party merged(Party a, Party b) {
        if (a.anyone() || b.anyone()) {
            return a.anyone() ? a : b;
        }
        List<Cidr> all = new ArrayList<>(a.addresses().cidrs());
        all.addAll(b.addresses().cidrs());
        return new Party(a.zone(), AddressSet.of(all), a.device(), a.peer(), a.own(), a.label(), a.role(), a.undeclared());
    }

    private boolean on(List<String> when, Set<String> flowsOn) {
        return when.isEmpty() || when.stream().anyMatch(w -> features.contains(w) || flowsOn.contains(w));
    }

    private static List<DeviceSheet.Counterpart> counterparts(Map<String, Map<String, Party>> talks) {
        List<DeviceSheet.Counterpart> out = new ArrayList<>();
        talks.forEach((role, byName) -> byName.values().forEach(p -> out.add(new DeviceSheet.Counterpart(role, p.label(),
                p.device() != null ? DeviceSheet.Counterpart.Kind.DEVICE
                        : p.peer() != null ? DeviceSheet.Counterpart.Kind.PEER
                        : p.undeclared() == Undeclared.INTERNET ? DeviceSheet.Counterpart.Kind.INTERNET
                        : DeviceSheet.Counterpart.Kind.UNDECLARED,
                p.addresses()))));
        return out;
    }

    /**
     * A catalog setting filled in for one device: the pool's ports ({@code a} null for a model
     * setting), the device's addresses, and the addresses and ports of the parties it names.
     */
    private DeviceSheet.Setting setting(ResolvedDevice d, Pool pool, AllocationTable.Assignment a, Setting s,
                                        String source) {
        Device dev = d.device();
        Interface zone = firewalls.get(dev.firewall()).zone(dev.zone()).orElseThrow();
        List<String> missing = new ArrayList<>();
        Set<String> via = new LinkedHashSet<>();
        String value = s.render(p -> switch (p) {
            case "first" -> Integer.toString(a.ports().first());
            case "last" -> Integer.toString(a.ports().last());
            case "count" -> Integer.toString(a.ports().size());
            case "address" -> dev.address().toString();
            case "public-address" -> a != null && !a.exposed() || dev.zone().equals(Firewall.OUTSIDE)
                    ? dev.address().toString() : dev.publicAddress().toString();
            case "netmask" -> zone.address().netmask();
            case "gateway" -> zone.address().address().toString();
            default -> role(d, p.substring(Setting.ROLE_PREFIX.length()), missing, via);
        });
        return missing.isEmpty()
                ? new DeviceSheet.Setting(pool == null ? null : pool.name(), s.where(), s.name(), value, null,
                        via.isEmpty() ? null : String.join(", ", via), source)
                : new DeviceSheet.Setting(pool == null ? null : pool.name(), s.where(), s.name(), null,
                        String.join("; ", new LinkedHashSet<>(missing)), null, source);
    }

    /** {@code ROLE} or {@code ROLE:POOL}: the addresses, or the ports, of the parties playing ROLE for the device. */
    private String role(ResolvedDevice d, String ref, List<String> missing, Set<String> via) {
        int colon = ref.indexOf(':');
        String role = colon < 0 ? ref : ref.substring(0, colon);
        Map<String, Party> byName = new LinkedHashMap<>();
        for (Party p : ends.playing(d.device().firewall(), role)) {
            if (p.device() != d) {
                byName.merge(p.label(), p, Sheets::merged);
            }
        }
        if (byName.isEmpty()) {
            missing.add("the site declares no " + role);
            return null;
        }
        Set<String> values = new LinkedHashSet<>();
        for (Party p : byName.values()) {
            via.add((p.device() != null ? "device " : "peer ") + p.label());
            if (colon >= 0) {
                values.add(ports(p, ref.substring(colon + 1)));
            } else if (p.anyone()) {
                missing.add("peer '" + p.label() + "' is 0.0.0.0/0, not an address to set");
            } else {
                p.addresses().cidrs().forEach(c -> values.add(c.isHost() ? c.address().toString() : c.networkString()));
            }
        }
        return missing.isEmpty() ? String.join(", ", values) : null;
    }

    /** The ports of {@code pool} on a party: a device's allocation, a peer's pin, or the vendor's default. */
    private String ports(Party p, String pool) {
        if (p.device() != null) {
            return table.get(p.device().name(), pool).map(a -> a.ports().toString()).orElseGet(() ->
                    p.device().model().pool(pool).orElseThrow().defaultPorts(p.device().params(), p.device().numbers()).toString());
        }
        ResolvedPeer rp = p.peer();
        if (rp.model() != null) {
            return rp.ports(rp.model().pool(pool).orElseThrow()).toString();
        }
        // A peer of a role several models play: the first of them with the pool (the loader checked they all have it).
        return catalog.modelsPlaying(p.role()).stream().flatMap(m -> m.pool(pool).stream()).findFirst().orElseThrow()
                .defaultPorts(Map.of(), Map.of()).toString();
    }
}
