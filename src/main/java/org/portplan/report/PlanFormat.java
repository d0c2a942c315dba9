package org.portplan.report;

import java.util.Locale;

/** The formats {@code portplan plan} writes. */
public enum PlanFormat {
    TEXT, MARKDOWN, JSON;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The id: what help, completion and error messages show. */
    @Override
    public String toString() {
        return id();
    }
}
