package org.portplan.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.portplan.Sites;
import org.portplan.core.AddressSet;
import org.portplan.core.Cidr;
import org.portplan.core.Ipv4;
import org.portplan.core.Platform;
import org.portplan.diag.Diagnostic;
import org.portplan.engine.Outputs;
import org.portplan.rules.FirewallPlan;
import org.portplan.rules.Forward;
import org.portplan.rules.Permit;
import org.portplan.rules.SourceNat;
import org.portplan.rules.Zone;

/**
 * What an ASA 8.3+ does with the file beyond what jtacl models (jtacl reads the access lists and
 * groups; {@code oracle.EngineCheck} applies the statics to its probes). Names: every object and
 * group is declared once, before it is used, with a name ASA accepts, and every group is used.
 * Objects: each holds one address and one NAT rule; the outside interface's address is written
 * 'interface'; every planned device's outbound translation is there. NAT exemption: every flow
 * between two inside zones is covered by an identity twice NAT rule. Removal: the commented
 * removal commands take out every list, rule, group and object the file creates. And the
 * access lists and inspection are what PIX has ({@link PixConfigTest}).
 */
class AsaConfigTest {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern OBJECT = Pattern.compile("^object network (\\S+)$");
    private static final Pattern GROUP = Pattern.compile("^object-group (network|service) (\\S+)(?: (tcp|udp))?$");
    private static final Pattern MEMBER = Pattern.compile("^ network-object (?:host (\\S+)|(\\S+) (\\S+))$");
    private static final Pattern USE = Pattern.compile("object-group (\\S+)");
    private static final Pattern TWICE = Pattern.compile(
            "^nat \\(([^,]+),([^)]+)\\) source static (\\S+) (\\S+) destination static (\\S+) (\\S+) no-proxy-arp$");
    private static final Pattern NAT = Pattern.compile("^ nat \\(([^,]+),([^)]+)\\) (static|dynamic) (\\S+)(.*)$");
    private static final Pattern ADDRESS = Pattern.compile("^ (?:host (\\S+)|range (\\S+) (\\S+)|subnet (\\S+) (\\S+))$");

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.portplan.Sites#all")
    void accessListsAndInspectionAreThoseOfPix(String site) throws Exception {
        Outputs o = Sites.compile(site, Platform.ASA);
        for (FirewallPlan fw : o.plan().firewalls()) {
            PixConfigTest.listsEndInDenyAndInspectionIsOff(fw, o.files().get(fw.name() + "." + Platform.ASA.id()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.portplan.Sites#all")
    void namesObjectsTranslationsExemptionsAndRemovalFollowAsaRules(String site) throws Exception {
        assertThat(Sites.problems(site, Platform.ASA, AsaConfigTest::problems)).as("ASA problems in %s", site).isEmpty();
    }

    /** The checks can fail: each of these edits of a good file breaks one ASA rule. */
    @Test
    void brokenFilesAreCaught() throws Exception {
        Outputs o = Sites.compile("examples/equinox-video/site.yaml", Platform.ASA);
        FirewallPlan fw = o.plan().firewalls().get(0);
        String text = o.files().get("video-fw.asa");
        assertThat(problems(fw, text)).isEmpty();
        Map<String, String[]> edits = new LinkedHashMap<>();
        edits.put("a group used before it is declared", new String[] {"object-group network pp-hosts-1\n network-object host 10.40.0.10\n", ""});
        edits.put("an exemption missing", new String[] {"nat (eth1,eth2) source static pp-hosts-4 pp-hosts-4", "! gone"});
        edits.put("the interface's address written out", new String[] {"nat (eth1,eth0) dynamic interface", "nat (eth1,eth0) dynamic 203.0.113.2"});
        edits.put("a device's outbound NAT missing", new String[] {" nat (eth2,eth0) static 203.0.113.4\n", "\n"});
        edits.put("a removal line missing", new String[] {"! undo: no object network pp-10.41.0.20\n", ""});
        for (Map.Entry<String, String[]> e : edits.entrySet()) {
            String broken = text.replace(e.getValue()[0], e.getValue()[1]);
            assertThat(broken).as("edit '%s' applies", e.getKey()).isNotEqualTo(text);
            assertThat(problems(fw, broken)).as("problems found with %s", e.getKey()).isNotEmpty();
        }
    }

    /** The document's command extracts exactly the removal commands, from every file (run by sh as written). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.portplan.Sites#all")
    void theDocumentsRecipeExtractsTheRemovalCommands(String site, @TempDir java.nio.file.Path dir) throws Exception {
        Outputs o = Sites.compile(site, Platform.ASA);
        for (FirewallPlan fw : o.plan().firewalls()) {
            String text = o.files().get(fw.name() + "." + Platform.ASA.id());
            assertThat(PixConfigTest.extract(dir, "asa-remove", "old/edge.asa", text)).as("%s: what the recipe extracts", fw.name())
                    .isNotEmpty().isEqualTo(PixConfigTest.undo(text));
        }
    }

    /** Ranges behind a shared address become one object per port, and compile says how many. */
    @Test
    void eachForwardedPortIsAnObjectAndTheWarningCountsThem() throws Exception {
        var r = org.portplan.engine.Engine.compile(org.portplan.TestSupport.catalog(),
                org.portplan.TestSupport.repo().resolve("examples/net2phone-pix/site.yaml"), java.util.Set.of(Platform.ASA));
        Outputs o = r.value().orElseThrow();
        List<Forward> forwards = o.plan().firewalls().get(0).forwards();
        List<Forward> ranges = forwards.stream().filter(f -> f.publicPorts().size() > 1).toList();
        int rangePorts = ranges.stream().mapToInt(f -> f.publicPorts().size()).sum();
        assertThat(ranges).as("the example forwards port ranges behind its shared address").isNotEmpty();
        String text = o.files().get("pix1.asa");
        long perPort = text.lines().filter(l -> l.matches("^object network pp-[0-9.]+-(udp|tcp)-\\d+$")).count();
        assertThat(perPort).isEqualTo(forwards.stream().mapToInt(f -> f.publicPorts().size()).sum());
        Forward first = ranges.get(0);
        assertThat(text).contains("! An ASA object NAT rule takes one service port: " + first.publicPorts() + " becomes "
                + first.publicPorts().size() + " objects");
        assertThat(r.diagnostics().sorted().stream().map(Diagnostic::format)).anyMatch(m -> m.contains(
                "firewall 'pix1' (asa): an ASA object NAT rule takes one service port, so " + ranges.size()
                        + " forwarded port ranges became " + rangePorts + " network objects"));
    }

    static List<String> problems(FirewallPlan fw, String text) {
        List<String> out = new ArrayList<>();
        List<String> lines = text.lines().toList();
        Map<String, Integer> declaredAt = new HashMap<>();
        Map<String, List<Cidr>> networks = new HashMap<>();
        Map<String, List<String>> objects = new LinkedHashMap<>();
        Map<String, Integer> uses = new HashMap<>();
        String object = null;
        String group = null;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            Matcher o = OBJECT.matcher(l);
            Matcher g = GROUP.matcher(l);
            if (o.matches() || g.matches()) {
                String name = o.matches() ? o.group(1) : g.group(2);
                if (!NAME.matcher(name).matches()) {
                    out.add(fw.name() + ": '" + name + "' is no name ASA accepts (64 characters of letters, digits, '.', '_', '-')");
                }
                if (declaredAt.putIfAbsent(name, i) != null) {
                    out.add(fw.name() + ": '" + name + "' is declared twice");
                }
                object = o.matches() ? name : null;
                group = g.matches() && g.group(1).equals("network") ? name : null;
                if (object != null) {
                    objects.put(object, new ArrayList<>());
                }
                if (group != null) {
                    networks.put(group, new ArrayList<>());
                }
                continue;
            }
            if (!l.startsWith(" ")) {
                object = null;
                group = null;
            }
            if (object != null) {
                objects.get(object).add(l);
            }
            Matcher m = MEMBER.matcher(l);
            if (group != null && m.matches()) {
                networks.get(group).add(m.group(1) != null ? Cidr.host(Ipv4.parse(m.group(1)))
                        : Cidr.parse(m.group(2) + "/" + Long.bitCount(Ipv4.parse(m.group(3)).value())));
            }
            List<String> used = new ArrayList<>();
            if (l.startsWith("access-list ")) {
                Matcher u = USE.matcher(l);
                while (u.find()) {
                    used.add(u.group(1));
                }
            }
            Matcher t = TWICE.matcher(l);
            if (t.matches()) {
                used.addAll(List.of(t.group(3), t.group(4), t.group(5), t.group(6)));
                if (!t.group(3).equals(t.group(4)) || !t.group(5).equals(t.group(6))) {
                    out.add(fw.name() + ": twice NAT that is no identity: " + l);
                }
            }
            for (String u : used) {
                uses.merge(u, 1, Integer::sum);
                Integer at = declaredAt.get(u);
                if (at == null || at > i) {
                    out.add(fw.name() + ": line " + (i + 1) + " uses '" + u + "' before it is declared: " + l);
                }
            }
        }
        declaredAt.keySet().stream().filter(n -> !objects.containsKey(n) && !uses.containsKey(n)).sorted()
                .forEach(n -> out.add(fw.name() + ": group '" + n + "' is declared but never used"));
        objectsAndTranslations(out, fw, objects);
        exemptions(out, fw, lines, networks);
        removal(out, fw, lines, objects.keySet(), declaredAt.keySet());
        return out;
    }

    /** Each object: one address, one NAT rule; no mapped interface address written out; every outbound NAT there. */
    private static void objectsAndTranslations(List<String> out, FirewallPlan fw, Map<String, List<String>> objects) {
        Map<String, Zone> byNameif = new HashMap<>();
        fw.zones().forEach(z -> byNameif.put(z.interfaceName(), z));
        List<String[]> nats = new ArrayList<>();
        objects.forEach((name, body) -> {
            List<String> addresses = body.stream().filter(b -> ADDRESS.matcher(b).matches()).toList();
            List<String> rules = body.stream().filter(b -> NAT.matcher(b).matches()).toList();
            if (addresses.size() != 1 || rules.size() != 1 || body.size() != 2) {
                out.add(fw.name() + ": object " + name + " must hold one address and one NAT rule, not " + body);
                return;
            }
            Matcher n = NAT.matcher(rules.get(0));
            n.matches();
            Zone mapped = byNameif.get(n.group(2));
            if (mapped == null || !byNameif.containsKey(n.group(1))) {
                out.add(fw.name() + ": object " + name + " translates between unknown interfaces: " + rules.get(0));
                return;
            }
            if (n.group(4).equals(mapped.subnet().address().toString())) {
                out.add(fw.name() + ": object " + name + " maps onto " + n.group(2) + "'s own address instead of 'interface'");
            }
            nats.add(new String[] {addresses.get(0).strip(), n.group(1), n.group(2), n.group(3),
                    n.group(4).equals("interface") ? mapped.subnet().address().toString() : n.group(4), n.group(5)});
        });
        for (SourceNat s : fw.sourceNats()) {
            boolean found = nats.stream().anyMatch(n -> n[1].equals(s.from().interfaceName()) && n[2].equals(s.to().interfaceName())
                    && n[4].equals(s.publicAddress().toString()) && n[5].isEmpty() && covers(n[0], s.first(), s.last()));
            if (!found) {
                out.add(fw.name() + ": no object translates " + s.first() + "-" + s.last() + " to " + s.publicAddress()
                        + " on the way out (" + s.trace().devices() + ")");
            }
        }
    }

    private static boolean covers(String address, Ipv4 first, Ipv4 last) {
        Matcher a = ADDRESS.matcher(" " + address);
        a.matches();
        if (a.group(1) != null) {
            return first.equals(last) && first.equals(Ipv4.parse(a.group(1)));
        }
        if (a.group(2) != null) {
            return Ipv4.parse(a.group(2)).compareTo(first) <= 0 && last.compareTo(Ipv4.parse(a.group(3))) <= 0;
        }
        Cidr c = Cidr.parse(a.group(4) + "/" + Long.bitCount(Ipv4.parse(a.group(5)).value()));
        return c.contains(first) && c.contains(last);
    }

    /** Every flow between two inside zones has an identity twice NAT covering its hosts, in either direction. */
    private static void exemptions(List<String> out, FirewallPlan fw, List<String> lines, Map<String, List<Cidr>> networks) {
        List<Matcher> rules = lines.stream().map(TWICE::matcher).filter(Matcher::matches).toList();
        for (Permit p : fw.permits()) {
            if (p.from().isOutside() || p.to().isOutside()) {
                continue;
            }
            List<Cidr> src = cidrs(p.sources(), p.from());
            List<Cidr> dst = cidrs(p.destinations(), p.to());
            boolean covered = rules.stream().anyMatch(r -> {
                boolean forward = r.group(1).equals(p.from().interfaceName()) && r.group(2).equals(p.to().interfaceName())
                        && within(src, networks.get(r.group(3))) && within(dst, networks.get(r.group(5)));
                boolean reverse = r.group(1).equals(p.to().interfaceName()) && r.group(2).equals(p.from().interfaceName())
                        && within(dst, networks.get(r.group(3))) && within(src, networks.get(r.group(5)));
                return forward || reverse;
            });
            if (!covered) {
                out.add(fw.name() + ": flow " + p.flow() + " " + p.from().name() + "->" + p.to().name()
                        + " has no identity twice NAT keeping its addresses");
            }
        }
    }

    private static List<Cidr> cidrs(AddressSet set, Zone z) {
        return set.isAny() ? List.of(new Cidr(z.subnet().network(), z.subnet().prefix())) : set.cidrs();
    }

    private static boolean within(List<Cidr> inner, List<Cidr> outer) {
        return outer != null && AddressSet.Run.covers(AddressSet.Run.of(outer), AddressSet.Run.of(inner));
    }

    /** The commented removal commands name every list, twice NAT rule, group and object of the file. */
    private static void removal(List<String> out, FirewallPlan fw, List<String> lines, java.util.Set<String> objects,
                                java.util.Set<String> declared) {
        List<String> undo = lines.stream().filter(l -> l.startsWith("! undo: ")).map(l -> l.substring(8)).toList();
        for (Zone z : fw.zones()) {
            String acl = z.interfaceName() + "_access_in";
            require(out, fw, undo, "no access-group " + acl + " in interface " + z.interfaceName());
            require(out, fw, undo, "clear configure access-list " + acl);
        }
        lines.stream().filter(l -> TWICE.matcher(l).matches()).forEach(l -> require(out, fw, undo, "no " + l));
        for (String d : declared) {
            if (objects.contains(d)) {
                require(out, fw, undo, "no object network " + d);
            } else {
                boolean network = lines.stream().anyMatch(l -> l.equals("object-group network " + d));
                require(out, fw, undo, "no object-group " + (network ? "network " : "service ") + d);
            }
        }
        int lastGroupRemoval = -1;
        int firstObjectRemoval = Integer.MAX_VALUE;
        for (int i = 0; i < undo.size(); i++) {
            if (undo.get(i).startsWith("no object-group ")) {
                lastGroupRemoval = i;
            }
            if (undo.get(i).startsWith("no object network ")) {
                firstObjectRemoval = Math.min(firstObjectRemoval, i);
            }
            if (undo.get(i).startsWith("clear configure access-list ") && lastGroupRemoval >= 0) {
                out.add(fw.name() + ": the removal clears an access list after removing a group it uses");
            }
        }
        if (lastGroupRemoval > firstObjectRemoval) {
            out.add(fw.name() + ": the removal takes out objects before the groups");
        }
    }

    private static void require(List<String> out, FirewallPlan fw, List<String> undo, String command) {
        if (!undo.contains(command)) {
            out.add(fw.name() + ": the removal commands lack '" + command + "'");
        }
    }
}
