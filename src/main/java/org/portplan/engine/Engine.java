package org.portplan.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.portplan.catalog.Catalog;
import org.portplan.catalog.CatalogLoader;
import org.portplan.catalog.CatalogSource;
import org.portplan.catalog.SourceText;
import org.portplan.core.Platform;
import org.portplan.diag.Code;
import org.portplan.diag.Diagnostics;
import org.portplan.diag.Location;
import org.portplan.diff.Differ;
import org.portplan.diff.PlanDiff;
import org.portplan.emit.Emission;
import org.portplan.lock.Lock;
import org.portplan.lock.LockFile;
import org.portplan.rules.FirewallPlan;
import org.portplan.plan.Plan;
import org.portplan.plan.Planner;
import org.portplan.report.PlanReport;
import org.portplan.site.Acknowledgement;
import org.portplan.site.Site;
import org.portplan.site.SiteLoader;

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

    /** Reads and checks a site file, then plans it with the lock file beside it, if there is one. */
    public static Result<Plan> plan(Catalog catalog, Path siteFile) throws InputException {
        return plan(catalog, siteFile, LockOptions.besideSite());
    }

    /** Reads and checks a site file, then plans it with the lock {@code locking} names. */
    public static Result<Plan> plan(Catalog catalog, Path siteFile, LockOptions locking) throws InputException {
        return plan(catalog, SiteVersion.read(siteFile, locking), locking.repack());
    }

    /** Checks and plans a site given as the bytes of a file named {@code name} (for tests and fuzzing). */
    public static Result<Plan> plan(Catalog catalog, String name, byte[] data) {
        try {
            return plan(catalog, SiteVersion.of(name, data), false);
        } catch (InputException e) {
            throw new IllegalStateException("bytes in memory cannot fail to be read", e);
        }
    }

    /** Plans one version of a site with its lock ({@code repack}: allocating as if it had none). */
    public static Result<Plan> plan(Catalog catalog, SiteVersion version, boolean repack) throws InputException {
        Diagnostics diags = new Diagnostics();
        Lock previous = Lock.EMPTY;
        if (version.hasLock()) {
            Optional<String> lockText = version.lockText(diags);
            previous = lockText.flatMap(t -> LockFile.read(version.lockName(), t, diags)).orElse(Lock.EMPTY);
        }
        Optional<String> text = version.text(diags);
        if (text.isEmpty()) {
            return new Result<>(Optional.empty(), diags);
        }
        Lock locked = previous;
        // A partial site still goes through the catalog checks, so one run reports everything it can.
        Optional<Site> site = SiteLoader.load(version.name(), text.get(), diags);
        Optional<Plan> plan = site.flatMap(s -> Planner.plan(catalog, s, repack ? Lock.EMPTY : locked, locked, diags));
        plan.ifPresent(p -> diags.acknowledge(reasons(p.acknowledgements())));
        return new Result<>(diags.hasErrors() ? Optional.empty() : plan, diags);
    }

    private static Map<Code, String> reasons(List<Acknowledgement> acknowledgements) {
        Map<Code, String> out = new EnumMap<>(Code.class);
        acknowledgements.forEach(a -> out.put(a.code(), a.reason()));
        return out;
    }

    /**
     * Acknowledges the warnings the site accepts (all of them known once the rule files are
     * written) and warns about acknowledgements that match none, so that stale ones are noticed.
     */
    private static void acknowledge(Plan plan, Diagnostics diags) {
        Set<Code> used = diags.acknowledge(reasons(plan.acknowledgements()));
        for (Acknowledgement a : plan.acknowledgements()) {
            if (!used.contains(a.code())) {
                diags.warning(Code.ACKNOWLEDGE_UNUSED, a.location(), "'acknowledge' names " + a.code().id() + " ("
                        + a.code().slug() + "), but no warning of this site has that code"
                        + "; remove it, so that a new warning of that kind is not hidden");
            }
        }
    }

    /**
     * Compares two versions of a site by meaning. Each is planned with its own lock file, so the
     * old one is what is deployed and the new one what compiling it would deploy.
     */
    public static Result<PlanDiff> diff(Catalog catalog, SiteVersion before, SiteVersion after) throws InputException {
        Result<Plan> a = plan(catalog, before, false);
        Result<Plan> b = plan(catalog, after, false);
        Diagnostics diags = new Diagnostics();
        diags.addAll(a.diagnostics());
        diags.addAll(b.diagnostics());
        if (!a.ok() || !b.ok()) {
            return new Result<>(Optional.empty(), diags);
        }
        return new Result<>(Optional.of(Differ.between(a.value().get(), b.value().get())), diags);
    }

    /**
     * For {@code --locked}: an error for every change the plan makes to the lock file, located at
     * the lock entry it changes (or, for a new entry, at its device in the site); empty when the
     * lock is up to date.
     */
    public static Diagnostics lockedProblems(Plan plan, Path lockFile) {
        Diagnostics out = new Diagnostics();
        String name = lockFile.toString().replace('\\', '/');
        if (!Files.exists(lockFile)) {
            out.error(Code.NO_LOCK_FILE, Location.of(name),
                    "there is no lock file (--locked); run 'portplan compile' without --locked"
                    + " and commit the lock file it writes");
            return out;
        }
        for (org.portplan.plan.LockChange c : plan.lockChanges()) {
            // A changed or released entry has its line in the lock file; a new one only its device in the site.
            Location at = c.before() != null && c.before().location() != null ? c.before().location()
                    : c.deviceAt() != null ? c.deviceAt() : Location.of(name);
            out.error(Code.LOCK_NOT_UP_TO_DATE, at, "the lock file is not up to date (--locked): " + c.describe());
        }
        return out;
    }

    /** Whether {@code file} holds exactly the lock the plan amounts to. */
    public static boolean lockUpToDate(Plan plan, Path file) {
        try {
            return Files.isRegularFile(file)
                    && Files.readString(file, StandardCharsets.UTF_8).equals(LockFile.write(plan.site(), plan.lock()));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Writes the plan's lock to {@code file} when it differs from what the file holds, through a
     * temporary file beside it, so that the lock is never half written. Returns whether it wrote.
     */
    public static boolean writeLock(Plan plan, Path file) throws IOException {
        String text = LockFile.write(plan.site(), plan.lock());
        if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            return false;
        }
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return true;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Plans a site and writes every output in memory: one rule file per firewall and platform
     * ({@code targets} empty means each firewall's own platform) and plan.md.
     */
    public static Result<Outputs> compile(Catalog catalog, Path siteFile, Set<Platform> targets) throws InputException {
        return compile(catalog, siteFile, targets, LockOptions.besideSite());
    }

    /** {@link #compile(Catalog, Path, Set)} with the lock {@code locking} names. */
    public static Result<Outputs> compile(Catalog catalog, Path siteFile, Set<Platform> targets, LockOptions locking)
            throws InputException {
        return emit(plan(catalog, siteFile, locking), targets);
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
        record Job(FirewallPlan firewall, Platform platform) {
        }
        List<Job> jobs = new ArrayList<>();
        for (FirewallPlan fw : plan.firewalls()) {
            List<Platform> platforms = targets.isEmpty() ? List.of(fw.platform()) : targets.stream().sorted().toList();
            platforms.forEach(p -> jobs.add(new Job(fw, p)));
        }
        // Emitters are pure functions of the rule model, so they run in parallel; files and
        // warnings are then taken in job order, so the result does not depend on the schedule.
        CompletableFuture<PlanReport.Draft> report = CompletableFuture.supplyAsync(() -> PlanReport.markdownDraft(plan));
        List<Emission> emissions = jobs.parallelStream()
                .map(j -> Emitters.forPlatform(j.platform()).emit(plan.site(), j.firewall().withPlatform(j.platform())))
                .toList();
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            Job j = jobs.get(i);
            Emission e = emissions.get(i);
            // Emitters know only the rule model: their warnings point at the firewall's key in the site.
            Location at = plan.firewallLocations().getOrDefault(j.firewall().name(), Location.of(plan.siteFile()));
            files.put(j.firewall().name() + "." + j.platform().id(), e.text());
            e.warnings().forEach(w -> diags.warning(code(w.kind()), at, w.message()));
        }
        acknowledge(plan, diags);
        PlanReport.Draft draft;
        try {
            draft = report.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        files.put("plan.md", draft.finish(diags.acknowledged()));
        return new Result<>(Optional.of(new Outputs(plan, files)), diags);
    }

    /** The diagnostic code of each kind of emitter warning. */
    static Code code(Emission.Kind kind) {
        return switch (kind) {
            case RANGE_EXPANDED_PER_PORT -> Code.RANGE_EXPANDED_PER_PORT;
        };
    }

    private Engine() {
    }
}
