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
import org.portplan.diag.Diagnostics;
import org.portplan.diag.Located;
import org.portplan.diag.Location;
import org.portplan.diag.Suggestions;
import org.portplan.site.Device;
import org.portplan.site.Peer;
import org.portplan.site.Site;

/**
 * Checks a site against the catalog: models, parameters, pinned ports, peer roles,
 * features and flow names; then picks the catalog flows the site's choices turn on.
 */
final class Resolver {

    /** The site's devices with models, its peers, and the flows that apply. */
    record Resolved(List<ResolvedDevice> devices, List<ResolvedPeer> peers, List<Flow> flows) {
    }

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

    Resolved resolve() {
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
                diags.error(f.location(), "unknown feature '" + f.value() + "'"
                        + Suggestions.hint(f.value(), catalog.features().keySet()));
            }
        }
        Set<String> included = names(site.include());
        Set<String> excluded = names(site.exclude());
        checkFlowNames(site.include(), "include", Requirement.OPTIONAL);
        checkFlowNames(site.exclude(), "exclude", Requirement.RECOMMENDED);
        for (Located<String> i : site.include()) {
            if (excluded.contains(i.value())) {
                diags.error(i.location(), "flow '" + i.value() + "' is both included and excluded");
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
        return new Resolved(devices, peers, flows);
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
                diags.error(i.location(), "'" + key + "' names unknown flow '" + i.value() + "'"
                        + Suggestions.hint(i.value(), catalog.flows().keySet()));
                continue;
            }
            if (f.requirement() == expected) {
                continue;
            }
            if (key.equals("exclude") && (f.requirement() == Requirement.MANDATORY || f.requirement() == Requirement.CONDITIONAL)) {
                diags.error(i.location(), "flow '" + i.value() + "' is " + f.requirement().id()
                        + " and cannot be excluded" + (f.requirement() == Requirement.CONDITIONAL
                        ? "; it applies only when the site lists feature '" + f.when() + "'" : ""));
            } else if (key.equals("include") && f.requirement() == Requirement.CONDITIONAL) {
                diags.error(i.location(), "flow '" + i.value() + "' is conditional; list feature '" + f.when()
                        + "' under 'features' instead of including the flow");
            } else {
                diags.warning(i.location(), "flow '" + i.value() + "' is " + f.requirement().id() + ", so '" + key
                        + "' does not change anything");
            }
        }
    }

    private Optional<ResolvedPeer> resolve(Peer p) {
        String role = p.role().value();
        String ctx = "peer '" + p.name() + "'";
        if (!catalog.isRole(role)) {
            diags.error(p.role().location(), ctx + ": unknown role '" + role + "'"
                    + Suggestions.hint(role, catalog.allRoleNames()) + "; see 'portplan catalog list' for roles");
            return Optional.empty();
        }
        List<DeviceModel> playing = catalog.modelsPlaying(role);
        boolean configured = !p.params().isEmpty() || !p.ports().isEmpty();
        if (playing.size() != 1) {
            if (configured) {
                diags.error(p.location(), ctx + ": 'params' and 'ports' need a role played by exactly one model, and '"
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
            out.error(id.location(), ctx + ": unknown model '" + id.value() + "'"
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
                out.error(v.location(), ctx + ": model '" + m.id() + "' has no param '" + e.getKey() + "'"
                        + Suggestions.hint(e.getKey(), m.params().keySet())
                        + (m.params().isEmpty() ? "; it takes no params" : "; its params: " + String.join(", ", m.params().keySet())));
                ok = false;
                continue;
            }
            if (p.isChoice()) {
                if (!p.choices().contains(v.value())) {
                    out.error(v.location(), ctx + ": param '" + p.name() + "' must be one of " + String.join(", ", p.choices())
                            + ", found '" + v.value() + "'" + Suggestions.hint(v.value(), p.choices()));
                    ok = false;
                    continue;
                }
            } else {
                String t = v.value().trim();
                if (!t.matches("[0-9]{1,9}") || Long.parseLong(t) < p.min() || Long.parseLong(t) > p.max()) {
                    out.error(v.location(), ctx + ": param '" + p.name() + "' must be a whole number from " + p.min()
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
                out.error(v.location(), ctx + ": model '" + m.id() + "' has no pool '" + e.getKey() + "'"
                        + Suggestions.hint(e.getKey(), m.pools().stream().map(Pool::name).toList()));
                ok = false;
            } else if (!(pool.get().kind() instanceof PoolKind.Allocatable a)) {
                out.error(v.location(), ctx + ": pool '" + e.getKey() + "' of " + m.id()
                        + " is fixed by the vendor and cannot be moved");
                ok = false;
            } else {
                PortRange bounds = a.windowFor(params).bounds();
                if (!bounds.contains(v.value())) {
                    out.error(v.location(), ctx + ": pinned " + e.getKey() + " " + v.value() + " is outside "
                            + bounds + ", the range " + m.id() + " accepts");
                    ok = false;
                }
            }
        }
        return ok ? Optional.of(new Config(params, numbers)) : Optional.empty();
    }
}
