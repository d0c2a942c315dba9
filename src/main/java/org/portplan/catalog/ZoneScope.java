package org.portplan.catalog;

import java.util.Locale;
import java.util.Optional;
import org.portplan.core.Identified;

/**
 * Which parties of a role one end of a flow means, as a firewall sees them: all of them, those
 * in its inside zones ("Internal H.323 Devices") or those outside ("Any External H.323 Devices").
 */
public enum ZoneScope implements Identified {
    ANY, INSIDE, OUTSIDE;

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ZoneScope> byId(String id) {
        return Identified.byId(ZoneScope.class, id);
    }

    /** Whether a party in {@code zone} ({@code outside} names the outside zone) is one this end means. */
    public boolean admits(String zone, String outside) {
        return switch (this) {
            case ANY -> true;
            case INSIDE -> !zone.equals(outside);
            case OUTSIDE -> zone.equals(outside);
        };
    }
}
