package org.portplan.site;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.portplan.core.Cidr;
import org.portplan.core.Ipv4;
import org.portplan.core.Platform;
import org.portplan.core.PortRange;
import org.portplan.diag.Code;
import org.portplan.diag.Diagnostics;
import org.portplan.diag.Located;
import org.portplan.diag.Location;
import org.portplan.diag.Severity;
import org.portplan.diag.Suggestions;
import org.portplan.yaml.Fields;
import org.portplan.yaml.MapNode;
import org.portplan.yaml.Node;
import org.portplan.yaml.ScalarNode;
import org.portplan.yaml.YamlReader;

/**
 * Reads a site file: checks its structure, names and addresses, expands {@code count}, and
 * places every device in the firewall and zone whose subnet holds its address. Checks that
 * need the catalog (models, params, roles) happen later, in the planner.
 */
public final class SiteLoader {

    // The keys each part accepts; package-visible because a test checks the JSON schema names exactly these.
    static final Set<String> SITE_KEYS = Set.of("site", "description", "firewalls", "devices", "peers",
            "features", "include", "exclude", "remote-admin", "acknowledge");
    static final Set<String> FIREWALL_KEYS = Set.of("platform", "interfaces", "public-addresses");
    static final Set<String> INTERFACE_KEYS = Set.of("name", "address");
    static final Set<String> DEVICE_KEYS = Set.of("model", "address", "count", "public-address", "firewall",
            "params", "ports");
    static final Set<String> PEER_KEYS = Set.of("role", "addresses", "params", "ports");
    /** Linux and OpenBSD interface names are at most 15 characters (IFNAMSIZ - 1). */
    private static final int MAX_IFNAME = 15;
    /** Devices in a site after {@code count} expansion; more are refused, so planning cost stays bounded. */
    public static final int MAX_DEVICES = 100_000;

    private final String file;
    private final Diagnostics diags;
    private final List<Site.Unplaced> unplaced = new ArrayList<>();
    /** Addresses the firewalls answer on from outside, with what each is, for clash messages. */
    private final Map<Ipv4, String> publicOwner = new HashMap<>();
    private boolean deviceLimitReached;

    private SiteLoader(String file, Diagnostics diags) {
        this.file = file;
        this.diags = diags;
    }

    /**
     * Loads what can be loaded: the site with the parts that have no errors, so that later
     * checks (models, params, roles) can still report their problems in the same run. Empty
     * only when the file is not a YAML mapping at all.
     */
    public static Optional<Site> load(String file, String text, Diagnostics diags) {
        return YamlReader.read(file, text, diags).flatMap(root -> new SiteLoader(file, diags).site(root));
    }

    private Optional<Site> site(Node root) {
        Optional<Fields> of = Fields.of(root, diags, "the site", SITE_KEYS);
        if (of.isEmpty()) {
            return Optional.empty();
        }
        Fields f = of.get();
        Optional<String> name = f.scalar("site", true).flatMap(s -> Fields.name(s, diags, "site name"));
        f.string("description", false);
        List<Draft> drafts = new ArrayList<>();
        Optional<MapNode> fwNodes = f.mapping("firewalls", true);
        fwNodes.ifPresent(m -> {
            if (m.entries().isEmpty()) {
                diags.error(Code.EMPTY_LIST, m.location(), "'firewalls' is empty; a site needs at least one firewall");
            }
            m.entries().forEach(e -> firewall(e).ifPresent(drafts::add));
        });
        List<Firewall> firewalls = drafts.stream().filter(Draft::complete).map(Draft::firewall).toList();
        checkPublicAddressesUnique(firewalls);
        for (Firewall fw : firewalls) {
            fw.publicAddresses().forEach(a -> publicOwner.put(a, "a public address of firewall '" + fw.name() + "'"));
            publicOwner.put(fw.defaultPublicAddress(), "the outside address of firewall '" + fw.name() + "'");
        }
        // A firewall with errors still places devices (its subnets are known), but when a subnet
        // itself is unreadable, "address in no subnet" would be noise: it may be that subnet.
        boolean allSubnets = fwNodes.isPresent() && drafts.size() == fwNodes.get().entries().size()
                && drafts.stream().allMatch(Draft::allInterfaces);
        List<Device> devices = new ArrayList<>();
        f.mapping("devices", false).ifPresent(m -> devices(m, drafts, allSubnets, devices));
        List<Peer> peers = new ArrayList<>();
        Map<Ipv4, String> taken = new HashMap<>();
        for (Firewall fw : firewalls) {
            fw.interfaces().forEach(i -> taken.putIfAbsent(i.address().address(), "the " + i.zone()
                    + " interface address of firewall '" + fw.name() + "'"));
        }
        taken.putAll(publicOwner);
        devices.forEach(d -> taken.putIfAbsent(d.address(), "the address of device '" + d.name() + "'"));
        f.mapping("peers", false).ifPresent(m -> m.entries().forEach(e -> peer(e, taken).ifPresent(peers::add)));
        List<Located<String>> features = names(f, "features");
        List<Located<String>> include = names(f, "include");
        List<Located<String>> exclude = names(f, "exclude");
        List<Located<String>> remoteAdmin = names(f, "remote-admin");
        List<Acknowledgement> acknowledge = acknowledgements(f);
        return Optional.of(new Site(name.orElse("unnamed"), file, firewalls, devices, peers, features, include, exclude,
                remoteAdmin, acknowledge, unplaced));
    }

    /** {@code acknowledge:}: diagnostic codes of warnings the site accepts, each with a reason. */
    private List<Acknowledgement> acknowledgements(Fields f) {
        List<Acknowledgement> out = new ArrayList<>();
        f.mapping("acknowledge", false).ifPresent(m -> m.entries().forEach(e -> {
            Optional<Code> code = Code.byId(e.name());
            if (code.isEmpty()) {
                diags.error(Code.ACKNOWLEDGE_UNKNOWN_CODE, e.key().location(), "'acknowledge' names unknown diagnostic code '"
                        + e.name() + "'; the codes are the [PPnnn] at the end of each diagnostic (docs/ci.md lists them)");
                return;
            }
            if (code.get().severity() != Severity.WARNING) {
                diags.error(Code.ACKNOWLEDGE_UNKNOWN_CODE, e.key().location(), "'acknowledge' names " + e.name() + " ("
                        + code.get().slug() + "), which is " + (code.get().severity() == Severity.ERROR ? "an error" : "a note")
                        + "; only warnings can be acknowledged");
                return;
            }
            Fields.scalar(e.value(), diags, "'acknowledge' " + e.name()).ifPresent(reason -> {
                if (reason.text().isBlank()) {
                    diags.error(Code.ACKNOWLEDGE_UNKNOWN_CODE, reason.location(), "'acknowledge' " + e.name()
                            + " needs a reason: say why the site accepts these warnings");
                } else {
                    out.add(new Acknowledgement(code.get(), reason.text().strip(), e.key().location()));
                }
            });
        }));
        return out;
    }

    private List<Located<String>> names(Fields f, String key) {
        List<Located<String>> out = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        f.list(key, false).ifPresent(items -> Fields.scalars(items, diags, "'" + key + "' item").forEach(s -> {
            if (Fields.name(s, diags, "'" + key + "' item").isPresent()) {
                Location prev = seen.putIfAbsent(s.text(), s.location());
                if (prev != null) {
                    diags.error(Code.DUPLICATE_ITEM, s.location(),
                            "'" + s.text() + "' is listed twice in '" + key + "' (first at line " + prev.line() + ")");
                } else {
                    out.add(new Located<>(s.text(), s.location()));
                }
            }
        }));
        return out;
    }

    /**
     * A firewall entry as far as it could be read. Only complete ones become {@link Firewall}s,
     * but devices are placed against every one, so that their own errors are still found.
     */
    private record Draft(String name, Platform platform, List<Interface> interfaces, Map<Ipv4, Location> publics,
                         Location location, boolean nameOk, boolean allInterfaces) {

        Optional<Interface> outside() {
            return interfaces.stream().filter(i -> i.zone().equals(Firewall.OUTSIDE)).findFirst();
        }

        boolean complete() {
            return nameOk && platform != null && outside().isPresent();
        }

        Firewall firewall() {
            return new Firewall(name, platform, interfaces, List.copyOf(publics.keySet()), location, publics);
        }

        Optional<Interface> zoneOf(Ipv4 a) {
            return interfaces.stream().filter(i -> i.address().contains(a)).findFirst();
        }
    }

    private Optional<Draft> firewall(MapNode.Entry e) {
        String ctx = "firewall '" + e.name() + "'";
        boolean nameOk = Fields.name(e.key(), diags, "firewall name").isPresent();
        Optional<Fields> of = Fields.of(e.value(), diags, ctx, FIREWALL_KEYS);
        if (of.isEmpty()) {
            return Optional.empty();
        }
        Fields f = of.get();
        Optional<Platform> platform = f.scalar("platform", true).flatMap(s -> {
            Optional<Platform> p = Platform.byId(s.text());
            if (p.isEmpty()) {
                diags.error(Code.UNKNOWN_PLATFORM, s.location(), ctx + ": unknown platform '" + s.text() + "'"
                        + Suggestions.hint(s.text(), Arrays.stream(Platform.values()).map(Platform::id).toList())
                        + "; use " + Platform.choices());
            }
            return p;
        });
        List<Interface> interfaces = new ArrayList<>();
        Optional<MapNode> ifs = f.mapping("interfaces", true);
        ifs.ifPresent(m -> m.entries().forEach(ie -> iface(ctx, ie).ifPresent(interfaces::add)));
        if (ifs.isPresent() && ifs.get().entry(Firewall.OUTSIDE).isEmpty()) {
            String near = ifs.get().entries().stream().map(MapNode.Entry::name)
                    .filter(n -> Suggestions.nearest(n, List.of(Firewall.OUTSIDE)).isPresent()).findFirst()
                    .map(n -> " ('" + n + "' looks like a typo for it)").orElse("");
            diags.error(Code.MISSING_OUTSIDE_INTERFACE, ifs.get().location(),
                    ctx + " needs an 'outside' interface, the one facing the Internet" + near);
        }
        checkInterfaces(ctx, interfaces);
        Map<Ipv4, Location> publics = new LinkedHashMap<>();
        f.list("public-addresses", false).ifPresent(items -> Fields.scalars(items, diags, ctx + " public address")
                .forEach(s -> address(s, ctx + " public address").ifPresent(a -> {
                    if (publics.containsKey(a)) {
                        diags.error(Code.DUPLICATE_ITEM, s.location(), ctx + ": public address " + a + " is listed twice");
                    } else if (publicAddressOk(ctx, a, s.location(), interfaces)) {
                        publics.put(a, s.location());
                    }
                })));
        boolean allInterfaces = ifs.isPresent() && interfaces.size() == ifs.get().entries().size();
        return Optional.of(new Draft(e.name(), platform.orElse(null), interfaces, publics, e.key().location(), nameOk,
                allInterfaces));
    }

    /** A public address must be one host's, routed to this firewall: not any interface's, not inside. */
    private boolean publicAddressOk(String ctx, Ipv4 a, Location at, List<Interface> interfaces) {
        Optional<String> notAHost = a.notAHost();
        if (notAHost.isPresent()) {
            diags.error(Code.RESERVED_ADDRESS, at, ctx + ": public address " + notAHost.get() + ", not a host's address");
            return false;
        }
        for (Interface i : interfaces) {
            Cidr subnet = i.address();
            if (subnet.address().equals(a)) {
                diags.error(Code.ADDRESS_CLASH, at, ctx + ": " + a + " is the " + i.zone()
                        + " interface's own address; list only additional public addresses");
                return false;
            }
            if (!i.zone().equals(Firewall.OUTSIDE) && subnet.contains(a)) {
                diags.error(Code.PUBLIC_ADDRESS_INSIDE, at, ctx + ": public address " + a + " is inside the " + i.zone()
                        + " subnet " + subnet.networkString());
                return false;
            }
            if (subnet.prefix() < 31 && (a.equals(subnet.network()) || a.equals(subnet.broadcast()))) {
                diags.error(Code.RESERVED_ADDRESS, at,
                        ctx + ": public address " + a + " is the " + (a.equals(subnet.network()) ? "network" : "broadcast")
                        + " address of the outside subnet " + subnet.networkString() + ", not a host's address");
                return false;
            }
        }
        return true;
    }

    private Optional<Interface> iface(String ctx, MapNode.Entry e) {
        String ictx = ctx + " interface '" + e.name() + "'";
        boolean zoneOk = Fields.name(e.key(), diags, ctx + " zone").isPresent();
        Optional<Fields> of = Fields.of(e.value(), diags, ictx, INTERFACE_KEYS);
        if (of.isEmpty()) {
            return Optional.empty();
        }
        Fields f = of.get();
        Optional<ScalarNode> nameNode = f.scalar("name", true);
        Optional<String> name = nameNode.flatMap(s -> Fields.name(s, diags, ictx + " name"));
        if (name.isPresent() && name.get().length() > MAX_IFNAME) {
            diags.error(Code.INTERFACE_NAME_TOO_LONG, nameNode.get().location(),
                    ictx + ": interface name '" + name.get() + "' is longer than "
                    + MAX_IFNAME + " characters, which Linux and OpenBSD do not accept");
            name = Optional.empty();
        }
        Optional<Cidr> address = f.scalar("address", true).flatMap(s -> {
            if (!s.text().contains("/")) {
                diags.error(Code.INTERFACE_NEEDS_PREFIX, s.location(), ictx + ": address '" + s.text()
                        + "' needs a prefix length (e.g. " + s.text() + "/24) so portplan knows the zone's subnet");
                return Optional.empty();
            }
            Optional<Cidr> c = cidr(s, ictx + " address");
            Optional<String> notAHost = c.flatMap(x -> x.address().notAHost());
            if (notAHost.isPresent()) {
                diags.error(Code.RESERVED_ADDRESS, s.location(),
                        ictx + ": " + notAHost.get() + ", not an interface address");
                return Optional.empty();
            }
            if (c.isPresent() && c.get().prefix() < 31 && (c.get().isNetworkAddress()
                    || c.get().address().equals(c.get().broadcast()))) {
                diags.error(Code.RESERVED_ADDRESS, s.location(), ictx + ": " + c.get() + " is the subnet's "
                        + (c.get().isNetworkAddress() ? "network" : "broadcast") + " address, not an interface address");
                return Optional.empty();
            }
            return c;
        });
        if (!zoneOk || name.isEmpty() || address.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Interface(e.name(), name.get(), address.get(), e.key().location()));
    }

    private void checkInterfaces(String ctx, List<Interface> interfaces) {
        for (int i = 0; i < interfaces.size(); i++) {
            for (int j = 0; j < i; j++) {
                Interface a = interfaces.get(j);
                Interface b = interfaces.get(i);
                if (a.name().equals(b.name())) {
                    diags.error(Code.SHARED_INTERFACE, b.location(), ctx + ": zones '" + a.zone() + "' and '" + b.zone()
                            + "' both use interface " + b.name());
                }
                if (a.address().contains(b.address().network()) || b.address().contains(a.address().network())) {
                    diags.error(Code.OVERLAPPING_SUBNETS, b.location(),
                            ctx + ": the " + b.zone() + " subnet " + b.address().networkString()
                            + " overlaps the " + a.zone() + " subnet " + a.address().networkString());
                }
            }
        }
    }

    private void checkPublicAddressesUnique(List<Firewall> firewalls) {
        Map<Ipv4, String> owner = new HashMap<>();
        for (Firewall fw : firewalls) {
            List<Ipv4> all = new ArrayList<>(fw.publicAddresses());
            all.add(fw.defaultPublicAddress());
            for (Ipv4 a : all) {
                String prev = owner.putIfAbsent(a, fw.name());
                if (prev != null && !prev.equals(fw.name())) {
                    diags.error(Code.ADDRESS_CLASH, fw.locationOf(a), "firewall '" + fw.name() + "' uses public address " + a
                            + ", which firewall '" + prev + "' uses too");
                }
            }
        }
    }

    /** What one device entry became: its devices (none when it has errors) and where its address is written. */
    private record Expanded(List<Device> devices, Location addressAt, Location countAt) {
    }

    private void devices(MapNode m, List<Draft> drafts, boolean allSubnets, List<Device> out) {
        Map<String, Location> names = new HashMap<>();
        Map<String, String> addresses = new HashMap<>();
        for (MapNode.Entry e : m.entries()) {
            if (deviceLimitReached) {
                return;
            }
            Optional<Expanded> x = device(e, drafts, allSubnets, out.size());
            if (x.isEmpty()) {
                continue;
            }
            boolean reported = false;
            for (Device d : x.get().devices()) {
                Location prev = names.putIfAbsent(d.name(), d.location());
                if (prev != null) {
                    diags.error(Code.DUPLICATE_DEVICE_NAME, d.location(),
                            "device name '" + d.name() + "' is already used at " + prev
                            + (d.name().equals(e.name()) ? "" : " (names made by 'count' are <name>-1, <name>-2, ...)"));
                    continue;
                }
                // Two branches may use the same private range, so an address is unique per firewall.
                String prevAddr = addresses.putIfAbsent(d.firewall() + " " + d.address(), d.name());
                Location at = x.get().devices().size() > 1 ? x.get().countAt() : x.get().addressAt();
                if (prevAddr != null && !reported) {
                    diags.error(Code.ADDRESS_CLASH, at,
                            "device '" + d.name() + "' has the same address " + d.address() + " as device '"
                            + prevAddr + "'; every device needs an address of its own");
                    reported = true;
                }
                String owner = publicOwner.get(d.address());
                if (owner != null && !reported) {
                    diags.error(Code.ADDRESS_CLASH, at,
                            "device '" + d.name() + "' has address " + d.address() + ", which is " + owner);
                    reported = true;
                }
                out.add(d);
            }
        }
    }

    private Optional<Expanded> device(MapNode.Entry e, List<Draft> drafts, boolean allSubnets, int order) {
        String ctx = "device '" + e.name() + "'";
        boolean nameOk = Fields.name(e.key(), diags, "device name").isPresent();
        Optional<Fields> of = Fields.of(e.value(), diags, ctx, DEVICE_KEYS);
        if (of.isEmpty()) {
            return Optional.empty();
        }
        Fields f = of.get();
        Optional<Located<String>> model = f.scalar("model", true).map(s -> new Located<>(s.text(), s.location()));
        Optional<ScalarNode> addressNode = f.scalar("address", true);
        Optional<Ipv4> address = addressNode.flatMap(s -> address(s, ctx + " address"));
        Optional<ScalarNode> countNode = f.scalar("count", false);
        int count = countNode.flatMap(s -> Fields.integer(s, diags, ctx + " count", 1, MAX_DEVICES)).orElse(1);
        Optional<ScalarNode> fwNode = f.scalar("firewall", false);
        Optional<ScalarNode> publicNode = f.scalar("public-address", false);
        Optional<Ipv4> publicAddress = publicNode.flatMap(s -> address(s, ctx + " public-address"));
        Map<String, Located<String>> params = params(f, ctx);
        Map<String, Located<PortRange>> ports = ports(f, ctx);
        Location countAt = countNode.map(ScalarNode::location).orElse(e.key().location());
        if (order + count > MAX_DEVICES) {
            diags.error(Code.INPUT_LIMIT, countAt,
                    ctx + ": the site has more than " + MAX_DEVICES + " devices after 'count' expansion;"
                    + " portplan stopped reading devices here (limit: devices, " + MAX_DEVICES + ")");
            deviceLimitReached = true;
            return Optional.empty();
        }
        if (!nameOk || model.isEmpty()) {
            return Optional.empty();
        }
        // From here on an error leaves the device out of the plan, but its model and params are still checked.
        Optional<Expanded> x = address.flatMap(a -> place(ctx, a, addressNode.get().location(), fwNode, drafts, allSubnets)
                .flatMap(p -> expand(e, ctx, p, a, count, countNode, publicNode, publicAddress, ports, f)
                        .map(range -> devicesOf(e, p, a, count, countNode, range, model.get(), params, ports, order,
                                addressNode.get().location(), countAt))));
        if (x.isEmpty()) {
            unplaced.add(new Site.Unplaced(e.name(), model.get(), params, ports));
        }
        return x;
    }

    /** The checks of one entry's public address and {@code count}; its public address when they pass. */
    private Optional<Ipv4> expand(MapNode.Entry e, String ctx, Placement placement, Ipv4 address, int count,
                                  Optional<ScalarNode> countNode, Optional<ScalarNode> publicNode,
                                  Optional<Ipv4> publicAddress, Map<String, Located<PortRange>> ports, Fields f) {
        Draft fw = placement.firewall();
        Interface zone = placement.zone();
        if (!fw.complete()) {
            return Optional.empty();
        }
        Ipv4 pub = fw.firewall().defaultPublicAddress();
        boolean own = false;
        if (publicAddress.isPresent()) {
            Location at = publicNode.get().location();
            List<Ipv4> allowed = new ArrayList<>(fw.publics().keySet());
            allowed.add(0, pub);
            if (zone.zone().equals(Firewall.OUTSIDE)) {
                diags.error(Code.PUBLIC_ADDRESS_IN_OUTSIDE_ZONE, at,
                        ctx + " is in the outside zone, where there is no NAT, so it cannot have a public-address");
                return Optional.empty();
            }
            if (!allowed.contains(publicAddress.get())) {
                diags.error(Code.UNKNOWN_PUBLIC_ADDRESS, at,
                        ctx + ": public-address " + publicAddress.get() + " is not an address of firewall '"
                        + fw.name() + "'" + Suggestions.hint(publicAddress.get().toString(),
                        allowed.stream().map(Ipv4::toString).toList())
                        + "; list it under the firewall's public-addresses (it has: "
                        + String.join(", ", allowed.stream().map(Ipv4::toString).toList()) + ")");
                return Optional.empty();
            }
            own = !publicAddress.get().equals(pub);
            pub = publicAddress.get();
        }
        if (count > 1) {
            Location at = countNode.get().location();
            long last = address.value() + count - 1;
            Cidr subnet = zone.address();
            if (last > Ipv4.MAX) {
                diags.error(Code.COUNT_DOES_NOT_FIT, at,
                        ctx + ": " + count + " devices from " + address + " run past the end of the IPv4 address space");
                return Optional.empty();
            }
            Ipv4 lastAddress = new Ipv4(last);
            boolean fits = subnet.contains(lastAddress) && (subnet.prefix() >= 31 || !lastAddress.equals(subnet.broadcast()));
            if (!fits) {
                diags.error(Code.COUNT_DOES_NOT_FIT, at, ctx + ": " + count + " devices from " + address
                        + " run past the " + zone.zone() + " subnet " + subnet.networkString()
                        + " (last usable address " + (subnet.prefix() >= 31 ? subnet.broadcast() : subnet.broadcast().plus(-1)) + ")");
                return Optional.empty();
            }
            Optional<String> notAHost = Ipv4.notAHost(address.value(), last);
            if (notAHost.isPresent()) {
                diags.error(Code.COUNT_DOES_NOT_FIT, at,
                        ctx + ": " + count + " devices from " + address + " would include " + notAHost.get());
                return Optional.empty();
            }
            for (Interface i : fw.interfaces()) {
                Ipv4 own2 = i.address().address();
                if (own2.value() > address.value() && own2.value() <= last) {
                    diags.error(Code.COUNT_DOES_NOT_FIT, at, ctx + ": " + count + " devices from " + address
                            + " would include the firewall's own " + i.zone() + " address " + own2);
                    return Optional.empty();
                }
            }
        }
        if (count > 1 && !ports.isEmpty()) {
            diags.error(Code.COUNT_WITH_PORTS, f.entry("ports").get().key().location(),
                    ctx + ": 'ports' pins ports for one device, but 'count' makes "
                    + count + " devices that cannot all have them; list the devices separately");
            return Optional.empty();
        }
        if (own && count > 1) {
            diags.warning(Code.SHARED_PUBLIC_ADDRESS, publicNode.get().location(),
                    ctx + ": all " + count + " devices share public-address " + pub
                    + ", so they share its ports");
        }
        return Optional.of(pub);
    }

    private Expanded devicesOf(MapNode.Entry e, Placement p, Ipv4 address, int count, Optional<ScalarNode> countNode,
                               Ipv4 pub, Located<String> model, Map<String, Located<String>> params,
                               Map<String, Located<PortRange>> ports, int order, Location addressAt, Location countAt) {
        boolean own = !pub.equals(p.firewall().firewall().defaultPublicAddress());
        List<Device> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = count == 1 && countNode.isEmpty() ? e.name() : e.name() + "-" + (i + 1);
            out.add(new Device(name, order + i, model, address.plus(i), p.firewall().name(), p.zone().zone(), pub, own,
                    params, ports, e.key().location()));
        }
        return new Expanded(out, addressAt, countAt);
    }

    /** {@code params:} as written; the planner checks names and values against the model. */
    private Map<String, Located<String>> params(Fields f, String ctx) {
        Map<String, Located<String>> params = new LinkedHashMap<>();
        f.mapping("params", false).ifPresent(pm -> pm.entries().forEach(pe -> Fields.scalar(pe.value(), diags,
                ctx + " param '" + pe.name() + "'").ifPresent(v -> params.put(pe.name(), new Located<>(v.text(), v.location())))));
        return params;
    }

    /** {@code ports:} pool name to pinned port or range. */
    private Map<String, Located<PortRange>> ports(Fields f, String ctx) {
        Map<String, Located<PortRange>> ports = new LinkedHashMap<>();
        f.mapping("ports", false).ifPresent(pm -> pm.entries().forEach(pe -> Fields.scalar(pe.value(), diags,
                ctx + " port '" + pe.name() + "'").ifPresent(v -> {
                    try {
                        ports.put(pe.name(), new Located<>(PortRange.parse(v.text()), v.location()));
                    } catch (IllegalArgumentException ex) {
                        diags.error(Code.INVALID_PORTS, v.location(), ctx + " port '" + pe.name() + "': " + ex.getMessage());
                    }
                })));
        return ports;
    }

    private record Placement(Draft firewall, Interface zone) {
    }

    private Optional<Placement> place(String ctx, Ipv4 a, Location at, Optional<ScalarNode> fwNode, List<Draft> firewalls,
                                      boolean allSubnets) {
        Optional<String> notAHost = a.notAHost();
        if (notAHost.isPresent()) {
            diags.error(Code.RESERVED_ADDRESS, at, ctx + ": " + notAHost.get() + ", not a device's address");
            return Optional.empty();
        }
        List<Draft> candidates = firewalls;
        if (fwNode.isPresent()) {
            String fwName = fwNode.get().text();
            Optional<Draft> fw = firewalls.stream().filter(x -> x.name().equals(fwName)).findFirst();
            if (fw.isEmpty()) {
                diags.error(Code.UNKNOWN_FIREWALL, fwNode.get().location(), ctx + ": unknown firewall '" + fwName + "'"
                        + Suggestions.hint(fwName, firewalls.stream().map(Draft::name).toList()));
                return Optional.empty();
            }
            candidates = List.of(fw.get());
        }
        List<Placement> found = new ArrayList<>();
        for (Draft fw : candidates) {
            fw.zoneOf(a).ifPresent(z -> found.add(new Placement(fw, z)));
        }
        if (found.isEmpty() && !allSubnets) {
            return Optional.empty();
        }
        if (found.isEmpty()) {
            StringBuilder subnets = new StringBuilder();
            for (Draft fw : candidates) {
                for (Interface i : fw.interfaces()) {
                    subnets.append(subnets.length() == 0 ? "" : ", ").append(fw.name()).append('/').append(i.zone())
                            .append(' ').append(i.address().networkString());
                }
            }
            diags.error(Code.ADDRESS_IN_NO_SUBNET, at, ctx + ": address " + a + " is in no interface subnet"
                    + (subnets.length() == 0 ? "" : " (subnets: " + subnets + ")"));
            return Optional.empty();
        }
        if (found.size() > 1) {
            diags.error(Code.AMBIGUOUS_FIREWALL, at, ctx + ": address " + a + " is in subnets of firewalls "
                    + String.join(" and ", found.stream().map(p -> "'" + p.firewall().name() + "'").toList())
                    + "; add 'firewall: <name>' to the device");
            return Optional.empty();
        }
        Placement p = found.get(0);
        Cidr subnet = p.zone().address();
        if (p.zone().address().address().equals(a)) {
            diags.error(Code.ADDRESS_CLASH, at,
                    ctx + ": " + a + " is the firewall's own " + p.zone().zone() + " interface address");
            return Optional.empty();
        }
        if (subnet.prefix() < 31 && (a.equals(subnet.network()) || a.equals(subnet.broadcast()))) {
            diags.error(Code.RESERVED_ADDRESS, at,
                    ctx + ": " + a + " is the " + (a.equals(subnet.network()) ? "network" : "broadcast")
                    + " address of " + subnet.networkString());
            return Optional.empty();
        }
        return Optional.of(p);
    }

    private Optional<Peer> peer(MapNode.Entry e, Map<Ipv4, String> taken) {
        String ctx = "peer '" + e.name() + "'";
        boolean nameOk = Fields.name(e.key(), diags, "peer name").isPresent();
        Optional<Fields> of = Fields.of(e.value(), diags, ctx, PEER_KEYS);
        if (of.isEmpty()) {
            return Optional.empty();
        }
        Fields f = of.get();
        Optional<Located<String>> role = f.scalar("role", true).map(s -> new Located<>(s.text(), s.location()));
        List<Cidr> addresses = new ArrayList<>();
        f.listOrScalar("addresses", true).ifPresent(items -> {
            if (items.isEmpty()) {
                diags.error(Code.EMPTY_LIST, f.get("addresses").get().location(), ctx + " addresses is empty"
                        + "; give the peer's addresses, or 0.0.0.0/0 for anyone");
            }
            Fields.scalars(items, diags, ctx + " address").forEach(s -> cidr(s, ctx + " address").ifPresent(c -> {
                if (!c.isNetworkAddress()) {
                    diags.error(Code.HOST_BITS_SET, s.location(),
                            ctx + ": " + c + " has host bits set; did you mean " + c.networkString() + "?");
                } else if (addresses.contains(c)) {
                    diags.error(Code.DUPLICATE_ITEM, s.location(), ctx + ": " + c + " is listed twice");
                } else if (c.isHost() && hostOk(ctx, c.address(), s.location(), taken)) {
                    addresses.add(c);
                } else if (!c.isHost()) {
                    addresses.add(c);
                }
            }));
        });
        Map<String, Located<String>> params = params(f, ctx);
        Map<String, Located<PortRange>> ports = ports(f, ctx);
        if (!nameOk || role.isEmpty() || addresses.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Peer(e.name(), role.get(), addresses, params, ports, e.key().location()));
    }

    /** A peer's single address must be a host's, and not one the site gives a firewall or a device. */
    private boolean hostOk(String ctx, Ipv4 a, Location at, Map<Ipv4, String> taken) {
        Optional<String> notAHost = a.notAHost();
        if (notAHost.isPresent()) {
            diags.error(Code.RESERVED_ADDRESS, at, ctx + ": " + notAHost.get() + ", not a host's address");
            return false;
        }
        String owner = taken.get(a);
        if (owner != null) {
            diags.error(Code.ADDRESS_CLASH, at,
                    ctx + ": " + a + " is " + owner + "; a peer is a party the site does not plan");
            return false;
        }
        return true;
    }

    private Optional<Ipv4> address(ScalarNode s, String what) {
        try {
            return Optional.of(Ipv4.parse(s.text().trim()));
        } catch (IllegalArgumentException ex) {
            diags.error(Code.INVALID_ADDRESS, s.location(), what + ": " + ex.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Cidr> cidr(ScalarNode s, String what) {
        try {
            return Optional.of(Cidr.parse(s.text().trim()));
        } catch (IllegalArgumentException ex) {
            diags.error(Code.INVALID_ADDRESS, s.location(), what + ": " + ex.getMessage());
            return Optional.empty();
        }
    }
}
