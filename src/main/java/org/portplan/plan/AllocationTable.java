package org.portplan.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.portplan.core.Ipv4;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;

/**
 * The allocation stage's result: the ports each pool of each device got, and which devices do
 * without a once-per-address pool because another device behind the same address has it.
 */
public final class AllocationTable {

    /** The ports one pool of one device got, and where they are reached. */
    public record Assignment(String firewall, String device, String model, String pool, List<Protocol> protocols,
                             PortRange ports, Allocation.Kind kind, Ipv4 deviceAddress, Ipv4 publicAddress,
                             String catalog) {

        public Assignment {
            protocols = List.copyOf(protocols);
        }

        /** Whether the outside reaches these ports, through {@code publicAddress}. */
        public boolean exposed() {
            return publicAddress != null;
        }

        /** The address whose ports these are: the public address when exposed, else the device's own. */
        public Ipv4 scope() {
            return exposed() ? publicAddress : deviceAddress;
        }
    }

    /** No allocations. */
    public static final AllocationTable EMPTY = new AllocationTable(Map.of(), Map.of());

    private final Map<String, Map<String, Assignment>> byDevice;
    private final Map<String, Map<String, String>> servedBy;
    private final List<Assignment> all;
    private final Map<String, List<Assignment>> byFirewall;

    AllocationTable(Map<String, Map<String, Assignment>> byDevice, Map<String, Map<String, String>> servedBy) {
        Map<String, Map<String, Assignment>> copy = new LinkedHashMap<>();
        byDevice.forEach((d, pools) -> copy.put(d, Collections.unmodifiableMap(new LinkedHashMap<>(pools))));
        this.byDevice = Collections.unmodifiableMap(copy);
        Map<String, Map<String, String>> served = new LinkedHashMap<>();
        servedBy.forEach((d, pools) -> served.put(d, Collections.unmodifiableMap(new LinkedHashMap<>(pools))));
        this.servedBy = Collections.unmodifiableMap(served);
        List<Assignment> list = new ArrayList<>();
        Map<String, List<Assignment>> perFirewall = new LinkedHashMap<>();
        this.byDevice.values().forEach(pools -> pools.values().forEach(a -> {
            list.add(a);
            perFirewall.computeIfAbsent(a.firewall(), k -> new ArrayList<>()).add(a);
        }));
        this.all = List.copyOf(list);
        this.byFirewall = perFirewall;
    }

    /** The ports {@code pool} of {@code device} got, if it got any. */
    public Optional<Assignment> get(String device, String pool) {
        return Optional.ofNullable(byDevice.getOrDefault(device, Map.of()).get(pool));
    }

    /** Every assignment, devices in file order and pools in catalog order. */
    public List<Assignment> assignments() {
        return all;
    }

    /** The device that holds a once-per-address pool for {@code device}, which does without it. */
    public Optional<String> servedBy(String device, String pool) {
        return Optional.ofNullable(servedBy.getOrDefault(device, Map.of()).get(pool));
    }

    /** One row per pool and protocol of the devices behind {@code firewall}, for reports. */
    public List<Allocation> rows(String firewall) {
        List<Allocation> out = new ArrayList<>();
        for (Assignment a : byFirewall.getOrDefault(firewall, List.of())) {
            for (Protocol p : a.protocols()) {
                out.add(new Allocation(a.firewall(), a.device(), a.model(), a.pool(), p, a.ports(), a.deviceAddress(),
                        a.publicAddress(), a.kind()));
            }
        }
        return out;
    }
}
