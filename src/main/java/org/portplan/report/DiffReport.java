package org.portplan.report;

import java.util.ArrayList;
import java.util.List;
import org.portplan.diff.DeviceChange;
import org.portplan.diff.FirewallDiff;
import org.portplan.diff.NatChange;
import org.portplan.diff.PlanDiff;
import org.portplan.diff.RuleChange;

/**
 * A semantic diff for review: per firewall what opens and closes (with the devices and catalog
 * entries behind it) and the outbound NAT that changes, then the devices to reconfigure, set up
 * or retire. Text for a terminal, Markdown for a pull-request comment, JSON for tools.
 */
public final class DiffReport {

    private DiffReport() {
    }

    public static String text(PlanDiff d) {
        StringBuilder out = new StringBuilder();
        out.append("portplan diff: ").append(d.before()).append(" -> ").append(d.after()).append('\n');
        if (d.isEmpty()) {
            return out.append("No changes: the same packets pass and every device keeps its ports.\n").toString();
        }
        for (FirewallDiff f : d.changed()) {
            out.append('\n').append("firewall ").append(f.name())
                    .append(f.status() == FirewallDiff.Status.KEPT ? "" : " (" + f.status().id() + ")").append('\n');
            for (RuleChange c : f.opened()) {
                rule(out, c, "  ");
            }
            for (RuleChange c : f.closed()) {
                rule(out, c, "  ");
            }
            for (NatChange n : f.nat()) {
                out.append("  ~ outbound NAT ").append(n.describe()).append('\n');
            }
        }
        devices(out, "devices to reconfigure", d.reconfigure());
        devices(out, "new devices to set up", d.added());
        devices(out, "devices removed", d.removed());
        return out.toString();
    }

    private static void rule(StringBuilder out, RuleChange c, String indent) {
        out.append(indent).append(c.change().sign()).append(' ').append(c.describe()).append('\n');
        for (String e : c.entries()) {
            out.append(indent).append("    ").append(e).append('\n');
        }
    }

    private static void devices(StringBuilder out, String heading, List<DeviceChange> devices) {
        if (devices.isEmpty()) {
            return;
        }
        out.append('\n').append(heading).append(":\n");
        for (DeviceChange d : devices) {
            out.append("  ").append(d.device()).append(" (").append(d.model()).append(") at ").append(d.address())
                    .append(", firewall ").append(d.firewall()).append('\n');
            for (DeviceChange.PoolChange p : d.pools()) {
                out.append("    ").append(p.pool()).append(": ").append(poolChange(p)).append('\n');
                for (String s : p.settings()) {
                    out.append("      set ").append(s).append('\n');
                }
            }
        }
    }

    private static String poolChange(DeviceChange.PoolChange p) {
        if (p.before() == null) {
            return p.after();
        }
        if (p.after() == null) {
            return p.before() + " (released)";
        }
        return p.before() + " -> " + p.after();
    }

    public static String markdown(PlanDiff d) {
        StringBuilder out = new StringBuilder();
        out.append("### portplan: ").append(md(d.after())).append("\n\n");
        if (d.isEmpty()) {
            return out.append("No changes: the same packets pass and every device keeps its ports.\n").toString();
        }
        for (FirewallDiff f : d.changed()) {
            out.append("#### Firewall `").append(f.name()).append('`')
                    .append(f.status() == FirewallDiff.Status.KEPT ? "" : " (" + f.status().id() + ")").append("\n\n");
            List<RuleChange> all = new ArrayList<>(f.opened());
            all.addAll(f.closed());
            if (!all.isEmpty()) {
                Table t = new Table("", "rule", "protocol", "ports", "from", "to", "devices and catalog entries");
                for (RuleChange c : all) {
                    String what = c.kind() == RuleChange.Kind.FORWARD ? "forward" : "permit " + c.from() + " → " + c.to();
                    String to = String.join(", ", c.destinations()) + (c.translatedTo() == null ? "" : " → " + c.translatedTo());
                    t.row(c.change() == RuleChange.Change.OPENED ? "**opened**" : "closed", what, c.protocol().id(),
                            md(String.join(", ", c.ports())) + (c.sourcePorts() == null ? "" : " (from port " + c.sourcePorts() + ")"),
                            md(String.join(", ", c.sources())), md(to), md(String.join("; ", c.entries())));
                }
                out.append(t.markdown()).append('\n');
            }
            if (!f.nat().isEmpty()) {
                out.append("Outbound NAT:\n\n");
                for (NatChange n : f.nat()) {
                    out.append("- ").append(md(n.describe())).append('\n');
                }
                out.append('\n');
            }
        }
        mdDevices(out, "Devices to reconfigure", d.reconfigure());
        mdDevices(out, "New devices to set up", d.added());
        mdDevices(out, "Devices removed", d.removed());
        return out.toString();
    }

    private static void mdDevices(StringBuilder out, String heading, List<DeviceChange> devices) {
        if (devices.isEmpty()) {
            return;
        }
        out.append("#### ").append(heading).append("\n\n");
        for (DeviceChange d : devices) {
            out.append("- **").append(md(d.device())).append("** (").append(md(d.model())).append(") at ")
                    .append(d.address()).append(", firewall `").append(d.firewall()).append("`\n");
            for (DeviceChange.PoolChange p : d.pools()) {
                out.append("  - ").append(md(p.pool())).append(": ").append(md(poolChange(p))).append('\n');
                for (String s : p.settings()) {
                    out.append("    - set ").append(md(s)).append('\n');
                }
            }
        }
        out.append('\n');
    }

    /** Keeps user-supplied text from being read as Markdown or breaking a table. */
    private static String md(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if ("\\`*_{}[]<()#+!|".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        return sb.toString();
    }

    public static String json(PlanDiff d) {
        List<String> firewalls = new ArrayList<>();
        for (FirewallDiff f : d.firewalls()) {
            List<String> changes = new ArrayList<>();
            List<RuleChange> all = new ArrayList<>(f.opened());
            all.addAll(f.closed());
            for (RuleChange c : all) {
                changes.add(Json.object(
                        "change", Json.string(c.change().name().toLowerCase(java.util.Locale.ROOT)),
                        "kind", Json.string(c.kind().id()),
                        "from-zone", Json.string(c.from()),
                        "to-zone", Json.string(c.to()),
                        "protocol", Json.string(c.protocol().id()),
                        "ports", Json.strings(c.ports()),
                        "source-ports", Json.string(c.sourcePorts()),
                        "sources", Json.strings(c.sources()),
                        "destinations", Json.strings(c.destinations()),
                        "translated-to", Json.string(c.translatedTo()),
                        "entries", Json.strings(c.entries())));
            }
            List<String> nat = new ArrayList<>();
            for (NatChange n : f.nat()) {
                nat.add(Json.object("addresses", Json.string(n.addresses()), "before", Json.string(n.before()),
                        "after", Json.string(n.after())));
            }
            firewalls.add("{\"name\": " + Json.string(f.name()) + ", \"status\": " + Json.string(f.status().id())
                    + ",\n      \"rules\": " + Json.lines(changes, "        ") + ",\n      \"nat\": " + Json.lines(nat, "        ") + "}");
        }
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"before\": ").append(Json.string(d.before())).append(",\n");
        out.append("  \"after\": ").append(Json.string(d.after())).append(",\n");
        out.append("  \"changed\": ").append(!d.isEmpty()).append(",\n");
        out.append("  \"firewalls\": ").append(Json.lines(firewalls, "    ")).append(",\n");
        out.append("  \"reconfigure\": ").append(Json.lines(jsonDevices(d.reconfigure()), "    ")).append(",\n");
        out.append("  \"added\": ").append(Json.lines(jsonDevices(d.added()), "    ")).append(",\n");
        out.append("  \"removed\": ").append(Json.lines(jsonDevices(d.removed()), "    ")).append('\n');
        return out.append("}\n").toString();
    }

    private static List<String> jsonDevices(List<DeviceChange> devices) {
        List<String> out = new ArrayList<>();
        for (DeviceChange d : devices) {
            List<String> pools = new ArrayList<>();
            for (DeviceChange.PoolChange p : d.pools()) {
                pools.add(Json.object("pool", Json.string(p.pool()), "before", Json.string(p.before()),
                        "after", Json.string(p.after()), "settings", Json.strings(p.settings())));
            }
            out.add(Json.object("device", Json.string(d.device()), "model", Json.string(d.model()),
                    "firewall", Json.string(d.firewall()), "address", Json.string(d.address()),
                    "pools", "[" + String.join(", ", pools) + "]"));
        }
        return out;
    }
}
