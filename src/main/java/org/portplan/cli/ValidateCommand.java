package org.portplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.portplan.catalog.Catalog;
import org.portplan.diag.Diagnostics;
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

/** {@code portplan validate}: every check compile makes, for any number of sites, writing nothing. */
@Command(name = "validate",
        description = "Check site files (everything compile checks, including allocation) without writing anything.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SITE", description = "Site files to check.")
    List<Path> sites;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    @Option(names = "--locked", description = "Fail if a site's lock file is missing or would change (for CI).")
    boolean locked;

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
        if (lock.file != null && sites.size() > 1) {
            throw Reporting.usage(err, "--lock names one lock file, but " + sites.size() + " sites are given");
        }
        Catalog cat = catalog.load(err, diagnostics);
        Diagnostics all = new Diagnostics();
        boolean usage = false;
        for (Path site : sites) {
            try {
                LockOptions locking = lock.options(false);
                Result<Outputs> r = Engine.compile(cat, site, Set.of(), locking);
                all.addAll(r.diagnostics());
                if (r.ok() && locked) {
                    all.addAll(Engine.lockedProblems(r.value().get().plan(), locking.file(site)));
                }
            } catch (InputException e) {
                Reporting.line(err, "portplan: error: " + e.getMessage());
                usage = true;
            }
        }
        diagnostics.print(all, err);
        if (usage) {
            return ExitCode.USAGE.code();
        }
        if (Reporting.failed(all, strict)) {
            return ExitCode.INVALID.code();
        }
        out.println("portplan: " + sites.size() + " site" + (sites.size() == 1 ? "" : "s") + " OK");
        return ExitCode.OK.code();
    }
}
