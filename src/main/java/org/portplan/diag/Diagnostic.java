package org.portplan.diag;

import java.util.Comparator;
import java.util.Objects;

/**
 * One message for the user, tied to the place in their input that caused it, with the stable
 * {@link Code} of its kind. {@code acknowledged}, when not null, is the reason the site gives
 * for accepting this kind of warning ({@code acknowledge:}); such a warning does not fail
 * {@code --strict}.
 */
public record Diagnostic(Severity severity, Code code, Location location, String message, String acknowledged) {

    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.location() == null ? "" : d.location().file())
            .thenComparingInt(d -> d.location() == null ? 0 : d.location().line())
            .thenComparingInt(d -> d.location() == null ? 0 : d.location().column())
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::message)
            .thenComparing(d -> d.code().id());

    public Diagnostic {
        Objects.requireNonNull(severity);
        if (Objects.requireNonNull(code).severity() != severity) {
            // A kind of diagnostic has one severity, so that SARIF's default level and docs/ci.md hold.
            throw new IllegalArgumentException(code.id() + " is reported as " + code.severity().label() + ", not as "
                    + severity.label());
        }
        message = printable(Objects.requireNonNull(message));
        if (acknowledged != null && severity != Severity.WARNING) {
            throw new IllegalArgumentException("only warnings are acknowledged");
        }
    }

    public Diagnostic(Severity severity, Code code, Location location, String message) {
        this(severity, code, location, message, null);
    }

    /** The same warning, accepted by the site for {@code reason}. */
    public Diagnostic acknowledge(String reason) {
        return new Diagnostic(severity, code, location, message, Objects.requireNonNull(reason));
    }

    public boolean isAcknowledged() {
        return acknowledged != null;
    }

    /**
     * {@code FILE:LINE:COL: error: message [PP301]}, or {@code portplan: error: ...} without a
     * place; an acknowledged warning says so and why.
     */
    public String format() {
        String where = location == null ? "portplan" : printable(location.toString());
        return where + ": " + severity.label() + ": " + message + " [" + code.id()
                + (acknowledged == null ? "" : ", acknowledged: " + printable(acknowledged)) + "]";
    }

    /**
     * Escapes what could forge or hide output when user text is echoed back: line breaks and
     * other control characters, and the invisible marks that reorder text (bidirectional
     * controls). A key written {@code "x\nsite.yaml:1:1: warning: ..."} stays on one line.
     */
    public static String printable(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean escape = needsEscape(s, i);
            if (escape && out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (out != null) {
                if (!escape) {
                    out.append(c);
                } else if (c == '\n') {
                    out.append("\\n");
                } else if (c == '\r') {
                    out.append("\\r");
                } else if (c == '\t') {
                    out.append("\\t");
                } else {
                    out.append(String.format("\\u%04X", (int) c));
                }
            }
        }
        return out == null ? s : out.toString();
    }

    private static boolean needsEscape(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\u200E' || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
