package org.portplan.catalog;

import java.util.Locale;
import java.util.Optional;
import org.portplan.core.Identified;

/**
 * What a flow opens toward a role the site declares nobody for: the catalog decides, per role
 * and, where a table row says more, per flow.
 */
public enum Undeclared implements Identified {
    /** The party is by nature anyone on the Internet (external H.323 endpoints calling an Edge): open to anywhere. */
    INTERNET,
    /** A specific party whose addresses the site did not give (an Allworx server): open to anywhere, with a warning. */
    ANYONE,
    /** Nothing is opened until the site declares the party. */
    NOBODY;

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Undeclared> byId(String id) {
        return Identified.byId(Undeclared.class, id);
    }

    /** Whether a flow is opened to anyone when the role is undeclared. */
    public boolean opens() {
        return this != NOBODY;
    }
}
