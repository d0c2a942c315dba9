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

    /** The catalog, or empty after printing why not (with the exit code to use in {@code code[0]}). */
    Optional<Catalog> load(PrintWriter err, int[] code) {
        try {
            Result<Catalog> r = Engine.loadCatalog(Optional.ofNullable(dir));
            if (!r.ok()) {
                Reporting.print(r.diagnostics(), err);
                code[0] = ExitCode.INVALID.code();
                return Optional.empty();
            }
            return r.value();
        } catch (InputException e) {
            code[0] = Reporting.usage(err, e.getMessage());
            return Optional.empty();
        }
    }
}
