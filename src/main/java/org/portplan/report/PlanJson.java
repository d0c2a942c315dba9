package org.portplan.report;

import java.util.ArrayList;
import java.util.List;
import org.portplan.plan.Allocation;
import org.portplan.plan.DeviceSheet;
import org.portplan.rules.FirewallPlan;
import org.portplan.rules.Forward;
import org.portplan.rules.Permit;
import org.portplan.plan.Plan;
import org.portplan.plan.Reachable;

/**
 * The plan as JSON for CI and provisioning tools: allocations, forwards, flows, what anyone
 * reaches, and per device its NAT, warnings, settings, notes and the parties it talks to; one
 * object per line so that diffs of committed plans stay readable. Key order is fixed; see docs/ci.md.
 */
public final class PlanJson {

    private PlanJson() {
    }

    public static String write(Plan plan) {
        List<String> allocations = new ArrayList<>();
        List<String> forwards = new ArrayList<>();
        List<String> flows = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (Reachable r : plan.reachable()) {
            Forward f = r.forward();
            open.add(forward(f,
                    "entry", Json.string(f.trace().entry()),
                    "why", Json.string(r.why().id()),
                    "reason", Json.string(r.reason())));
        }
        for (FirewallPlan fw : plan.firewalls()) {
            for (Allocation a : plan.allocations().rows(fw.name())) {
                allocations.add(Json.object(
                        "firewall", Json.string(a.firewall()),
                        "device", Json.string(a.device()),
                        "model", Json.string(a.model()),
                        "pool", Json.string(a.pool()),
                        "protocol", Json.string(a.protocol().id()),
                        "first", Integer.toString(a.ports().first()),
                        "last", Integer.toString(a.ports().last()),
                        "public-address", Json.string(a.publicAddress() == null ? null : a.publicAddress().toString()),
                        "address", Json.string(a.deviceAddress().toString()),
                        "how", Json.string(a.kind().id())));
            }
            for (Forward f : fw.forwards()) {
                forwards.add(forward(f,
                        "to-address", Json.string(f.toAddress().toString()),
                        "to-first", Integer.toString(f.toPorts().first()),
                        "to-last", Integer.toString(f.toPorts().last()),
                        "sources", Json.strings(Addresses.list(f.sources())),
                        "entry", Json.string(f.trace().entry())));
            }
            for (Permit p : fw.permits()) {
                flows.add(Json.object(
                        "firewall", Json.string(p.firewall()),
                        "from-zone", Json.string(p.from().name()),
                        "to-zone", Json.string(p.to().name()),
                        "sources", Json.strings(Addresses.list(p.sources())),
                        "destinations", Json.strings(Addresses.list(p.destinations())),
                        "protocol", Json.string(p.protocol().id()),
                        "first", Integer.toString(p.ports() == null ? 1 : p.ports().first()),
                        "last", Integer.toString(p.ports() == null ? 65535 : p.ports().last()),
                        "purpose", Json.string(p.trace().purpose()),
                        "model", Json.string(p.model()),
                        "section", Json.string(p.trace().section()),
                        "document", Json.string(p.trace().document()),
                        "flow", Json.string(p.flow()),
                        "source-first", p.sourcePorts() == null ? "null" : Integer.toString(p.sourcePorts().first()),
                        "source-last", p.sourcePorts() == null ? "null" : Integer.toString(p.sourcePorts().last())));
            }
        }
        List<String> devices = new ArrayList<>();
        List<String> settings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> talks = new ArrayList<>();
        for (DeviceSheet d : plan.devices()) {
            devices.add(Json.object(
                    "device", Json.string(d.device()),
                    "model", Json.string(d.model()),
                    "firewall", Json.string(d.firewall()),
                    "zone", Json.string(d.zone()),
                    "address", Json.string(d.address().toString()),
                    "public-address", Json.string(d.publicAddress() == null ? null : d.publicAddress().toString()),
                    "nat", Json.string(d.nat().id()),
                    "warnings", Json.strings(d.warnings())));
            for (DeviceSheet.Setting st : d.settings()) {
                settings.add(Json.object(
                        "device", Json.string(d.device()),
                        "pool", Json.string(st.pool()),
                        "where", Json.string(st.where()),
                        "name", Json.string(st.name()),
                        "value", Json.string(st.value()),
                        "missing", Json.string(st.missing()),
                        "source", Json.string(st.source())));
            }
            d.advice().forEach(n -> notes.add(note(d, "advice", n)));
            d.notes().forEach(n -> notes.add(note(d, "note", n)));
            for (DeviceSheet.Counterpart c : d.talksTo()) {
                talks.add(Json.object(
                        "device", Json.string(d.device()),
                        "role", Json.string(c.role()),
                        "party", Json.string(c.name()),
                        "kind", Json.string(c.kind().id()),
                        "addresses", Json.strings(Addresses.list(c.addresses()))));
            }
        }
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"site\": ").append(Json.string(plan.site())).append(",\n");
        array(out, "allocations", allocations, false);
        array(out, "forwards", forwards, false);
        array(out, "flows", flows, false);
        array(out, "from-anywhere", open, false);
        array(out, "devices", devices, false);
        array(out, "settings", settings, false);
        array(out, "notes", notes, false);
        array(out, "talks-to", talks, true);
        return out.append("}\n").toString();
    }

    /** A forward's object: the keys that name it (shared by forwards and from-anywhere), then {@code more}. */
    private static String forward(Forward f, String... more) {
        String[] keys = {
                "firewall", Json.string(f.firewall()),
                "device", Json.string(f.device()),
                "protocol", Json.string(f.protocol().id()),
                "public-address", Json.string(f.publicAddress().toString()),
                "first", Integer.toString(f.publicPorts().first()),
                "last", Integer.toString(f.publicPorts().last())};
        String[] all = java.util.Arrays.copyOf(keys, keys.length + more.length);
        System.arraycopy(more, 0, all, keys.length, more.length);
        return Json.object(all);
    }

    private static String note(DeviceSheet d, String kind, DeviceSheet.Note n) {
        return Json.object(
                "device", Json.string(d.device()),
                "kind", Json.string(kind),
                "text", Json.string(n.text()),
                "source", Json.string(n.source()));
    }

    private static void array(StringBuilder out, String key, List<String> items, boolean last) {
        out.append("  ").append(Json.string(key)).append(": ").append(Json.lines(items, "    ")).append(last ? "\n" : ",\n");
    }
}
