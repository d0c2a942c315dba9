package org.portplan.yaml;

/**
 * Bounds on what portplan reads, so that any input, however hostile, is answered quickly and
 * in bounded memory. The defaults are far above what a real site or catalog needs (a site of
 * 100,000 devices written one entry per device is about 12 MiB and 1.2 million values), and
 * each error that reports one names it.
 *
 * @param fileBytes bytes in one site or catalog file
 * @param lineChars characters in one line: a longer line is a runaway value, and the YAML
 *                  scanner slows down on it
 * @param scalarChars characters in one value (a name, an address, a description)
 * @param nestingDepth mappings and lists inside each other
 * @param values keys, list items and values in one file
 * @param aliases YAML aliases reported before reading stops (portplan accepts none)
 */
public record Limits(int fileBytes, int lineChars, int scalarChars, int nestingDepth, int values, int aliases) {

    /** The limits every command uses. */
    public static final Limits DEFAULT = new Limits(32 * 1024 * 1024, 64 * 1024, 64 * 1024, 64, 1_500_000, 100);

    /** The " (limit: ...)" suffix of a message about a limit. */
    static String named(String name, long value, String unit) {
        return " (limit: " + name + ", " + value + (unit.isEmpty() ? "" : " " + unit) + ")";
    }
}
