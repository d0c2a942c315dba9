package org.portplan.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.portplan.catalog.Catalog;
import org.portplan.catalog.DeviceModel;
import org.portplan.catalog.Flow;
import org.portplan.catalog.Param;
import org.portplan.catalog.Pool;
import org.portplan.catalog.PoolKind;
import org.portplan.catalog.Requirement;
import org.portplan.core.PortRange;
import org.portplan.diag.Code;
import org.portplan.diag.Diagnostics;
import org.portplan.diag.Located;
import org.portplan.diag.Location;
import org.portplan.diag.Suggestions;
import org.portplan.site.Device;
import org.portplan.site.Peer;
import org.portplan.site.Site;

/**
 * The first stage: checks a site against the catalog (models, parameters, pinned ports, peer
 * roles, features and flow names) and picks the catalog flows the site's choices turn on.
 */
final class Resolver {

    /** Checked parameter values: as text, and the numeric ones as numbers for size formulas. */
    private record Config(Map<String, String> params, Map<String, Long> numbers) {
    }

    private final Catalog catalog;
    private final Site site;
    private final Diagnostics diags;

    Resolver(Catalog catalog, Site site, Diagnostics diags) {
        this.catalog = catalog;
        this.site = site;
        this.diags = diags;
    }

    ResolvedSite resolve() {
        List<ResolvedDevice> devices = new ArrayList<>();
        Set<Location> reported = new HashSet<>();
        for (Device d : site.devices()) {
            // count-expanded devices share one site entry: report its problems once.
            boolean first = reported.add(d.location());
            resolve(d, first ? diags : new Diagnostics()).ifPresent(devices::add);
        }
        site.unplaced().forEach(this::check);
        List<ResolvedPeer> peers = new ArrayList<>();
        for (Peer p : site.peers()) {
            resolve(p).ifPresent(peers::add);
        }
        for (Located<String> f : site.features()) {
            if (!catalog.features().containsKey(f.value())) {
                diags.error(Code.UNKNOWN_FEATURE, f.location(), "unknown feature '" + f.value() + "'"
                        + Suggestions.hint(f.value(), catalog.features().keySet()));
            }
        }
        checkRemoteAdmin();
        Set<String> included = names(site.include());
        Set<String> excluded = names(site.exclude());
        checkFlowNames(site.include(), "include", Requirement.OPTIONAL);
        checkFlowNames(site.exclude(), "exclude", Requirement.RECOMMENDED);
        for (Located<String> i : site.include()) {
            if (excluded.contains(i.value())) {
                diags.error(Code.FLOW_INCLUDED_AND_EXCLUDED, i.location(),
                        "flow '" + i.value() + "' is both included and excluded");
            }
        }
        Set<String> features = names(site.features());
        List<Flow> flows = new ArrayList<>();
        for (Flow f : catalog.flows().values()) {
            boolean on = switch (f.requirement()) {
                case MANDATORY -> true;
                case CONDITIONAL -> features.contains(f.when());
                case RECOMMENDED -> !excluded.contains(f.id());
                case OPTIONAL -> included.contains(f.id());
            };
            if (on) {
                flows.add(f);
            }
        }
        return new ResolvedSite(site, devices, peers, flows);
    }

    /** The smallest prefix length a remote-admin peer may have: administration is never opened to everywhere. */
    static final int REMOTE_ADMIN_MIN_PREFIX = 8;

    /** 'remote-admin' names declared peers of management roles, each with real addresses. */
    private void checkRemoteAdmin() {
        for (Located<String> name : site.remoteAdmin()) {
            Optional<Peer> peer = site.peer(name.value());
            if (peer.isEmpty()) {
                diags.error(Code.UNKNOWN_REMOTE_ADMIN_PEER, name.location(),
                        "'remote-admin' names unknown peer '" + name.value() + "'"
                        + Suggestions.hint(name.value(), site.peers().stream().map(Peer::name).toList()));
                continue;
            }
            String role = peer.get().role().value();
            List<String> roles = catalog.rolesOfPeer(role);
            if (roles.stream().noneMatch(catalog::isManagement)) {
                diags.error(Code.REMOTE_ADMIN_NOT_MANAGEMENT, name.location(),
                        "'remote-admin' names peer '" + name.value() + "', whose role '" + role
                        + "' does not administer devices; list only peers of a management role (e.g. management-pc)");
                continue;
            }
            for (org.portplan.core.Cidr c : peer.get().addresses()) {
                if (c.prefix() < REMOTE_ADMIN_MIN_PREFIX) {
                    diags.error(Code.REMOTE_ADMIN_TOO_WIDE, name.location(),
                            "'remote-admin' names peer '" + name.value() + "', which declares "
                            + c.networkString() + "; administration is never opened from "
                            + (c.prefix() == 0 ? "everywhere" : "so wide a range") + ": give the peer's real addresses"
                            + " (prefixes of /" + REMOTE_ADMIN_MIN_PREFIX + " or longer)");
                }
            }
        }
    }

    private static Set<String> names(List<Located<String>> items) {
        Set<String> out = new TreeSet<>();
        items.forEach(i -> out.add(i.value()));
        return out;
    }

    private void checkFlowNames(List<Located<String>> items, String key, Requirement expected) {
        for (Located<String> i : items) {
            Flow f = catalog.flows().get(i.value());
            if (f == null) {
                diags.error(Code.UNKNOWN_FLOW, i.location(), "'" + key + "' names unknown flow '" + i.value() + "'"
                        + Suggestions.hint(i.value(), catalog.flows().keySet()));
                continue;
            }
            if (f.requirement() == expected) {
                continue;
            }
            if (key.equals("exclude") && (f.requirement() == Requirement.MANDATORY || f.requirement() == Requirement.CONDITIONAL)) {
                diags.error(Code.FLOW_NOT_EXCLUDABLE, i.location(), "flow '" + i.value() + "' is " + f.requirement().id()
                        + " and cannot be excluded" + (f.requirement() == Requirement.CONDITIONAL
                        ? "; it applies only when the site lists feature '" + f.when() + "'" : ""));
            } else if (key.equals("include") && f.requirement() == Requirement.CONDITIONAL) {
                diags.error(Code.CONDITIONAL_FLOW_INCLUDED, i.location(),
                        "flow '" + i.value() + "' is conditional; list feature '" + f.when()
                        + "' under 'features' instead of including the flow");
            } else {
                diags.warning(Code.FLOW_CHOICE_HAS_NO_EFFECT, i.location(),
                        "flow '" + i.value() + "' is " + f.requirement().id() + ", so '" + key
                        + "' does not change anything");
            }
        }
    }

    private Optional<ResolvedPeer> resolve(Peer p) {
        String role = p.role().value();
        String ctx = "peer '" + p.name() + "'";
        if (!catalog.isRole(role)) {
            diags.error(Code.UNKNOWN_ROLE, p.role().location(), ctx + ": unknown role '" + role + "'"
                    + Suggestions.hint(role, catalog.allRoleNames()) + "; see 'portplan catalog list' for roles");
            return Optional.empty();
        }
        List<DeviceModel> playing = catalog.modelsPlaying(role);
        boolean configured = !p.params().isEmpty() || !p.ports().isEmpty();
        if (playing.size() != 1) {
            if (configured) {
                diags.error(Code.AMBIGUOUS_ROLE, p.location(),
                        ctx + ": 'params' and 'ports' need a role played by exactly one model, and '"
                        + role + "' is played by " + (playing.isEmpty() ? "none"
                        : String.join(", ", playing.stream().map(DeviceModel::id).toList())));
                return Optional.empty();
            }
            return Optional.of(new ResolvedPeer(p, null, Map.of(), Map.of()));
        }
        DeviceModel m = playing.get(0);
        return configure(ctx, m, p.params(), p.ports(), diags).map(c -> new ResolvedPeer(p, m, c.params(), c.numbers()));
    }

    private Optional<ResolvedDevice> resolve(Device d, Diagnostics out) {
        String ctx = "device '" + d.name() + "'";
        Optional<DeviceModel> model = model(ctx, d.model(), out);
        if (model.isEmpty()) {
            return Optional.empty();
        }
        DeviceModel m = model.get();
        return configure(ctx, m, d.params(), d.ports(), out).map(c -> new ResolvedDevice(d, m, c.params(), c.numbers()));
    }

    /** A device entry that site errors keep out of the plan still gets its model, params and ports checked. */
    private void check(Site.Unplaced u) {
        String ctx = "device '" + u.name() + "'";
        model(ctx, u.model(), diags).ifPresent(m -> configure(ctx, m, u.params(), u.ports(), diags));
    }

    private Optional<DeviceModel> model(String ctx, Located<String> id, Diagnostics out) {
        Optional<DeviceModel> model = catalog.model(id.value());
        if (model.isEmpty()) {
            out.error(Code.UNKNOWN_MODEL, id.location(), ctx + ": unknown model '" + id.value() + "'"
                    + Suggestions.hint(id.value(), catalog.models().keySet())
                    + "; 'portplan catalog list' shows the models");
        }
        return model;
    }

    /** Checks params and pinned ports against the model; defaults fill the params not given. */
    private static Optional<Config> configure(String ctx, DeviceModel m, Map<String, Located<String>> given,
                                              Map<String, Located<PortRange>> pins, Diagnostics out) {
        boolean ok = true;
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, Long> numbers = new LinkedHashMap<>();
        for (Param p : m.params().values()) {
            if (p.defaultValue() != null) {
                params.put(p.name(), p.defaultValue());
            }
        }
        for (Map.Entry<String, Located<String>> e : given.entrySet()) {
            Param p = m.params().get(e.getKey());
            Located<String> v = e.getValue();
            if (p == null) {
                out.error(Code.UNKNOWN_PARAM, v.location(),
                        ctx + ": model '" + m.id() + "' has no param '" + e.getKey() + "'"
                        + Suggestions.hint(e.getKey(), m.params().keySet())
                        + (m.params().isEmpty() ? "; it takes no params" : "; its params: " + String.join(", ", m.params().keySet())));
                ok = false;
                continue;
            }
            if (p.isChoice()) {
                if (!p.choices().contains(v.value())) {
                    out.error(Code.INVALID_PARAM_VALUE, v.location(),
                            ctx + ": param '" + p.name() + "' must be one of " + String.join(", ", p.choices())
                            + ", found '" + v.value() + "'" + Suggestions.hint(v.value(), p.choices()));
                    ok = false;
                    continue;
                }
            } else {
                String t = v.value().trim();
                if (!t.matches("[0-9]{1,9}") || Long.parseLong(t) < p.min() || Long.parseLong(t) > p.max()) {
                    out.error(Code.INVALID_PARAM_VALUE, v.location(),
                            ctx + ": param '" + p.name() + "' must be a whole number from " + p.min()
                            + " to " + p.max() + ", found '" + v.value() + "'");
                    ok = false;
                    continue;
                }
            }
            params.put(p.name(), v.value().trim());
        }
        for (Param p : m.params().values()) {
            if (!p.isChoice() && params.containsKey(p.name())) {
                numbers.put(p.name(), Long.parseLong(params.get(p.name())));
            }
        }
        for (Map.Entry<String, Located<PortRange>> e : pins.entrySet()) {
            Optional<Pool> pool = m.pool(e.getKey());
            Located<PortRange> v = e.getValue();
            if (pool.isEmpty()) {
                out.error(Code.UNKNOWN_POOL, v.location(), ctx + ": model '" + m.id() + "' has no pool '" + e.getKey() + "'"
                        + Suggestions.hint(e.getKey(), m.pools().stream().map(Pool::name).toList()));
                ok = false;
            } else if (!(pool.get().kind() instanceof PoolKind.Allocatable a)) {
                out.error(Code.FIXED_POOL_PINNED, v.location(), ctx + ": pool '" + e.getKey() + "' of " + m.id()
                        + " is fixed by the vendor and cannot be moved");
                ok = false;
            } else {
                PortRange bounds = a.windowFor(params).bounds();
                Optional<String> wrong = pinProblem(m, e.getKey(), a, v.value(), params, numbers);
                if (!bounds.contains(v.value())) {
                    out.error(Code.PIN_OUT_OF_BOUNDS, v.location(),
                            ctx + ": pinned " + e.getKey() + " " + v.value() + " is outside "
                            + bounds + ", the range " + m.id() + " accepts");
                    ok = false;
                } else if (wrong.isPresent()) {
                    out.error(Code.PIN_DOES_NOT_FIT, v.location(),
                            ctx + ": pinned " + e.getKey() + " " + v.value() + " " + wrong.get());
                    ok = false;
                }
            }
        }
        return ok ? Optional.of(new Config(params, numbers)) : Optional.empty();
    }

    /**
     * Why a pinned range does not fit its pool, if it does not: a sized pool must be pinned to
     * exactly the ports its params need (a wider pin opens ports no call uses), an unsized one to
     * at most the vendor's range, and an aligned one (RTP) must start on its alignment.
     */
    private static Optional<String> pinProblem(DeviceModel m, String pool, PoolKind.Allocatable a, PortRange pin,
                                               Map<String, String> params, Map<String, Long> numbers) {
        long need = a.size(params, numbers);
        Optional<org.portplan.catalog.SizeExpr> formula = a.sizeFor(numbers);
        String ports = pin.size() + " port" + (pin.size() == 1 ? "" : "s");
        if (formula.isPresent() && pin.size() != need) {
            String example = need <= PortRange.MAX - pin.first() + 1
                    ? ", e.g. " + new PortRange(pin.first(), (int) (pin.first() + need - 1)) : "";
            return Optional.of("holds " + ports + ", but " + m.id() + " needs " + need + " (" + formula.get().text()
                    + "); pin exactly " + need + " port" + (need == 1 ? "" : "s") + example);
        }
        long widest = Math.max(need, a.maxSize());
        if (formula.isEmpty() && pin.size() > widest) {
            return Optional.of("holds " + ports + ", more than the " + widest + " of the vendor's "
                    + (widest == need ? "range " + a.windowFor(params).defaultRange() : "widest documented range")
                    + "; pin at most " + widest);
        }
        if (a.align() > 1 && pin.first() % a.align() != 0) {
            return Optional.of("must start on a multiple of " + a.align() + " (" + pool + " ranges of " + m.id()
                    + " start " + (a.align() == 2 ? "even" : "aligned") + ")");
        }
        return Optional.empty();
    }
}
