package org.portplan.plan;

import java.util.Map;
import org.portplan.catalog.DeviceModel;
import org.portplan.catalog.Pool;
import org.portplan.core.PortRange;
import org.portplan.diag.Located;
import org.portplan.site.Peer;

/**
 * A site peer with the model that plays its role, when exactly one does, and its effective
 * parameters: flows to it then use its configured ports rather than only the vendor defaults.
 */
record ResolvedPeer(Peer peer, DeviceModel model, Map<String, String> params, Map<String, Long> numbers) {

    /**
     * The ports the peer uses for {@code pool} of its model: nobody allocates them, so what the
     * site pinned, else the vendor's default start with the size its params give.
     */
    PortRange ports(Pool pool) {
        Located<PortRange> pin = peer.ports().get(pool.name());
        return pin != null ? pin.value() : pool.defaultPorts(params, numbers);
    }
}
