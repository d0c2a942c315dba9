package org.portplan.plan;

import org.portplan.core.AddressSet;

/**
 * One party of a flow as one firewall sees it: a device of the site (its own, or another
 * firewall's seen at its public address), a peer, or anyone, with the zone it is in.
 */
record Party(String zone, AddressSet addresses, ResolvedDevice device, ResolvedPeer peer, boolean own, String label,
             String role) {

    boolean anyone() {
        return addresses.isAny();
    }
}
