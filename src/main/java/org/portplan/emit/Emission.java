package org.portplan.emit;

import java.util.List;
import java.util.Objects;

/** A rule file's text and the warnings writing it raised (limits of the dialect, mostly). */
public record Emission(String text, List<Warning> warnings) {

    public Emission {
        warnings = List.copyOf(warnings);
        if (text.contains("\r")) {
            throw new IllegalArgumentException("rule files use \\n line endings only");
        }
    }

    /**
     * Each kind of warning an emitter raises. Emitters see only the rule model, so the engine
     * gives each kind its diagnostic code (an exhaustive switch: a new kind cannot go without one).
     */
    public enum Kind {
        /** The dialect takes single ports only, so a forwarded range became one rule per port. */
        RANGE_EXPANDED_PER_PORT
    }

    /** One warning: its kind and the message for the user, naming the firewall and dialect. */
    public record Warning(Kind kind, String message) {
        public Warning {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(message);
        }
    }
}
