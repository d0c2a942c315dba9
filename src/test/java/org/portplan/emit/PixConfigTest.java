package org.portplan.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.portplan.DocSnippets;
import org.portplan.Sites;
import org.portplan.core.AddressSet;
import org.portplan.core.Cidr;
import org.portplan.core.Ipv4;
import org.portplan.core.Platform;
import org.portplan.engine.Outputs;
import org.portplan.rules.FirewallPlan;
import org.portplan.rules.Permit;
import org.portplan.rules.Zone;

/**
 * What a PIX 7 does with the file beyond what jtacl models. Address translation: statics on an
 * interface's own address use the {@code interface} keyword, and every flow between two inside
 * zones has a translation on the way out of each side whose hosts a {@code nat (if) N} covers
 * (without one, the PIX drops the flow although the access list permits it). Access lists: every
 * interface has one, bound to it and ending in an explicit deny. Inspection: SIP and H.323 are
 * set deliberately. Removal: the commented removal commands at the end, applied to what the file
 * configured, remove every command once, nothing else, and never a list still in use.
 */
class PixConfigTest {

    private static final Pattern STATIC = Pattern.compile("(?m)^static \\(([^,]+),([^)]+)\\) (?:(?:tcp|udp) )?(\\S+) ");
    private static final Pattern NAT = Pattern.compile("(?m)^nat \\(([^)]+)\\) ([1-9]\\d*) ([0-9.]+) ([0-9.]+)$");
    private static final Pattern NAT0 = Pattern.compile("(?m)^nat \\(([^)]+)\\) 0 access-list (\\S+)$");
    private static final Pattern GLOBAL = Pattern.compile("(?m)^global \\(([^)]+)\\) (\\d+) ");
    private static final Pattern EXEMPT = Pattern.compile(
            "(?m)^access-list (\\S+) extended permit ip (host \\S+|any|\\S+ \\S+) (host \\S+|any|\\S+ \\S+)$");


    @ParameterizedTest(name = "{0}")
    @MethodSource("org.portplan.Sites#all")
    void translationsFollowPix7Rules(String site) throws Exception {
        assertThat(Sites.problems(site, Platform.PIX, PixConfigTest::problems))
                .as("PIX translation problems in %s", site).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.portplan.Sites#all")
    void everyInterfaceHasAListEndingInDenyAndInspectionIsExplicit(String site) throws Exception {
        Outputs o = Sites.compile(site, Platform.PIX);
        for (FirewallPlan fw : o.plan().firewalls()) {
            listsEndInDenyAndInspectionIsOff(fw, o.files().get(fw.name() + "." + Platform.PIX.id()));
        }
    }

    /** Every zone's interface has its list, bound to it and ending in an explicit deny; SIP and H.323 inspection is off. */
    static void listsEndInDenyAndInspectionIsOff(FirewallPlan fw, String text) {
        List<String> lines = text.lines().toList();
        for (Zone z : fw.zones()) {
            String acl = z.interfaceName() + "_access_in";
            int group = lines.indexOf("access-group " + acl + " in interface " + z.interfaceName());
            assertThat(group).as("%s: access-group for zone %s", fw.name(), z.name()).isGreaterThan(0);
            List<String> entries = lines.stream().filter(l -> l.startsWith("access-list " + acl + " extended ")).toList();
            assertThat(entries).as("%s: entries of %s", fw.name(), acl).isNotEmpty();
            assertThat(entries.get(entries.size() - 1)).as("%s: last entry of %s", fw.name(), acl)
                    .isEqualTo("access-list " + acl + " extended deny ip any any");
        }
        assertThat(text).as("%s: inspection policy", fw.name())
                .contains("policy-map global_policy\n class inspection_default\n  no inspect sip\n"
                        + "  no inspect h323 h225\n  no inspect h323 ras\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.portplan.Sites#all")
    void theRemovalCommandsTakeOutEverythingTheFileConfigures(String site) throws Exception {
        assertThat(Sites.problems(site, Platform.PIX, (fw, text) -> removalProblems(fw.name(), text)))
                .as("PIX removal problems in %s", site).isEmpty();
    }

    /** The document's command extracts exactly the removal commands, from every file (run by sh as written). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.portplan.Sites#all")
    void theDocumentsRecipeExtractsTheRemovalCommands(String site, @TempDir Path dir) throws Exception {
        Outputs o = Sites.compile(site, Platform.PIX);
        for (FirewallPlan fw : o.plan().firewalls()) {
            String text = o.files().get(fw.name() + "." + Platform.PIX.id());
            assertThat(extract(dir, "pix-remove", "old/edge.pix", text)).as("%s: what the recipe extracts", fw.name())
                    .isNotEmpty().isEqualTo(undo(text));
        }
    }

    /** Runs the document's extraction command {@code block} on {@code text}, saved as {@code file}; returns remove.txt's lines. */
    static List<String> extract(Path dir, String block, String file, String text) throws Exception {
        Files.createDirectories(dir.resolve(file).getParent());
        Files.writeString(dir.resolve(file), text, StandardCharsets.US_ASCII);
        Files.deleteIfExists(dir.resolve("remove.txt"));
        Process p = new ProcessBuilder("/bin/sh", "-e", "-c", DocSnippets.get("docs/targets.md", block))
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("%s: %s", block, output).isZero();
        return Files.readAllLines(dir.resolve("remove.txt"), StandardCharsets.US_ASCII);
    }

    /** The commented removal commands of a file, without their prefix. */
    static List<String> undo(String text) {
        return text.lines().filter(l -> l.startsWith("! undo: ")).map(l -> l.substring("! undo: ".length())).toList();
    }

    /** The removal check can fail: each of these edits of a good file breaks it. */
    @Test
    void brokenRemovalsAreCaught() throws Exception {
        String text = Sites.compile("examples/equinox-video/site.yaml", Platform.PIX).files().get("video-fw.pix");
        assertThat(removalProblems("video-fw", text)).isEmpty();
        Map<String, String[]> edits = new LinkedHashMap<>();
        edits.put("a static without its removal", new String[] {"! undo: no static ", "! removed: no static "});
        edits.put("a list cleared while still bound", new String[] {
            "! undo: no access-group eth0_access_in in interface eth0\n! undo: clear configure access-list eth0_access_in\n",
            "! undo: clear configure access-list eth0_access_in\n! undo: no access-group eth0_access_in in interface eth0\n"});
        edits.put("a NAT exemption list cleared while nat 0 uses it", new String[] {
            "! undo: no nat (eth1) 0 access-list eth1_nat0\n! undo: clear configure access-list eth1_nat0\n",
            "! undo: clear configure access-list eth1_nat0\n! undo: no nat (eth1) 0 access-list eth1_nat0\n"});
        edits.put("a removal of something never written", new String[] {"! undo: no global (eth0) 1 interface\n",
            "! undo: no global (eth0) 1 interface\n! undo: no global (eth0) 2 interface\n"});
        edits.put("a global removed while nat uses it", new String[] {
            "! undo: no nat (eth1) 1 10.40.0.10 255.255.255.255\n! undo: no global (eth0) 1 interface\n",
            "! undo: no global (eth0) 1 interface\n! undo: no nat (eth1) 1 10.40.0.10 255.255.255.255\n"});
        for (Map.Entry<String, String[]> e : edits.entrySet()) {
            String broken = text.replaceFirst(Pattern.quote(e.getValue()[0]), Matcher.quoteReplacement(e.getValue()[1]));
            assertThat(broken).as("edit '%s' applies", e.getKey()).isNotEqualTo(text);
            assertThat(removalProblems("video-fw", broken)).as("problems found with %s", e.getKey()).isNotEmpty();
        }
    }

    /**
     * Applies the file's top-level commands (the inspection policy aside: the removal leaves it),
     * then its removal commands, to a model of the running configuration: each removal must take
     * out something the file wrote, in an order the PIX accepts (a list unbound from its
     * access-group or nat 0 before it is cleared, the nat of an id before its global), and
     * nothing may remain.
     */
    static List<String> removalProblems(String fw, String text) {
        List<String> out = new ArrayList<>();
        List<String> running = new ArrayList<>();
        List<String> undo = new ArrayList<>();
        boolean inRemoval = false;
        for (String l : text.lines().toList()) {
            if (l.equals("! ---- removal ----")) {
                inRemoval = true;
            } else if (l.startsWith("! undo: ")) {
                if (!inRemoval) {
                    out.add(fw + ": a removal command before the removal section: " + l);
                }
                undo.add(l.substring("! undo: ".length()));
            } else if (inRemoval && !l.startsWith("!")) {
                out.add(fw + ": a command after the removal section: " + l);
            } else if (!l.startsWith("!") && !l.startsWith(" ") && !l.equals("policy-map global_policy")) {
                running.add(l);
            }
        }
        for (String u : undo) {
            out.addAll(remove(fw, running, u));
        }
        running.forEach(l -> out.add(fw + ": no removal command takes out: " + l));
        return out;
    }

    private static List<String> remove(String fw, List<String> running, String u) {
        List<String> out = new ArrayList<>();
        Matcher clear = Pattern.compile("^clear configure access-list (\\S+)$").matcher(u);
        Matcher global = Pattern.compile("^no global \\([^)]+\\) (\\d+) .*$").matcher(u);
        if (clear.matches()) {
            String acl = clear.group(1);
            running.stream().filter(l -> l.startsWith("access-group " + acl + " ") || l.endsWith(" access-list " + acl))
                    .forEach(l -> out.add(fw + ": '" + u + "' while '" + l + "' still uses it"));
            if (!running.removeIf(l -> l.startsWith("access-list " + acl + " "))) {
                out.add(fw + ": '" + u + "' clears a list the file did not write");
            }
            return out;
        }
        if (global.matches()) {
            running.stream().filter(l -> l.matches("^nat \\([^)]+\\) " + global.group(1) + " .*"))
                    .forEach(l -> out.add(fw + ": '" + u + "' while '" + l + "' still uses it"));
        }
        if (!u.startsWith("no ") || !running.remove(u.substring(3))) {
            out.add(fw + ": '" + u + "' removes nothing the file configured");
        }
        return out;
    }

    static List<String> problems(FirewallPlan fw, String text) {
        List<String> out = new ArrayList<>();
        Map<String, Zone> byNameif = new HashMap<>();
        fw.zones().forEach(z -> byNameif.put(z.interfaceName(), z));
        Matcher m = STATIC.matcher(text);
        while (m.find()) {
            Zone mapped = byNameif.get(m.group(2));
            if (mapped != null && m.group(3).equals(mapped.subnet().address().toString())) {
                out.add(fw.name() + ": a static maps onto " + m.group(2) + "'s own address " + m.group(3)
                        + " instead of the 'interface' keyword: " + line(text, m.start()));
            }
        }
        for (Permit p : fw.permits()) {
            if (p.from().isOutside() || p.to().isOutside()) {
                continue;
            }
            for (Cidr s : cidrs(p.sources(), p.from())) {
                for (Cidr d : cidrs(p.destinations(), p.to())) {
                    check(out, fw, text, p, p.from(), s, p.to(), d);
                    check(out, fw, text, p, p.to(), d, p.from(), s);
                }
            }
        }
        return out;
    }

    /** Hosts {@code here} of zone {@code a} that a dynamic nat covers need a translation towards {@code b}. */
    private static void check(List<String> out, FirewallPlan fw, String text, Permit p, Zone a, Cidr here, Zone b, Cidr there) {
        Matcher n = NAT.matcher(text);
        while (n.find()) {
            Cidr covered = Cidr.parse(n.group(3) + "/" + prefix(n.group(4)));
            if (!n.group(1).equals(a.interfaceName()) || !overlaps(covered, here)) {
                continue;
            }
            if (exempt(text, a.interfaceName(), here, there) || hasGlobal(text, b.interfaceName(), n.group(2))) {
                continue;
            }
            out.add(fw.name() + ": flow " + p.flow() + " " + p.from().name() + "->" + p.to().name() + ": hosts " + here
                    + " fall under 'nat (" + a.interfaceName() + ") " + n.group(2) + "' with no global on "
                    + b.interfaceName() + " and no NAT exemption towards " + there + ": the PIX drops the flow");
        }
    }

    private static boolean exempt(String text, String nameif, Cidr here, Cidr there) {
        Matcher b = NAT0.matcher(text);
        while (b.find()) {
            if (!b.group(1).equals(nameif)) {
                continue;
            }
            Matcher e = EXEMPT.matcher(text);
            while (e.find()) {
                if (e.group(1).equals(b.group(2)) && covers(spec(e.group(2)), here) && covers(spec(e.group(3)), there)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasGlobal(String text, String nameif, String id) {
        Matcher g = GLOBAL.matcher(text);
        while (g.find()) {
            if (g.group(1).equals(nameif) && g.group(2).equals(id)) {
                return true;
            }
        }
        return false;
    }

    private static List<Cidr> cidrs(AddressSet set, Zone z) {
        return set.isAny() ? List.of(new Cidr(z.subnet().network(), z.subnet().prefix())) : set.cidrs();
    }

    private static Cidr spec(String s) {
        if (s.equals("any")) {
            return Cidr.ANY;
        }
        if (s.startsWith("host ")) {
            return Cidr.host(Ipv4.parse(s.substring(5)));
        }
        String[] w = s.split(" ");
        return Cidr.parse(w[0] + "/" + prefix(w[1]));
    }

    private static int prefix(String netmask) {
        return Long.bitCount(Ipv4.parse(netmask).value());
    }

    private static boolean covers(Cidr outer, Cidr inner) {
        return outer.prefix() <= inner.prefix() && outer.contains(inner.network());
    }

    private static boolean overlaps(Cidr a, Cidr b) {
        return a.contains(b.network()) || b.contains(a.network());
    }

    private static String line(String text, int at) {
        int end = text.indexOf('\n', at);
        return text.substring(at, end < 0 ? text.length() : end);
    }
}
