package org.portplan.oracle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.portplan.core.Platform;
import org.portplan.netns.Layout;
import org.portplan.netns.ProbeSet;
import org.portplan.netns.ProbeSet.Case;
import org.portplan.plan.DeviceSheet;
import org.portplan.rules.FirewallPlan;

/**
 * Checks one rule file with jtacl against the plan it came from, probe by probe: planned packets
 * pass (a forward's deciding pf rule redirects to the planned device), and every other probe of
 * the {@link ProbeSet} is stopped.
 */
record EngineCheck(int probes, int unplannedAdmitted, int plannedStopped, List<String> failures) {

    static EngineCheck run(Path dir, FirewallPlan fw, List<DeviceSheet> devices, Platform platform, String rules)
            throws Exception {
        Layout layout = Layout.of(fw, devices);
        ProbeSet set = ProbeSet.of(layout);
        List<Case> cases = set.cases();
        List<Jtacl.Verdict> verdicts = Jtacl.run(dir, fw, platform, rules, layout, cases);
        List<String> failures = new ArrayList<>();
        int admitted = 0;
        int stopped = 0;
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Jtacl.Verdict v = verdicts.get(i);
            String head = "firewall " + fw.name() + " (" + platform + "): " + c.what() + ": ";
            // jtacl applies no rdr-to and no static, so a packet for one of the firewall's own
            // addresses is judged where it enters; anything else must also leave by its route.
            boolean toFirewall = layout.isRouter(c.to());
            boolean passes = toFirewall ? v.inputAction().equals("ACCEPT") : v.crosses();
            if (c.expected() == null) {
                if (passes) {
                    admitted++;
                    failures.add(head + "must be dropped, but jtacl lets it through (" + v.describe() + ")");
                } else if (!toFirewall && v.global().startsWith("MAY")) {
                    failures.add(head + "must be dropped, but jtacl's verdict is ambiguous (" + v.describe() + ")");
                }
                continue;
            }
            if (!passes) {
                stopped++;
                failures.add(head + "must pass to " + layout.label(c.expected().address(), c.expected().port()) + " by "
                        + c.expected().by() + ", but jtacl stops it (" + v.describe() + ")");
                continue;
            }
            if (toFirewall && platform == Platform.PF) {
                String target = v.redirectTarget();
                if (!c.expected().address().toString().equals(target)) {
                    failures.add(head + "must be redirected to " + c.expected().address() + ", but the deciding rule "
                            + (target == null ? "redirects nowhere" : "redirects to " + target) + " (" + v.describe() + ")");
                }
            }
        }
        return new EngineCheck(cases.size(), admitted, stopped, failures);
    }

    String summary() {
        return probes + " probes, " + unplannedAdmitted + " unplanned admitted, " + plannedStopped + " planned stopped, "
                + failures.size() + " failures";
    }
}
