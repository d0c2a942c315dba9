package org.portplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.portplan.catalog.Catalog;
import org.portplan.diff.PlanDiff;
import org.portplan.engine.Engine;
import org.portplan.engine.InputException;
import org.portplan.engine.LockOptions;
import org.portplan.engine.Result;
import org.portplan.engine.SiteVersion;
import org.portplan.report.DiffReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code portplan diff}: what a change to a site opens, closes and moves, for review. */
@Command(name = "diff",
        description = {"Compare two versions of a site by meaning: per firewall the rules opened and closed and the"
                + " outbound NAT changed, then the devices to reconfigure with the settings to make.",
                "  portplan diff OLD_SITE NEW_SITE", "  portplan diff --rev REV SITE   (SITE as it was at git revision REV)",
                "Exit status: 0 no changes, 5 changes, 1 invalid input, 2 usage."})
final class DiffCommand implements Callable<Integer> {

    /** How the diff is printed. */
    enum Format {
        TEXT, MARKDOWN, JSON;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..2", paramLabel = "SITE",
            description = "OLD_SITE NEW_SITE, or with --rev the one SITE to compare with its version at REV.")
    java.util.List<Path> sites;

    @Option(names = "--rev", paramLabel = "REV", description = "Compare SITE with SITE at this git revision (HEAD, main, a commit).")
    String rev;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "${COMPLETION-CANDIDATES} (any case; default: ${DEFAULT-VALUE}); markdown is for pull-request comments.")
    Format format;

    @Mixin
    CatalogOption catalog;

    @Mixin
    DiagnosticsOption diagnostics;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (rev == null && sites.size() != 2) {
            throw Reporting.usage(err, "diff needs OLD_SITE and NEW_SITE, or --rev REV and one SITE");
        }
        if (rev != null && sites.size() != 1) {
            throw Reporting.usage(err, "with --rev, diff takes one SITE (compared with itself at " + rev + ")");
        }
        Catalog cat = catalog.load(err, diagnostics);
        Result<PlanDiff> r;
        try {
            Path now = sites.get(sites.size() - 1);
            LockOptions beside = LockOptions.besideSite();
            SiteVersion before = rev != null ? SiteVersion.atRevision(rev, now, beside) : SiteVersion.read(sites.get(0), beside);
            SiteVersion after = SiteVersion.read(now, beside);
            r = Engine.diff(cat, before, after);
        } catch (InputException e) {
            throw Reporting.usage(err, e.getMessage());
        }
        diagnostics.print(r.diagnostics(), err);
        if (!r.ok()) {
            return ExitCode.INVALID.code();
        }
        PlanDiff d = r.value().get();
        out.print(switch (format) {
            case TEXT -> DiffReport.text(d);
            case MARKDOWN -> DiffReport.markdown(d);
            case JSON -> DiffReport.json(d);
        });
        out.flush();
        return d.isEmpty() ? ExitCode.OK.code() : ExitCode.CHANGES.code();
    }
}
