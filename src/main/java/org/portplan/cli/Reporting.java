package org.portplan.cli;

import java.io.PrintWriter;
import org.portplan.diag.Diagnostic;
import org.portplan.diag.Diagnostics;

/** Prints diagnostics the way compilers do, and turns them into an exit code. */
final class Reporting {

    private Reporting() {
    }

    static boolean failed(Diagnostics diags, boolean strict) {
        return diags.hasErrors() || (strict && diags.hasWarnings());
    }

    /** Prints one line of portplan's own, with any user text in it made printable. */
    static void line(PrintWriter err, String text) {
        err.println(Diagnostic.printable(text));
        err.flush();
    }

    /** Prints a usage problem; the caller throws the result. */
    static Exit usage(PrintWriter err, String message) {
        err.println("portplan: error: " + Diagnostic.printable(message));
        err.flush();
        return new Exit(ExitCode.USAGE);
    }
}
