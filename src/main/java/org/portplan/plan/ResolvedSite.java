package org.portplan.plan;

import java.util.List;
import org.portplan.catalog.Flow;
import org.portplan.site.Site;

/** The first stage's result: the site's devices joined with their models, its peers, and the catalog flows that apply. */
record ResolvedSite(Site site, List<ResolvedDevice> devices, List<ResolvedPeer> peers, List<Flow> flows) {

    ResolvedSite {
        devices = List.copyOf(devices);
        peers = List.copyOf(peers);
        flows = List.copyOf(flows);
    }
}
