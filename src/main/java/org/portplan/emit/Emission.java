package org.portplan.emit;

import java.util.List;

/** A rule file's text and the warnings writing it raised (limits of the dialect, mostly). */
public record Emission(String text, List<String> warnings) {

    public Emission {
        warnings = List.copyOf(warnings);
        if (text.contains("\r")) {
            throw new IllegalArgumentException("rule files use \\n line endings only");
        }
    }
}
