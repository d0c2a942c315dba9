package org.portplan.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.portplan.catalog.Catalog;
import org.portplan.core.Ipv4;
import org.portplan.diag.Code;
import org.portplan.diag.Diagnostic;
import org.portplan.diag.Diagnostics;
import org.portplan.diag.Located;
import org.portplan.diag.Location;
import org.portplan.lock.Lock;
import org.portplan.diag.Severity;
import org.portplan.site.Firewall;
import org.portplan.site.Site;

/**
 * Plans a checked site as a pipeline of stages, each with an immutable result: resolve (site and
 * catalog to devices, peers and flows), exposure (what the outside reaches), allocate (the
 * allocation table), rules (the neutral rule model) and sheets (device settings).
 */
public final class Planner {

    private Planner() {
    }

    /** Plans the site without a lock file; empty when there are errors, which are all in {@code diags}. */
    public static Optional<Plan> plan(Catalog catalog, Site site, Diagnostics diags) {
        return plan(catalog, site, Lock.EMPTY, Lock.EMPTY, diags);
    }

    /**
     * Plans the site. {@code keep} is the lock whose ranges allocation keeps (empty to re-pack);
     * {@code previous} the lock the result is compared with, for warnings and the plan's changes.
     */
    public static Optional<Plan> plan(Catalog catalog, Site site, Lock keep, Lock previous, Diagnostics diags) {
        ResolvedSite resolved = new Resolver(catalog, site, diags).resolve();
        if (diags.hasErrors()) {
            return Optional.empty();
        }
        Parties parties = new Parties(catalog, resolved);
        Exposure exposure = Exposure.find(catalog, resolved, parties, diags);
        if (diags.hasErrors()) {
            return Optional.empty();
        }
        Allocator.Result allocated = Allocator.allocate(resolved, exposure, keep, diags);
        if (diags.hasErrors()) {
            return Optional.empty();
        }
        AllocationTable table = allocated.table();
        RuleBuilder.Result rules = RuleBuilder.build(catalog, resolved, parties, table, diags);
        if (diags.hasErrors()) {
            return Optional.empty();
        }
        warnUnused(resolved, rules.devicesInRules(), diags);
        List<Diagnostic> warnings = diags.sorted().stream().filter(d -> d.severity() == Severity.WARNING).toList();
        List<DeviceSheet> sheets = Sheets.of(catalog, resolved, parties, table, warnings);
        // Last, so that a moved range's warning can name the settings the device's sheet gives.
        List<LockChange> changes = LockUpdate.changes(previous, table, resolved, allocated.lockRefused(), sheets, diags);
        return Optional.of(new Plan(site.name(), site.file(), site.features().stream().map(Located::value).toList(),
                table, rules.firewalls(), rules.reachable(), sheets, LockUpdate.lockOf(table), changes,
                site.acknowledge(),
                site.firewalls().stream().collect(Collectors.toMap(Firewall::name, Firewall::location))));
    }

    private static void warnUnused(ResolvedSite resolved, Set<String> inRules, Diagnostics diags) {
        Set<Location> warned = new HashSet<>();
        Set<String> used = new HashSet<>();
        for (ResolvedDevice d : resolved.devices()) {
            if (!inRules.contains(d.name()) && warned.add(d.device().location())) {
                diags.warning(Code.DEVICE_IN_NO_RULE, d.device().location(), "device '" + d.name() + "' (" + d.model().id()
                        + ") takes part in no rule: no applicable flow connects it across a firewall"
                        + " (declare its peers, or list the features it needs)");
            }
            used.add(d.device().firewall() + " " + d.device().publicAddress());
        }
        for (Firewall fw : resolved.site().firewalls()) {
            for (Ipv4 a : fw.publicAddresses()) {
                if (!used.contains(fw.name() + " " + a)) {
                    diags.warning(Code.UNUSED_PUBLIC_ADDRESS, fw.locationOf(a),
                            "firewall '" + fw.name() + "': public address " + a
                            + " is not used by any device");
                }
            }
        }
    }
}
