package org.portplan.report;

import java.util.List;
import org.portplan.catalog.Catalog;
import org.portplan.catalog.Citation;
import org.portplan.catalog.DeviceModel;
import org.portplan.catalog.Document;
import org.portplan.catalog.Feature;
import org.portplan.catalog.Flow;
import org.portplan.catalog.Instruction;
import org.portplan.catalog.Param;
import org.portplan.catalog.Pool;
import org.portplan.catalog.PoolKind;
import org.portplan.catalog.PortSpec;
import org.portplan.catalog.Role;
import org.portplan.catalog.Setting;
import org.portplan.catalog.SizeExpr;

/** {@code portplan catalog list} and {@code catalog show}: the catalog as readable text. */
public final class CatalogReport {

    private CatalogReport() {
    }

    public static String list(Catalog catalog) {
        StringBuilder out = new StringBuilder("MODELS\n");
        Table models = new Table("model", "vendor", "title");
        for (DeviceModel m : catalog.models().values()) {
            models.row(m.id(), m.vendor(), m.title());
        }
        out.append(models.text("  ")).append('\n');
        out.append("PEER ROLES (for 'peers:'; device models' ids are roles too)\n");
        Table roles = new Table("role", "when undeclared", "title");
        for (Role r : catalog.roles().values()) {
            roles.row(r.id(), r.whenUndeclared().id() + (r.management() ? ", management" : ""), r.title());
        }
        out.append(roles.text("  ")).append('\n');
        out.append("FEATURES (for 'features:')\n");
        Table features = new Table("feature", "description");
        for (Feature f : catalog.features().values()) {
            features.row(f.id(), f.description());
        }
        out.append(features.isEmpty() ? "  none\n" : features.text("  ")).append('\n');
        out.append("DOCUMENTS\n");
        Table docs = new Table("document", "title");
        for (Document d : catalog.documents().values()) {
            docs.row(d.id(), d.title());
        }
        out.append(docs.text("  "));
        return out.toString();
    }

    public static String show(Catalog catalog, DeviceModel m) {
        StringBuilder out = new StringBuilder();
        out.append(m.id()).append(": ").append(m.title()).append('\n');
        out.append("  vendor: ").append(m.vendor()).append('\n');
        out.append("  roles: ").append(String.join(", ", m.roles())).append('\n');
        out.append("  source: ").append(cite(m.source())).append('\n');
        if (m.sipAlg() != null) {
            out.append("  firewall SIP ALG: ").append(m.sipAlg().wants().id()).append(", ").append(cite(m.sipAlg().source()))
                    .append('\n');
        }
        if (!m.params().isEmpty()) {
            out.append("\nPARAMS\n");
            for (Param p : m.params().values()) {
                out.append("  ").append(p.name()).append(": ").append(p.description()).append('\n');
                out.append("    ").append(p.isChoice() ? "one of " + String.join(", ", p.choices()) : p.min() + " to " + p.max())
                        .append(p.defaultValue() == null ? ", no default" : ", default " + p.defaultValue()).append('\n');
                if (p.source() != null) {
                    out.append("    source: ").append(cite(p.source())).append('\n');
                }
            }
        }
        out.append("\nPORTS\n");
        for (Pool p : m.pools()) {
            out.append("  ").append(p.name()).append(": ").append(String.join("/", p.protocolList().stream().map(Object::toString).toList()))
                    .append(' ').append(describe(p.kind())).append('\n');
            out.append("    ").append(p.purpose()).append('\n');
            for (Setting s : p.settings()) {
                out.append("    setting").append(s.variants().isEmpty() ? "" : " (" + String.join(", ", s.variants()) + ")")
                        .append(when(s.when())).append(": ").append(setting(s)).append('\n');
            }
            out.append("    source: ").append(cite(p.source())).append('\n');
        }
        if (!m.settings().isEmpty()) {
            out.append("\nSETTINGS\n");
            for (Setting s : m.settings()) {
                out.append("  ").append(setting(s)).append(when(s.when())).append("\n    source: ").append(cite(s.source()))
                        .append('\n');
            }
        }
        StringBuilder flows = new StringBuilder();
        for (Flow f : catalog.flows().values()) {
            boolean to = m.roles().contains(f.to());
            boolean from = m.roles().contains(f.from());
            if (!to && !from) {
                continue;
            }
            flows.append("  ").append(f.id()).append(" (").append(f.requirement().id())
                    .append(f.when() == null ? "" : " when " + f.when())
                    .append(f.neverFromOutside() ? ", never from outside" : "")
                    .append(f.whenUndeclared() == null ? "" : ", when undeclared: " + f.whenUndeclared().id()).append(")\n");
            flows.append("    ").append(f.from()).append(scope(f.fromZone())).append(" -> ").append(f.to())
                    .append(scope(f.toZone())).append(": ")
                    .append(String.join(", ", f.ports().stream().map(PortSpec::text).toList()));
            if (!f.fromPorts().isEmpty()) {
                flows.append(" (from ").append(String.join(", ", f.fromPorts().stream().map(PortSpec::text).toList())).append(')');
            }
            flows.append('\n');
            flows.append("    ").append(f.purpose()).append('\n');
            flows.append("    source: ").append(cite(f.source())).append('\n');
        }
        if (flows.length() > 0) {
            out.append("\nFLOWS\n").append(flows);
        }
        List<Instruction> instructions = m.instructions();
        if (!instructions.isEmpty()) {
            out.append("\nNOTES\n");
            for (Instruction i : instructions) {
                out.append("  ").append(i.kind() == Instruction.Kind.ADVICE ? "advice: " : "").append(i.text())
                        .append(when(i.when())).append("\n    source: ").append(cite(i.source())).append('\n');
            }
        }
        return out.toString();
    }

    /** "where: name = value", or "name = value" when the document gives no menu path. */
    private static String setting(Setting s) {
        return (s.where() == null ? "" : s.where() + ": ") + s.name() + " = " + s.value();
    }

    private static String when(List<String> when) {
        return when.isEmpty() ? "" : " (when " + String.join(" or ", when) + ")";
    }

    private static String describe(PoolKind k) {
        if (k instanceof PoolKind.Fixed f) {
            return f.ports() + " (fixed)";
        }
        if (k instanceof PoolKind.PerAddress pa) {
            return pa.ports() + " (fixed, forwarded once per public address: group " + pa.group() + ")";
        }
        PoolKind.Allocatable a = (PoolKind.Allocatable) k;
        StringBuilder sb = new StringBuilder();
        if (a.selector() == null) {
            sb.append(a.window().defaultRange()).append(" (allocatable within ").append(a.window().bounds());
        } else {
            sb.append("by ").append(a.selector()).append(": ");
            a.windows().forEach((c, w) -> sb.append(c).append(" -> ").append(w.defaultRange()).append(" within ")
                    .append(w.bounds()).append("; "));
            sb.setLength(sb.length() - 2);
            sb.append(" (allocatable");
        }
        if (!a.sizes().isEmpty()) {
            sb.append(", size ").append(String.join(" or else ", a.sizes().stream().map(SizeExpr::text).toList()));
        }
        if (a.align() > 1) {
            sb.append(", starts on a multiple of ").append(a.align());
        }
        return sb.append(')').toString();
    }

    private static String cite(Citation c) {
        return c.shortForm() + (c.note() == null ? "" : " (" + c.note() + ")");
    }

    private static String scope(org.portplan.catalog.ZoneScope z) {
        return z == org.portplan.catalog.ZoneScope.ANY ? "" : " (" + z.id() + ")";
    }
}
