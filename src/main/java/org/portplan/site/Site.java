package org.portplan.site;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.portplan.core.PortRange;
import org.portplan.diag.Located;

/**
 * A site as the administrator described it: firewalls, devices (expanded and placed in
 * zones), peers, the catalog options it chooses (features, included and excluded flows), and
 * the peers it allows to administer devices from the outside zone ({@code remoteAdmin}), and the
 * kinds of warnings it accepts ({@code acknowledge}).
 * {@code unplaced} are device entries that have errors of their own (an address, a
 * firewall): they are not planned, but their model, params and ports are still checked
 * against the catalog so that one run reports every error.
 */
public record Site(String name, String file, List<Firewall> firewalls, List<Device> devices, List<Peer> peers,
                   List<Located<String>> features, List<Located<String>> include, List<Located<String>> exclude,
                   List<Located<String>> remoteAdmin, List<Acknowledgement> acknowledge, List<Unplaced> unplaced) {

    /** A device entry with errors that keep it out of the plan; what the catalog checks need of it. */
    public record Unplaced(String name, Located<String> model, Map<String, Located<String>> params,
                           Map<String, Located<PortRange>> ports) {
        public Unplaced {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
            ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
        }
    }

    public Site {
        unplaced = List.copyOf(unplaced);
        firewalls = List.copyOf(firewalls);
        devices = List.copyOf(devices);
        peers = List.copyOf(peers);
        features = List.copyOf(features);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        remoteAdmin = List.copyOf(remoteAdmin);
        acknowledge = List.copyOf(acknowledge);
    }

    public Optional<Peer> peer(String name) {
        return peers.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<Firewall> firewall(String name) {
        return firewalls.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
