package org.portplan.diag;

/**
 * The stable code of every kind of diagnostic: what CI tools, editors and a site's
 * {@code acknowledge:} key refer to. Codes never change meaning once released; retired codes
 * stay reserved. docs/ci.md lists each with an example and the fix.
 */
public enum Code {

    /** Diagnostics not yet given a code of their own (to be removed once every call site has one). */
    UNCLASSIFIED("PP000", "unclassified", "A problem without a code of its own",
            "Report it: every diagnostic should have a stable code."),

    ACKNOWLEDGE_UNKNOWN_CODE("PP298", "acknowledge-unknown-code", "'acknowledge' names no diagnostic code, or gives no reason",
            "Each key of 'acknowledge' is a code printed at the end of a warning ([PP601]) and its value the reason"
                    + " the site accepts that warning. Fix the code or add the reason."),
    ACKNOWLEDGE_UNUSED("PP299", "acknowledge-unused", "An acknowledgement matches no warning of the site",
            "The site acknowledges a code that none of its warnings has (any more), or that only errors have:"
                    + " errors cannot be acknowledged. Remove the entry, so that a new warning of that kind is seen.");

    private final String id;
    private final String slug;
    private final String title;
    private final String help;

    Code(String id, String slug, String title, String help) {
        this.id = id;
        this.slug = slug;
        this.title = title;
        this.help = help;
    }

    /** "PP301": what tools and {@code acknowledge:} use. */
    public String id() {
        return id;
    }

    /** "unknown-model": a readable name (SARIF's rule name). */
    public String slug() {
        return slug;
    }

    /** One line saying what is wrong. */
    public String title() {
        return title;
    }

    /** What the diagnostic means and how to fix it (SARIF's rule help, docs/ci.md). */
    public String help() {
        return help;
    }

    public static java.util.Optional<Code> byId(String id) {
        for (Code c : values()) {
            if (c.id.equals(id)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }
}
