package org.portplan.diag;

import java.util.Comparator;
import java.util.Objects;

/** One message for the user, tied to the place in their input that caused it. */
public record Diagnostic(Severity severity, Location location, String message) {

    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.location() == null ? "" : d.location().file())
            .thenComparingInt(d -> d.location() == null ? 0 : d.location().line())
            .thenComparingInt(d -> d.location() == null ? 0 : d.location().column())
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(message);
    }

    /** {@code FILE:LINE:COL: error: message}, or {@code portplan: error: message} without a place. */
    public String format() {
        String where = location == null ? "portplan" : location.toString();
        return where + ": " + severity.label() + ": " + message;
    }
}
