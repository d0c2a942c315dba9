package org.portplan.lock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.portplan.core.Ipv4;
import org.portplan.core.PortRange;
import org.portplan.diag.Code;
import org.portplan.diag.Diagnostics;
import org.portplan.diag.Location;
import org.portplan.yaml.Fields;
import org.portplan.yaml.Node;
import org.portplan.yaml.MapNode;
import org.portplan.yaml.ScalarNode;
import org.portplan.yaml.YamlReader;

/**
 * Reads and writes lock files: YAML, one allocation per line in port-map order, so that a
 * review diff of the lock shows exactly which device got or lost which ports.
 */
public final class LockFile {

    /** The format version this portplan reads and writes. */
    public static final int VERSION = 1;

    private static final Set<String> KEYS = Set.of("lock-version", "site", "catalog", "allocations");

    private LockFile() {
    }

    /** The lock file that belongs to a site file: beside it, named after it ("site.yaml" gives "site.lock"). */
    public static String besideSite(String siteFileName) {
        String name = siteFileName;
        for (String ext : List.of(".yaml", ".yml")) {
            if (name.endsWith(ext)) {
                name = name.substring(0, name.length() - ext.length());
                break;
            }
        }
        return name + ".lock";
    }

    /** Parses a lock file; empty, with located errors in {@code diags}, when it is not a valid lock. */
    public static Optional<Lock> read(String file, String text, Diagnostics diags) {
        Diagnostics mine = new Diagnostics();
        Optional<Lock> lock = YamlReader.read(file, text, mine).flatMap(root -> parse(file, root, mine));
        diags.addAll(mine);
        return mine.hasErrors() ? Optional.empty() : lock;
    }

    private static Optional<Lock> parse(String file, Node root, Diagnostics diags) {
        Optional<Fields> of = Fields.of(root, diags, "the lock file", KEYS);
        if (of.isEmpty()) {
            return Optional.empty();
        }
        Fields f = of.get();
        Optional<Integer> version = f.integer("lock-version", true, 1, Integer.MAX_VALUE);
        if (version.isPresent() && version.get() != VERSION) {
            diags.error(Code.UNSUPPORTED_LOCK_VERSION, f.get("lock-version").get().location(),
                    "lock-version " + version.get()
                    + " is not one this portplan reads (" + VERSION + "); a newer portplan wrote it");
            return Optional.empty();
        }
        f.string("site", true);
        Map<String, String> catalog = new HashMap<>();
        f.mapping("catalog", true).ifPresent(m -> m.entries().forEach(e -> Fields.scalar(e.value(), diags,
                "lock catalog entry '" + e.name() + "'").ifPresent(v -> catalog.put(e.name(), v.text()))));
        List<LockEntry> entries = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        f.mapping("allocations", true).ifPresent(firewalls -> firewalls.entries().forEach(fw -> {
            Optional<String> firewall = Fields.name(fw.key(), diags, "lock firewall");
            Fields.mapping(fw.value(), diags, "lock firewall '" + fw.name() + "'").ifPresent(scopes -> scopes.entries()
                    .forEach(sc -> {
                        Optional<Ipv4> scope = parse(sc.key(), diags, Ipv4::parse);
                        Fields.list(sc.value(), diags, "lock scope '" + sc.name() + "'").ifPresent(items -> Fields.scalars(
                                items, diags, "lock entry").forEach(line -> {
                                    if (firewall.isEmpty() || scope.isEmpty()) {
                                        return;
                                    }
                                    entry(line, firewall.get(), scope.get(), catalog, diags).ifPresent(e -> {
                                        Location prev = seen.putIfAbsent(e.device() + " " + e.pool(), e.location());
                                        if (prev != null) {
                                            diags.error(Code.DUPLICATE_LOCK_ENTRY, e.location(),
                                                    "pool '" + e.pool() + "' of device '" + e.device()
                                                    + "' is locked twice (first at line " + prev.line() + ")");
                                        } else {
                                            entries.add(e);
                                        }
                                    });
                                }));
                    }));
        }));
        return diags.hasErrors() ? Optional.empty() : Optional.of(new Lock(file, entries));
    }

    /** "udp 16384-16393 front-desk rtp allworx-phone": protocols, ports, device, pool, model. */
    private static Optional<LockEntry> entry(ScalarNode line, String firewall, Ipv4 scope, Map<String, String> catalog,
                                             Diagnostics diags) {
        String[] parts = line.text().trim().split(" +");
        if (parts.length != 5) {
            diags.error(Code.INVALID_LOCK_ENTRY, line.location(),
                    "lock entry '" + line.text() + "' must be 'PROTOCOL PORTS DEVICE POOL MODEL',"
                    + " e.g. 'udp 16384-16393 front-desk rtp allworx-phone'");
            return Optional.empty();
        }
        if (!List.of("udp", "tcp", "tcp/udp").contains(parts[0])) {
            diags.error(Code.INVALID_LOCK_ENTRY, line.location(),
                    "lock entry protocol must be udp, tcp or tcp/udp, found '" + parts[0] + "'");
            return Optional.empty();
        }
        for (int i = 2; i < 5; i++) {
            if (!Fields.NAME.matcher(parts[i]).matches()) {
                diags.error(Code.INVALID_LOCK_ENTRY, line.location(),
                        "lock entry '" + line.text() + "': '" + parts[i] + "' is not a name");
                return Optional.empty();
            }
        }
        Optional<PortRange> ports = parse(new ScalarNode(line.location(), parts[1], false), diags, PortRange::parse);
        String fingerprint = catalog.get(parts[4] + "/" + parts[3]);
        if (fingerprint == null) {
            diags.error(Code.INVALID_LOCK_ENTRY, line.location(),
                    "lock entry '" + line.text() + "': the lock's catalog section has no entry '"
                    + parts[4] + "/" + parts[3] + "'");
            return Optional.empty();
        }
        return ports.map(r -> new LockEntry(firewall, parts[2], parts[3], parts[4], parts[0], scope, r, fingerprint,
                line.location()));
    }

    private static <T> Optional<T> parse(ScalarNode s, Diagnostics diags, java.util.function.Function<String, T> parser) {
        try {
            return Optional.of(parser.apply(s.text().trim()));
        } catch (IllegalArgumentException e) {
            diags.error(Code.INVALID_LOCK_ENTRY, s.location(), "lock entry: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The lock file's text: the same lock gives the same bytes. */
    public static String write(String site, Lock lock) {
        StringBuilder out = new StringBuilder();
        out.append("# portplan lock file: the ports each device of site ").append(site).append(" was given.\n");
        out.append("# 'portplan compile' keeps it up to date; commit it beside the site, so that edits to the\n");
        out.append("# site never move the ports of devices already deployed. See docs/repository.md.\n");
        out.append("# allocations: firewall, then the address the ports are held at, then one line per pool:\n");
        out.append("# PROTOCOL PORTS DEVICE POOL MODEL. catalog: each model's pool as it was allocated.\n");
        out.append("lock-version: ").append(VERSION).append('\n');
        out.append("site: ").append(site).append('\n');
        Map<String, String> catalog = new TreeMap<>();
        lock.entries().forEach(e -> catalog.put(e.model() + "/" + e.pool(), e.catalog()));
        out.append("catalog:").append(catalog.isEmpty() ? " {}\n" : "\n");
        catalog.forEach((k, v) -> out.append("  ").append(k).append(": \"")
                .append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n"));
        out.append("allocations:").append(lock.isEmpty() ? " {}\n" : "\n");
        String firewall = null;
        Ipv4 scope = null;
        for (LockEntry e : lock.entries()) {
            if (!e.firewall().equals(firewall)) {
                firewall = e.firewall();
                scope = null;
                out.append("  ").append(firewall).append(":\n");
            }
            if (!e.scope().equals(scope)) {
                scope = e.scope();
                out.append("    ").append(scope).append(":\n");
            }
            out.append("      - ").append(e.protocols()).append(' ').append(e.ports()).append(' ').append(e.device())
                    .append(' ').append(e.pool()).append(' ').append(e.model()).append('\n');
        }
        return out.toString();
    }
}
