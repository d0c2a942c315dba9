package org.portplan.report;

import java.util.Locale;

/** How diagnostics are written: for people, or for CI tools and editors. */
public enum DiagnosticFormat {
    /** {@code FILE:LINE:COL: severity: message [PPnnn]}, the way compilers write. */
    TEXT,
    /** A JSON list, one object per diagnostic. */
    JSON,
    /** SARIF 2.1.0, which GitHub code scanning and other SARIF viewers read. */
    SARIF,
    /** GitHub Actions workflow commands ({@code ::error file=...,line=...::message}), which annotate the lines. */
    GITHUB;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
