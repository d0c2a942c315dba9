package org.portplan.site;

import java.util.List;
import java.util.Optional;
import org.portplan.diag.Located;

/**
 * A site as the administrator described it: firewalls, devices (expanded and placed in
 * zones), peers, the catalog options it chooses (features, included and excluded flows), and
 * the peers it allows to administer devices from the outside zone ({@code remoteAdmin}).
 */
public record Site(String name, String file, List<Firewall> firewalls, List<Device> devices, List<Peer> peers,
                   List<Located<String>> features, List<Located<String>> include, List<Located<String>> exclude,
                   List<Located<String>> remoteAdmin) {

    public Site {
        firewalls = List.copyOf(firewalls);
        devices = List.copyOf(devices);
        peers = List.copyOf(peers);
        features = List.copyOf(features);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        remoteAdmin = List.copyOf(remoteAdmin);
    }

    public Optional<Peer> peer(String name) {
        return peers.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<Firewall> firewall(String name) {
        return firewalls.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
