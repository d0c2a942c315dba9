package org.portplan.plan;

import java.util.Map;
import org.portplan.catalog.DeviceModel;
import org.portplan.site.Device;

/** A site device joined with its catalog model and its effective parameter values. */
record ResolvedDevice(Device device, DeviceModel model, Map<String, String> params, Map<String, Long> numbers) {

    String name() {
        return device.name();
    }
}
