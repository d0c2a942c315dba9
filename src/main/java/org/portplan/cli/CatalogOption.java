package org.portplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.portplan.catalog.Catalog;
import org.portplan.engine.Engine;
import org.portplan.engine.InputException;
import org.portplan.engine.Result;
import picocli.CommandLine.Option;

/** The --catalog option shared by commands, and loading the catalog it names. */
final class CatalogOption {

    @Option(names = "--catalog", paramLabel = "DIR",
            description = "Read the device catalog from DIR (*.yaml) instead of the catalog built into portplan.")
    Path dir;

    /** The catalog; on failure prints why as text and throws {@link Exit}. */
    Catalog load(PrintWriter err) {
        return load(err, new DiagnosticsOption());
    }

    /** The catalog; on failure prints why, in the chosen diagnostics format, and throws {@link Exit}. */
    Catalog load(PrintWriter err, DiagnosticsOption diagnostics) {
        Result<Catalog> r;
        try {
            r = Engine.loadCatalog(Optional.ofNullable(dir));
        } catch (InputException e) {
            throw Reporting.usage(err, e.getMessage());
        }
        if (!r.ok()) {
            diagnostics.print(r.diagnostics(), err);
            throw new Exit(ExitCode.INVALID);
        }
        return r.value().get();
    }
}
