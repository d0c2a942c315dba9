package org.portplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.portplan.catalog.Catalog;
import org.portplan.engine.Engine;
import org.portplan.engine.InputException;
import org.portplan.engine.Result;
import org.portplan.plan.Plan;
import org.portplan.report.PlanFormat;
import org.portplan.report.PlanJson;
import org.portplan.report.PlanReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code portplan plan}: the plan on stdout, for people (text, markdown) or CI (json). */
@Command(name = "plan",
        description = "Print a site's plan: allocations, forwards, flows and device settings.")
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SITE", description = "The site file (YAML).")
    Path site;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "${COMPLETION-CANDIDATES} (any case; default: ${DEFAULT-VALUE}).")
    PlanFormat format;

    @Option(names = "--repack", description = "Show the plan allocated as if there were no lock file.")
    boolean repack;

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
        Catalog cat = catalog.load(err, diagnostics);
        Result<Plan> r;
        try {
            r = Engine.plan(cat, site, lock.options(repack));
        } catch (InputException e) {
            throw Reporting.usage(err, e.getMessage());
        }
        diagnostics.print(r.diagnostics(), err);
        if (!r.ok()) {
            return ExitCode.INVALID.code();
        }
        Plan plan = r.value().get();
        out.print(switch (format) {
            case TEXT -> PlanReport.text(plan, r.diagnostics().acknowledged());
            case MARKDOWN -> PlanReport.markdown(plan, r.diagnostics().acknowledged());
            case JSON -> PlanJson.write(plan);
        });
        out.flush();
        return ExitCode.OK.code();
    }
}
