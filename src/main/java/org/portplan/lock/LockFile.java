package org.portplan.lock;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.portplan.core.Ipv4;
import org.portplan.core.PortRange;
import org.portplan.diag.Diagnostics;
import org.portplan.diag.Location;
import org.portplan.yaml.Fields;
import org.portplan.yaml.Node;
import org.portplan.yaml.ScalarNode;
import org.portplan.yaml.YamlReader;

/**
 * Reads and writes lock files: YAML, one allocation per line in port-map order, so that a
 * review diff of the lock shows exactly which device got or lost which ports.
 */
public final class LockFile {

    /** The format version this portplan reads and writes. */
    public static final int VERSION = 1;

    private static final Set<String> KEYS = Set.of("lock-version", "site", "allocations");
    private static final Set<String> ENTRY_KEYS = Set.of("firewall", "scope", "protocol", "ports", "device", "pool",
            "model", "catalog");

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
            diags.error(f.get("lock-version").get().location(), "lock-version " + version.get()
                    + " is not one this portplan reads (" + VERSION + "); a newer portplan wrote it");
            return Optional.empty();
        }
        f.string("site", true);
        List<LockEntry> entries = new ArrayList<>();
        java.util.Map<String, Location> seen = new java.util.HashMap<>();
        f.list("allocations", true).ifPresent(items -> {
            for (Node n : items) {
                Fields.of(n, diags, "lock entry", ENTRY_KEYS).flatMap(e -> entry(e, diags)).ifPresent(e -> {
                    Location prev = seen.putIfAbsent(e.device() + " " + e.pool(), e.location());
                    if (prev != null) {
                        diags.error(e.location(), "pool '" + e.pool() + "' of device '" + e.device()
                                + "' is locked twice (first at line " + prev.line() + ")");
                    } else {
                        entries.add(e);
                    }
                });
            }
        });
        return diags.hasErrors() ? Optional.empty() : Optional.of(new Lock(file, entries));
    }

    private static Optional<LockEntry> entry(Fields f, Diagnostics diags) {
        Optional<String> firewall = f.name("firewall", true);
        Optional<String> device = f.name("device", true);
        Optional<String> pool = f.name("pool", true);
        Optional<String> model = f.name("model", true);
        Optional<String> catalog = f.string("catalog", true);
        Optional<String> protocols = f.scalar("protocol", true).flatMap(s -> {
            if (!List.of("udp", "tcp", "tcp/udp").contains(s.text())) {
                diags.error(s.location(), "lock entry protocol must be udp, tcp or tcp/udp, found '" + s.text() + "'");
                return Optional.empty();
            }
            return Optional.of(s.text());
        });
        Optional<Ipv4> scope = f.scalar("scope", true).flatMap(s -> parse(s, diags, Ipv4::parse));
        Optional<PortRange> ports = f.scalar("ports", true).flatMap(s -> parse(s, diags, PortRange::parse));
        if (firewall.isEmpty() || device.isEmpty() || pool.isEmpty() || model.isEmpty() || catalog.isEmpty()
                || protocols.isEmpty() || scope.isEmpty() || ports.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LockEntry(firewall.get(), device.get(), pool.get(), model.get(), protocols.get(),
                scope.get(), ports.get(), catalog.get(), f.node().location()));
    }

    private static <T> Optional<T> parse(ScalarNode s, Diagnostics diags, java.util.function.Function<String, T> parser) {
        try {
            return Optional.of(parser.apply(s.text().trim()));
        } catch (IllegalArgumentException e) {
            diags.error(s.location(), "lock entry: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The lock file's text: the same lock gives the same bytes. */
    public static String write(String site, Lock lock) {
        StringBuilder out = new StringBuilder();
        out.append("# portplan lock file: the ports each device of site ").append(site).append(" was given.\n");
        out.append("# 'portplan compile' keeps it up to date; commit it beside the site, so that edits to the\n");
        out.append("# site never move the ports of devices already deployed. See docs/repository.md.\n");
        out.append("lock-version: ").append(VERSION).append('\n');
        out.append("site: ").append(site).append('\n');
        if (lock.isEmpty()) {
            return out.append("allocations: []\n").toString();
        }
        out.append("allocations:\n");
        for (LockEntry e : lock.entries()) {
            out.append("  - {firewall: ").append(e.firewall())
                    .append(", scope: ").append(e.scope())
                    .append(", protocol: ").append(e.protocols())
                    .append(", ports: ").append(e.ports())
                    .append(", device: ").append(e.device())
                    .append(", pool: ").append(e.pool())
                    .append(", model: ").append(e.model())
                    .append(", catalog: \"").append(e.catalog().replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\"}\n");
        }
        return out.toString();
    }
}
