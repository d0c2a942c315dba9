package org.portplan.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.portplan.diag.Location;

/**
 * A device type from the catalog: the roles it plays, its parameters, its port pools, the
 * settings that are not about one pool (the server it registers with, its provisioning
 * server), instructions, and its vendor's word on the firewall's SIP ALG ({@code sipAlg}, null
 * where the catalog file says nothing).
 */
public record DeviceModel(String id, String vendor, String title, List<String> roles,
                          Map<String, Param> params, List<Pool> pools, List<Setting> settings,
                          List<Instruction> instructions, Citation source, SipAlg sipAlg, Location location) {

    public DeviceModel {
        roles = List.copyOf(roles);
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        pools = List.copyOf(pools);
        settings = List.copyOf(settings);
        instructions = List.copyOf(instructions);
    }

    public Optional<Pool> pool(String name) {
        for (Pool p : pools) {
            if (p.name().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
