package org.portplan.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.portplan.catalog.Catalog;
import org.portplan.catalog.DeviceModel;
import org.portplan.diag.Suggestions;
import org.portplan.report.CatalogReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code portplan catalog list|show}: what the catalog knows, with its sources. */
@Command(name = "catalog", description = "Inspect the device catalog.",
        subcommands = {CatalogCommand.ListCommand.class, CatalogCommand.ShowCommand.class})
final class CatalogCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }

    /** {@code catalog list}. */
    @Command(name = "list", description = "List models, peer roles, features and documents.")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CatalogOption catalog;

        @Override
        public Integer call() {
            Catalog cat = catalog.load(spec.commandLine().getErr());
            spec.commandLine().getOut().print(CatalogReport.list(cat));
            spec.commandLine().getOut().flush();
            return ExitCode.OK.code();
        }
    }

    /** {@code catalog show MODEL}. */
    @Command(name = "show",
            description = "Show a model: params, every port with its source section, settings and flows.")
    static final class ShowCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "MODEL", description = "A model id from 'portplan catalog list'.")
        String model;

        @Mixin
        CatalogOption catalog;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Catalog cat = catalog.load(err);
            DeviceModel m = cat.model(model).orElseThrow(() -> Reporting.usage(err, "unknown model '" + model + "'"
                    + Suggestions.hint(model, cat.models().keySet()) + "; 'portplan catalog list' shows the models"));
            spec.commandLine().getOut().print(CatalogReport.show(cat, m));
            spec.commandLine().getOut().flush();
            return ExitCode.OK.code();
        }
    }
}
