package org.portplan.catalog;

import java.util.Locale;
import java.util.Optional;
import org.portplan.core.Identified;

/** When a catalog flow applies, in the vendor tables' own terms. */
public enum Requirement implements Identified {
    /** Always opened. */
    MANDATORY,
    /** Opened when the site lists the flow's {@code when} feature. */
    CONDITIONAL,
    /** Opened unless the site excludes the flow. */
    RECOMMENDED,
    /** Opened only when the site includes the flow by id. */
    OPTIONAL;

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Requirement> byId(String id) {
        return Identified.byId(Requirement.class, id);
    }
}
