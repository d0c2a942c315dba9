package org.portplan.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.portplan.catalog.Catalog;
import org.portplan.catalog.CatalogLoader;
import org.portplan.catalog.CatalogSource;
import org.portplan.catalog.SourceText;
import org.portplan.core.Platform;
import org.portplan.diag.Diagnostics;
import org.portplan.diag.Location;
import org.portplan.emit.Emission;
import org.portplan.emit.Emitters;
import org.portplan.plan.FirewallPlan;
import org.portplan.plan.Plan;
import org.portplan.plan.Planner;
import org.portplan.report.PlanReport;
import org.portplan.site.Site;
import org.portplan.site.SiteLoader;
import org.portplan.yaml.YamlReader;

/**
 * The pipeline behind every command: catalog and site files in, diagnostics and output files
 * out. Knows nothing of the command line, so tests drive it directly.
 */
public final class Engine {

    /** The catalog to use: the one in the jar, or a directory of catalog files. */
    public static Result<Catalog> loadCatalog(Optional<Path> dir) throws InputException {
        List<SourceText> files;
        Diagnostics diags = new Diagnostics();
        if (dir.isEmpty()) {
            files = CatalogSource.bundled();
        } else {
            Path d = dir.get();
            if (!Files.isDirectory(d)) {
                throw new InputException("catalog directory '" + d + "' does not exist or is not a directory");
            }
            try {
                files = CatalogSource.directory(d, diags);
            } catch (IOException e) {
                throw new InputException("cannot read catalog directory '" + d + "': " + e.getMessage());
            }
        }
        Optional<Catalog> catalog = CatalogLoader.load(files, diags);
        return new Result<>(diags.hasErrors() ? Optional.empty() : catalog, diags);
    }

    /** Reads and checks a site file, then plans it. */
    public static Result<Plan> plan(Catalog catalog, Path siteFile) throws InputException {
        String name = siteFile.toString().replace('\\', '/');
        Diagnostics diags = new Diagnostics();
        return plan(catalog, name, read(siteFile, name, diags), diags);
    }

    /** Checks and plans a site given as the bytes of a file named {@code name} (for tests and fuzzing). */
    public static Result<Plan> plan(Catalog catalog, String name, byte[] data) {
        Diagnostics diags = new Diagnostics();
        return plan(catalog, name, YamlReader.decode(name, data, diags), diags);
    }

    private static Result<Plan> plan(Catalog catalog, String name, Optional<String> text, Diagnostics diags) {
        if (text.isEmpty()) {
            return new Result<>(Optional.empty(), diags);
        }
        // A partial site still goes through the catalog checks, so one run reports everything it can.
        Optional<Site> site = SiteLoader.load(name, text.get(), diags);
        Optional<Plan> plan = site.flatMap(s -> Planner.plan(catalog, s, diags));
        return new Result<>(diags.hasErrors() ? Optional.empty() : plan, diags);
    }

    /**
     * Plans a site and writes every output in memory: one rule file per firewall and platform
     * ({@code targets} empty means each firewall's own platform) and plan.md.
     */
    public static Result<Outputs> compile(Catalog catalog, Path siteFile, Set<Platform> targets) throws InputException {
        return emit(plan(catalog, siteFile), targets);
    }

    /** {@link #compile(Catalog, Path, Set)} for a site given as bytes (for tests and fuzzing). */
    public static Result<Outputs> compile(Catalog catalog, String name, byte[] data, Set<Platform> targets) {
        return emit(plan(catalog, name, data), targets);
    }

    private static Result<Outputs> emit(Result<Plan> planned, Set<Platform> targets) {
        Diagnostics diags = planned.diagnostics();
        if (!planned.ok()) {
            return new Result<>(Optional.empty(), diags);
        }
        Plan plan = planned.value().get();
        Map<String, String> files = new LinkedHashMap<>();
        Location siteLocation = Location.of(plan.siteFile());
        for (FirewallPlan fw : plan.firewalls()) {
            List<Platform> platforms = targets.isEmpty() ? List.of(fw.platform()) : targets.stream().sorted().toList();
            for (Platform p : platforms) {
                Emission e = Emitters.forPlatform(p).emit(plan.site(), fw.withPlatform(p));
                files.put(fw.name() + "." + p.id(), e.text());
                e.warnings().forEach(w -> diags.warning(siteLocation, w));
            }
        }
        files.put("plan.md", PlanReport.markdown(plan));
        return new Result<>(Optional.of(new Outputs(plan, files)), diags);
    }

    private static Optional<String> read(Path file, String name, Diagnostics diags) throws InputException {
        if (!Files.isRegularFile(file)) {
            throw new InputException("site file '" + file + "' does not exist or is not a file");
        }
        try {
            return YamlReader.readText(file, name, diags);
        } catch (IOException e) {
            throw new InputException("cannot read site file '" + file + "': " + e.getMessage());
        }
    }

    private Engine() {
    }
}
