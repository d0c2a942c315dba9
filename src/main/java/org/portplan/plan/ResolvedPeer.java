package org.portplan.plan;

import java.util.Map;
import org.portplan.catalog.DeviceModel;
import org.portplan.site.Peer;

/**
 * A site peer with the model that plays its role, when exactly one does, and its effective
 * parameters: flows to it then use its configured ports rather than only the vendor defaults.
 */
record ResolvedPeer(Peer peer, DeviceModel model, Map<String, String> params, Map<String, Long> numbers) {
}
