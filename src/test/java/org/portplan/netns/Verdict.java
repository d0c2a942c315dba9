package org.portplan.netns;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.portplan.netns.Lab.Received;
import org.portplan.netns.Lab.Sent;
import org.portplan.netns.ProbeSet.Arrival;
import org.portplan.netns.ProbeSet.Case;
import org.portplan.rules.FirewallPlan;

/** Compares what the probes of one run did with what the plan says they must do, one message per broken promise. */
final class Verdict {

    private Verdict() {
    }

    static List<String> check(String where, Layout layout, ProbeSet set, Lab.Observed seen) {
        List<String> failures = new ArrayList<>();
        for (Case c : set.cases()) {
            List<Received> got = seen.received().getOrDefault(c.token(), List.of());
            Sent sent = seen.sent().get(c.token());
            String head = where + ": " + c.what() + ": ";
            if (sent == null || sent.outcome().startsWith("bindfail")) {
                // e.g. the sender could not bind its address: the test network, not the rules, is wrong.
                failures.add(head + "the probe could not be sent (" + (sent == null ? "no report" : sent.outcome()) + ")");
                continue;
            }
            Arrival e = c.expected();
            if (e == null) {
                if (!got.isEmpty()) {
                    failures.add(head + "must not arrive anywhere, but arrived at " + describe(layout, got));
                }
                continue;
            }
            String target = layout.label(e.address(), e.port()) + " by " + e.by();
            List<Received> there = got.stream()
                    .filter(g -> g.local().equals(e.address()) && g.localPort() == e.port()).toList();
            List<Received> elsewhere = got.stream().filter(g -> !there.contains(g)).toList();
            if (there.isEmpty()) {
                failures.add(head + "must arrive at " + target + ", but "
                        + (elsewhere.isEmpty() ? "arrived nowhere" : "arrived at " + describe(layout, elsewhere))
                        + " (sender: " + sent.outcome() + ")");
                continue;
            }
            if (!elsewhere.isEmpty()) {
                failures.add(head + "must arrive only at " + target + ", but also arrived at "
                        + describe(layout, elsewhere));
            }
            for (Received g : there) {
                if (!g.source().equals(e.source())) {
                    failures.add(head + "arrived at " + target + " from " + layout.label(g.source())
                            + ", but must come from " + layout.label(e.source()) + " (" + e.sourceWhy() + ")");
                }
                if (sent.port() != 0 && g.sourcePort() != sent.port()) {
                    failures.add(head + "arrived at " + target + " from source port " + g.sourcePort()
                            + ", but was sent from port " + sent.port() + " (NAT must keep source ports)");
                }
            }
        }
        return failures;
    }

    /**
     * Protocol helpers: no connection the router tracks may carry one (the rule files promise to
     * attach none). The probes leave entries for every forward, so an empty table means the
     * check saw nothing and is itself a failure.
     */
    static List<String> helpers(String where, FirewallPlan fw, String conntrack) {
        List<String> failures = new ArrayList<>();
        List<String> entries = conntrack.lines().filter(l -> !l.isBlank()).toList();
        if (entries.isEmpty() && !fw.forwards().isEmpty()) {
            failures.add(where + ": the router tracked no connection at all, so the helper check saw nothing");
        }
        for (String e : entries) {
            if (e.contains("helper=")) {
                failures.add(where + ": a protocol helper is attached to a connection: " + e.strip());
            }
        }
        return failures;
    }

    /** How many probes the plan does not allow arrived somewhere: the packets the rules let through unplanned. */
    static long unplannedAdmitted(ProbeSet set, Lab.Observed seen) {
        return set.cases().stream().filter(c -> c.expected() == null)
                .filter(c -> !seen.received().getOrDefault(c.token(), List.of()).isEmpty()).count();
    }

    private static String describe(Layout layout, List<Received> got) {
        return got.stream().map(g -> g.protocol() + " " + layout.label(g.local(), g.localPort()) + " from "
                + layout.label(g.source())).collect(Collectors.joining(", "));
    }
}
