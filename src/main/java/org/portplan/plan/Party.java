package org.portplan.plan;

import org.portplan.catalog.Undeclared;
import org.portplan.core.AddressSet;

/**
 * One party of a flow as one firewall sees it: a device of the site (its own, or another
 * firewall's seen at its public address), a peer, or anyone, with the zone it is in.
 * {@code undeclared} is set only for anyone, and says why the catalog opens the flow to anyone.
 */
record Party(String zone, AddressSet addresses, ResolvedDevice device, ResolvedPeer peer, boolean own, String label,
             String role, Undeclared undeclared) {

    boolean anyone() {
        return addresses.isAny();
    }
}
