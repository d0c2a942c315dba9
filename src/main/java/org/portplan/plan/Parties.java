package org.portplan.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.portplan.catalog.Catalog;
import org.portplan.catalog.Flow;
import org.portplan.catalog.Undeclared;
import org.portplan.catalog.ZoneScope;
import org.portplan.core.AddressSet;
import org.portplan.core.Cidr;
import org.portplan.core.Ipv4;
import org.portplan.site.Device;
import org.portplan.site.Firewall;
import org.portplan.site.Interface;

/**
 * Who plays each role, as each firewall sees it. Devices of other firewalls are outside parties
 * at their public address; they are listed only when asked for, because a firewall needs them
 * only as the counterpart of its own devices, and listing them always would cost firewalls x devices.
 */
final class Parties {

    private final Catalog catalog;
    private final Map<String, Firewall> firewalls = new HashMap<>();
    private final Map<String, List<ResolvedDevice>> devicesByRole = new HashMap<>();
    private final Map<String, Map<String, List<ResolvedDevice>>> ownByFirewall = new HashMap<>();
    private final Map<String, List<ResolvedPeer>> peersByRole = new HashMap<>();

    Parties(Catalog catalog, ResolvedSite resolved) {
        this.catalog = catalog;
        resolved.site().firewalls().forEach(f -> firewalls.put(f.name(), f));
        for (ResolvedDevice d : resolved.devices()) {
            for (String role : d.model().roles()) {
                devicesByRole.computeIfAbsent(role, k -> new ArrayList<>()).add(d);
                ownByFirewall.computeIfAbsent(d.device().firewall(), k -> new HashMap<>())
                        .computeIfAbsent(role, k -> new ArrayList<>()).add(d);
            }
        }
        for (ResolvedPeer p : resolved.peers()) {
            // A peer declared as a model (role: equinox-management) plays every role of that model,
            // as a device of the model would (its gatekeeper, its B2BUA).
            String role = p.peer().role().value();
            List<String> roles = catalog.rolesOfPeer(role);
            for (String r : roles) {
                peersByRole.computeIfAbsent(r, k -> new ArrayList<>()).add(p);
            }
        }
    }

    /** The devices of {@code firewall} playing {@code role}, in file order. */
    List<ResolvedDevice> own(String firewall, String role) {
        return ownByFirewall.getOrDefault(firewall, Map.of()).getOrDefault(role, List.of());
    }

    /** Whether {@code firewall} has a device playing {@code role} in a zone other than the outside. */
    boolean ownInside(String firewall, String role) {
        for (ResolvedDevice d : own(firewall, role)) {
            if (!d.device().zone().equals(Firewall.OUTSIDE)) {
                return true;
            }
        }
        return false;
    }

    /** Every device (anywhere in the site) and declared peer playing {@code role}, as {@code firewall} sees them; never anyone. */
    List<Party> playing(String firewall, String role) {
        return of(firewall, role, Undeclared.NOBODY, true);
    }

    /** The parties at the source end of {@code flow}, as {@link #of} gives them. */
    List<Party> from(String firewall, Flow flow, boolean withRemote) {
        return of(firewall, flow, flow.from(), flow.fromZone(), withRemote);
    }

    /** The parties at the destination end of {@code flow}, as {@link #of} gives them. */
    List<Party> to(String firewall, Flow flow, boolean withRemote) {
        return of(firewall, flow, flow.to(), flow.toZone(), withRemote);
    }

    /**
     * Every party of {@code role} at one end of {@code flow} for {@code firewall}, in the zones
     * that end admits: devices in file order (with other firewalls' devices only when
     * {@code withRemote}), then peers by zone, then anyone when the site declares nobody for the
     * role and the catalog opens the flow to anyone.
     */
    private List<Party> of(String firewall, Flow flow, String role, ZoneScope scope, boolean withRemote) {
        List<Party> out = new ArrayList<>();
        for (Party p : of(firewall, role, catalog.whenUndeclared(flow, role), withRemote)) {
            if (scope.admits(p.zone(), Firewall.OUTSIDE)) {
                out.add(p);
            }
        }
        return out;
    }

    private List<Party> of(String firewall, String role, Undeclared undeclared, boolean withRemote) {
        List<Party> out = new ArrayList<>();
        List<ResolvedDevice> ds = devicesByRole.getOrDefault(role, List.of());
        for (ResolvedDevice d : withRemote ? ds : own(firewall, role)) {
            Device dev = d.device();
            if (dev.firewall().equals(firewall)) {
                out.add(new Party(dev.zone(), AddressSet.of(Cidr.host(dev.address())), d, null, true, d.name(), role, null));
            } else {
                // Behind another firewall of the site: this firewall reaches it at its public address.
                Ipv4 seen = dev.zone().equals(Firewall.OUTSIDE) ? dev.address() : dev.publicAddress();
                out.add(new Party(Firewall.OUTSIDE, AddressSet.of(Cidr.host(seen)), d, null, false, d.name(), role, null));
            }
        }
        List<ResolvedPeer> ps = peersByRole.getOrDefault(role, List.of());
        for (ResolvedPeer rp : ps) {
            Map<String, List<Cidr>> byZone = new TreeMap<>();
            for (Cidr c : rp.peer().addresses()) {
                byZone.computeIfAbsent(zoneOf(firewall, c), k -> new ArrayList<>()).add(c);
            }
            byZone.forEach((zone, cidrs) -> out.add(new Party(zone, AddressSet.of(cidrs), null, rp, false,
                    rp.peer().name(), role, null)));
        }
        if (ds.isEmpty() && ps.isEmpty() && undeclared.opens()) {
            out.add(new Party(Firewall.OUTSIDE, AddressSet.any(), null, null, false, "anyone", role, undeclared));
        }
        return out;
    }

    /** The zone of {@code firewall} whose subnet holds the whole prefix, else the outside. */
    private String zoneOf(String firewall, Cidr c) {
        for (Interface i : firewalls.get(firewall).interfaces()) {
            Cidr subnet = i.address();
            if (!i.zone().equals(Firewall.OUTSIDE) && c.prefix() >= subnet.prefix() && subnet.contains(c.network())) {
                return i.zone();
            }
        }
        return Firewall.OUTSIDE;
    }
}
