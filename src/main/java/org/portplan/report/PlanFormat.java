package org.portplan.report;

import java.util.Optional;

/** The formats {@code portplan plan} writes. */
public enum PlanFormat {
    TEXT, MARKDOWN, JSON;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<PlanFormat> byId(String id) {
        for (PlanFormat f : values()) {
            if (f.id().equals(id)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
