package org.portplan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.portplan.catalog.Catalog;
import org.portplan.core.Platform;
import org.portplan.engine.Engine;
import org.portplan.engine.InputException;
import org.portplan.engine.LockOptions;
import org.portplan.engine.OutputWriter;
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

    @Option(names = "--check", description = "Write nothing; exit 1 when DIR's files (or the lock file) differ from what"
            + " compile would write, listing the stale, missing and extra ones; exit 0 when they are up to date.")
    boolean check;

    @Mixin
    CatalogOption catalog;

    @Mixin
    DiagnosticsOption diagnostics;

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
        OutputWriter writer = new OutputWriter(output);
        if (!check) {
            recover(writer, err);
        }
        Catalog cat = catalog.load(err, diagnostics);
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
        diagnostics.print(r.diagnostics(), err);
        if (!r.ok() || Reporting.failed(r.diagnostics(), strict)) {
            if (r.ok()) {
                err.println("portplan: warnings treated as errors (--strict); nothing written");
            }
            return ExitCode.INVALID.code();
        }
        if (check) {
            return check(writer, r.value().get(), locking.file(site), out);
        }
        OutputWriter.Written written;
        try {
            written = writer.write(r.value().get().files());
        } catch (IOException e) {
            Reporting.line(err, "portplan: error: cannot write to '" + output + "': " + e.getMessage());
            return ExitCode.INVALID.code();
        }
        written.files().forEach(out::println);
        written.pruned().forEach(p -> Reporting.line(err, "portplan: removed '" + p
                + "', which portplan wrote for an output this site no longer has"));
        written.keptModified().forEach(p -> Reporting.line(err, "portplan: kept '" + p
                + "': portplan wrote it for an output this site no longer has, but it was changed since; delete it yourself"));
        Path lockFile = locking.file(site);
        try {
            if (Engine.writeLock(r.value().get().plan(), lockFile)) {
                out.println(lockFile);
            }
        } catch (IOException e) {
            Reporting.line(err, "portplan: error: cannot write the lock file '" + lockFile + "': " + e.getMessage());
            return ExitCode.INVALID.code();
        }
        return ExitCode.OK.code();
    }

    /** --check: what compile would change, as "stale FILE", "missing FILE", "extra FILE" lines on stdout. */
    private int check(OutputWriter writer, Outputs outputs, Path lockFile, PrintWriter out) {
        OutputWriter.Changes changes;
        try {
            changes = writer.compare(outputs.files());
        } catch (IOException e) {
            throw Reporting.usage(spec.commandLine().getErr(), "cannot read '" + output + "': " + e.getMessage());
        }
        List<String> lines = new ArrayList<>();
        changes.stale().forEach(f -> lines.add("stale " + output.resolve(f)));
        changes.missing().forEach(f -> lines.add("missing " + output.resolve(f)));
        changes.blocked().forEach(f -> lines.add("blocked " + output.resolve(f) + " (not a regular file)"));
        changes.pruned().forEach(f -> lines.add("extra " + output.resolve(f)));
        changes.keptModified().forEach(f -> lines.add("extra " + output.resolve(f) + " (edited since portplan wrote it)"));
        if (!Engine.lockUpToDate(outputs.plan(), lockFile)) {
            lines.add("stale " + lockFile + " (the lock file would change)");
        }
        lines.forEach(out::println);
        if (lines.isEmpty()) {
            return ExitCode.OK.code();
        }
        Reporting.line(spec.commandLine().getErr(), "portplan: " + lines.size() + " file" + (lines.size() == 1 ? "" : "s")
                + " out of date; run 'portplan compile' without --check to update them");
        return ExitCode.INVALID.code();
    }

    /** Before anything else, an interrupted earlier write into the directory is completed or discarded. */
    private void recover(OutputWriter writer, PrintWriter err) {
        try {
            if (writer.recover() == OutputWriter.Recovery.COMPLETED) {
                Reporting.line(err, "portplan: completed an interrupted earlier write into '" + output + "'");
            }
        } catch (IOException e) {
            Reporting.line(err, "portplan: error: cannot write to '" + output + "': " + e.getMessage());
            throw new Exit(ExitCode.INVALID);
        }
    }
}
