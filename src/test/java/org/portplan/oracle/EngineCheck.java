package org.portplan.oracle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portplan.core.Platform;
import org.portplan.netns.Layout;
import org.portplan.netns.ProbeSet;
import org.portplan.netns.ProbeSet.Case;
import org.portplan.plan.DeviceSheet;
import org.portplan.rules.FirewallPlan;

/**
 * Checks one rule file with jtacl against the plan it came from, probe by probe: planned packets
 * pass (a forward's deciding pf rule redirects to the planned device; an ASA static translates
 * to it), and every other probe of the {@link ProbeSet} is stopped. For ASA, whose access lists
 * see the real (untranslated) destination, the file's statics ({@link AsaNat}) are applied to
 * each probe first; a packet sent from outside straight to a forwarded device's private address
 * and port then passes too, which ASA 8.3+ cannot tell apart (counted, not failed: see
 * docs/targets.md, ASA).
 */
record EngineCheck(int probes, int unplannedAdmitted, int plannedStopped, int asaPrivateAddressed, List<String> failures) {

    static EngineCheck run(Path dir, FirewallPlan fw, List<DeviceSheet> devices, Platform platform, String rules)
            throws Exception {
        Layout layout = Layout.of(fw, devices);
        ProbeSet set = ProbeSet.of(layout);
        List<Case> cases = set.cases();
        List<String> failures = new ArrayList<>();
        boolean asa = platform == Platform.ASA;
        List<Optional<AsaNat.Real>> translated = new ArrayList<>();
        List<Case> asked = cases;
        if (asa) {
            AsaNat nat = AsaNat.read(fw, rules);
            nat.problems().forEach(p -> failures.add("firewall " + fw.name() + " (asa): " + p));
            asked = new ArrayList<>();
            for (Case c : cases) {
                Optional<AsaNat.Real> r = layout.isRouter(c.to())
                        ? nat.untranslate(c.from().interfaceName(), c.protocol(), c.to(), c.port()) : Optional.empty();
                translated.add(r);
                asked.add(r.map(x -> new Case(c.token(), c.from(), c.protocol(), c.source(), c.sourcePort(), x.address(),
                        x.port(), c.expected(), c.what())).orElse(c));
            }
        }
        List<Jtacl.Verdict> verdicts = Jtacl.run(dir, fw, platform, rules, layout, asked);
        int admitted = 0;
        int stopped = 0;
        int privateAddressed = 0;
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Jtacl.Verdict v = verdicts.get(i);
            String head = "firewall " + fw.name() + " (" + platform + "): " + c.what() + ": ";
            // jtacl applies no rdr-to and no static, so a packet for one of the firewall's own
            // addresses is judged where it enters (pf, PIX), or after the file's static (ASA);
            // anything else must also leave by its route.
            boolean toFirewall = layout.isRouter(c.to());
            // Whether jtacl was asked about a packet crossing the firewall (not one it receives itself).
            boolean crossing = !toFirewall || asa && translated.get(i).isPresent();
            boolean passes;
            if (asa && toFirewall) {
                passes = crossing && v.crosses();
            } else {
                passes = toFirewall ? v.inputAction().equals("ACCEPT") : v.crosses();
            }
            if (c.expected() == null) {
                if (passes && asa && straightToForwardedDevice(fw, c)) {
                    privateAddressed++;
                } else if (passes) {
                    admitted++;
                    failures.add(head + "must be dropped, but jtacl lets it through (" + v.describe() + ")");
                } else if (crossing && v.global().startsWith("MAY")) {
                    failures.add(head + "must be dropped, but jtacl's verdict is ambiguous (" + v.describe() + ")");
                }
                continue;
            }
            if (!passes) {
                stopped++;
                failures.add(head + "must pass to " + layout.label(c.expected().address(), c.expected().port()) + " by "
                        + c.expected().by() + ", but " + (asa && toFirewall && translated.get(i).isEmpty()
                                ? "no static of the file translates it" : "jtacl stops it (" + v.describe() + ")"));
                continue;
            }
            if (toFirewall && platform == Platform.PF) {
                String target = v.redirectTarget();
                if (!c.expected().address().toString().equals(target)) {
                    failures.add(head + "must be redirected to " + c.expected().address() + ", but the deciding rule "
                            + (target == null ? "redirects nowhere" : "redirects to " + target) + " (" + v.describe() + ")");
                }
            }
            if (toFirewall && asa) {
                AsaNat.Real r = translated.get(i).orElseThrow();
                if (!r.address().equals(c.expected().address()) || r.port() != c.expected().port()) {
                    failures.add(head + "must be translated to " + c.expected().address() + ":" + c.expected().port()
                            + ", but object " + r.object() + " translates it to " + r.address() + ":" + r.port());
                }
            }
        }
        return new EngineCheck(cases.size(), admitted, stopped, privateAddressed, failures);
    }

    /**
     * A probe from outside to a forwarded device's private address and port, from a source the
     * forward allows: an ASA 8.3+ access list written against real addresses admits it, as it
     * admits the translated packets.
     */
    private static boolean straightToForwardedDevice(FirewallPlan fw, Case c) {
        return c.from().isOutside() && fw.forwards().stream().anyMatch(f -> f.from().equals(c.from())
                && f.protocol() == c.protocol() && f.toAddress().equals(c.to()) && f.toPorts().contains(c.port())
                && f.sources().contains(c.source()));
    }

    String summary() {
        return probes + " probes, " + unplannedAdmitted + " unplanned admitted, " + plannedStopped + " planned stopped, "
                + failures.size() + " failures"
                + (asaPrivateAddressed > 0 ? ", " + asaPrivateAddressed + " sent straight to a forwarded private address"
                        + " pass (ASA access lists see real addresses)" : "");
    }
}
