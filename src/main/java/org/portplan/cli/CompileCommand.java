package org.portplan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import org.portplan.catalog.Catalog;
import org.portplan.core.Platform;
import org.portplan.engine.Engine;
import org.portplan.engine.InputException;
import org.portplan.engine.LockOptions;
import org.portplan.engine.Outputs;
import org.portplan.engine.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code portplan compile}: writes rule files and plan.md, all or nothing. */
@Command(name = "compile",
        description = {"Compile a site into one rule file per firewall (DIR/<firewall>.<platform>) and DIR/plan.md.",
                "Nothing is written unless the whole site compiles."})
final class CompileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SITE", description = "The site file (YAML).")
    Path site;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Directory to write into (created if missing).")
    Path output;

    @Option(names = "--target", paramLabel = "PLATFORM",
            description = "Write every firewall for this platform instead of its own: ${COMPLETION-CANDIDATES}"
                    + " (any case).")
    Target target;

    @Option(names = "--strict", description = "Treat warnings as errors (exit 1, write nothing).")
    boolean strict;

    @Option(names = "--locked", description = "Fail (exit 1, write nothing) if the lock file is missing or would change:"
            + " for CI, where every allocation must already be committed.")
    boolean locked;

    @Option(names = "--repack", description = "Allocate as if there were no lock file, and write the new lock: devices"
            + " whose ports move are listed with the setting to change. Re-packs ports on purpose.")
    boolean repack;

    @Mixin
    CatalogOption catalog;

    @Mixin
    LockOption lock;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Set<Platform> targets = target == null ? Set.of() : target.platforms();
        if (locked && repack) {
            throw Reporting.usage(err, "--locked and --repack contradict each other: --repack changes the lock");
        }
        Catalog cat = catalog.load(err);
        LockOptions locking = lock.options(repack);
        Result<Outputs> r;
        try {
            r = Engine.compile(cat, site, targets, locking);
        } catch (InputException e) {
            throw Reporting.usage(err, e.getMessage());
        }
        if (r.ok() && locked) {
            r.diagnostics().addAll(Engine.lockedProblems(r.value().get().plan(), locking.file(site)));
        }
        Reporting.print(r.diagnostics(), err);
        if (!r.ok() || Reporting.failed(r.diagnostics(), strict)) {
            if (r.ok()) {
                err.println("portplan: warnings treated as errors (--strict); nothing written");
            }
            return ExitCode.INVALID.code();
        }
        try {
            for (Path p : Engine.write(r.value().get(), output)) {
                out.println(p);
            }
        } catch (IOException e) {
            err.println("portplan: error: cannot write to '" + output + "': " + e.getMessage());
            return ExitCode.INVALID.code();
        }
        Path lockFile = locking.file(site);
        try {
            if (Engine.writeLock(r.value().get().plan(), lockFile)) {
                out.println(lockFile);
            }
        } catch (IOException e) {
            err.println("portplan: error: cannot write the lock file '" + lockFile + "': " + e.getMessage());
            return ExitCode.INVALID.code();
        }
        return ExitCode.OK.code();
    }
}
