package org.portplan.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portplan.core.Cidr;
import org.portplan.core.Platform;
import org.portplan.core.Protocol;
import org.portplan.netns.Layout;
import org.portplan.netns.ProbeSet.Case;
import org.portplan.rules.FirewallPlan;
import org.portplan.rules.Zone;

/**
 * Runs jtacl on one rule file (pf, PIX or ASA) with every probe of a {@link org.portplan.netns.ProbeSet}
 * in one command file, and reads back each probe's verdict: the deciding rule where the packet
 * enters, and jtacl's overall filtering and routing results.
 */
final class Jtacl {

    private static final long TIMEOUT_SECONDS = 120;
    /** jtacl's pf parser rejects a trailing comment on a macro line, which OpenBSD accepts. */
    private static final Pattern MACRO_COMMENT = Pattern.compile("(?m)^([A-Za-z_][A-Za-z0-9_]*\\s*=\\s*\"[^\"]*\")\\s*#.*$");
    private static final Pattern RDR_TO = Pattern.compile("\\brdr-to\\s+([0-9.]+)");

    /** What jtacl says of one probe. {@code inputAction} is ACCEPT, DENY or NONE (no list on that interface). */
    record Verdict(String inputAction, String inputRule, String global, String routing) {

        boolean enters() {
            return inputAction.equals("ACCEPT") || inputAction.equals("NONE");
        }

        boolean crosses() {
            return global.equals("ACCEPT") && routing.equals("ROUTED");
        }

        /** The rdr-to target of the deciding pf rule, or null. */
        String redirectTarget() {
            Matcher m = RDR_TO.matcher(inputRule);
            return m.find() ? m.group(1) : null;
        }

        String describe() {
            return "input " + inputAction + (inputRule.isEmpty() ? "" : " by '" + inputRule + "'") + ", overall "
                    + global + ", routing " + routing;
        }
    }

    private Jtacl() {
    }

    /** The verdict on each case, in the cases' order. */
    static List<Verdict> run(Path dir, FirewallPlan fw, Platform platform, String rules, Layout layout, List<Case> cases)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path equipment = dir.resolve("fw.xml");
        if (platform == Platform.PF) {
            Path conf = dir.resolve("pf.conf");
            Files.writeString(conf, MACRO_COMMENT.matcher(rules).replaceAll("$1"), StandardCharsets.US_ASCII);
            StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<equipment>\n");
            for (Zone z : fw.zones()) {
                x.append("  <iface name=\"").append(z.interfaceName()).append("\" comment=\"").append(z.name())
                        .append("\" ip=\"").append(z.subnet().address()).append("\" network=\"").append(network(z.subnet()))
                        .append("\" />\n");
            }
            x.append("  <pfconf filename=\"").append(conf).append("\" />\n");
            x.append("  <routing>\n    <route prefix=\"0.0.0.0/0\" nexthop=\"").append(layout.outsideHost())
                    .append("\" />\n  </routing>\n</equipment>\n");
            Files.writeString(equipment, x, StandardCharsets.UTF_8);
        } else if (platform == Platform.PIX || platform == Platform.ASA) {
            // The file holds what portplan configures; the interfaces and the default route are the
            // rest of the device's configuration, which jtacl needs to route probes.
            Path conf = dir.resolve("fw.pix");
            StringBuilder c = new StringBuilder();
            int i = 0;
            for (Zone z : fw.zones()) {
                c.append("interface Ethernet").append(i++).append('\n').append(" nameif ").append(z.interfaceName())
                        .append('\n').append(" ip address ").append(z.subnet().address()).append(' ')
                        .append(z.subnet().netmask()).append("\n!\n");
            }
            c.append("route ").append(fw.outside().interfaceName()).append(" 0.0.0.0 0.0.0.0 ").append(layout.outsideHost())
                    .append("\n!\n").append(rules);
            Files.writeString(conf, c, StandardCharsets.US_ASCII);
            Files.writeString(equipment, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<equipment>\n  <file filename=\""
                    + conf + "\" />\n</equipment>\n", StandardCharsets.UTF_8);
        } else {
            throw new IllegalArgumentException("jtacl reads pf, PIX and ASA files, not " + platform);
        }
        String classname = platform == Platform.PF ? "fr.univrennes1.cri.jtacl.equipments.openbsd.PacketFilter"
                : "fr.univrennes1.cri.jtacl.equipments.cisco.pix.Pix";
        Zone outside = fw.outside();
        Path topology = dir.resolve("topology.xml");
        Files.writeString(topology, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<jtacl>\n  <equipments>\n"
                + "    <equipment classname=\"" + classname + "\" name=\"fw\" comment=\"" + fw.name() + "\" filename=\""
                + equipment + "\" />\n  </equipments>\n  <topology>\n"
                // The outside network is a border: probes routed there have reached their destination.
                + "    <tlink network=\"" + network(outside.subnet()) + "\" topology=\"fw|" + outside.subnet().address()
                + "\" border=\"true\" />\n  </topology>\n</jtacl>\n", StandardCharsets.UTF_8);
        StringBuilder commands = new StringBuilder();
        for (Case c : cases) {
            commands.append("probe active on fw|").append(c.from().interfaceName()).append(' ').append(c.source())
                    .append(' ').append(c.to()).append(' ').append(c.protocol().id()).append(' ').append(c.sourcePort())
                    .append(':').append(c.port());
            if (c.protocol() == Protocol.TCP) {
                commands.append(" flags Sa"); // the first packet of a new connection: SYN without ACK
            }
            commands.append('\n');
        }
        Path input = dir.resolve("probes.txt");
        Files.writeString(input, commands, StandardCharsets.US_ASCII);
        List<String> cmd = new ArrayList<>(Oracles.jtacl());
        // Configuration warnings (a line jtacl does not understand, an undefined group) are hidden by default.
        cmd.addAll(List.of("-o", "config.level=WARNING", "-f", topology.toString(), "-i", input.toString()));
        Path log = dir.resolve("jtacl.out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("jtacl did not finish within " + TIMEOUT_SECONDS + " s (output: " + log + ")");
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("jtacl exited " + p.exitValue() + ": " + excerpt(out));
        }
        // A line jtacl should have understood but did not, or a group the file never defines (which
        // jtacl then matches as anything), would leave the verdicts meaningless.
        for (String line : out.split("\n")) {
            if (line.startsWith("[WARNING]")) {
                throw new IOException("jtacl did not understand the file: " + line.substring("[WARNING]".length()).strip());
            }
        }
        return parse(out, cases);
    }

    private static String network(Cidr c) {
        return c.network() + "/" + c.prefix();
    }

    /** One block per probe, opened by "probe from: SRC to: DST", in the order of the commands. */
    static List<Verdict> parse(String out, List<Case> cases) throws IOException {
        String[] lines = out.split("\n");
        List<Verdict> verdicts = new ArrayList<>();
        int i = 0;
        for (Case c : cases) {
            String head = "probe from: " + c.source() + " to: " + c.to();
            while (i < lines.length && !lines[i].strip().equals(head)) {
                if (lines[i].startsWith("probe from:") || lines[i].toLowerCase(java.util.Locale.ROOT).contains("error")) {
                    throw new IOException("jtacl answered '" + lines[i].strip() + "' where '" + head
                            + "' was expected: " + excerpt(out));
                }
                i++;
            }
            if (i == lines.length) {
                throw new IOException("jtacl gave no answer for '" + head + "': " + excerpt(out));
            }
            i++;
            String action = null;
            String rule = "";
            String global = null;
            String routing = null;
            boolean input = false;
            for (; i < lines.length && !lines[i].startsWith("probe from:"); i++) {
                String l = lines[i].strip();
                if (l.startsWith("Active ACL on input:")) {
                    input = true;
                } else if (l.startsWith("Active ACL on output:")) {
                    input = false;
                } else if (input && action == null && (l.startsWith("ACCEPT") || l.startsWith("DENY") || l.startsWith("MAY"))) {
                    String[] w = l.split("\\s+", 2);
                    action = w[0];
                    rule = w.length > 1 ? w[1].replaceFirst("^\\S+ #\\d+:? ", "") : "";
                } else if (l.startsWith("Global ACL result is:")) {
                    global = l.substring("Global ACL result is:".length()).strip();
                } else if (l.startsWith("Global routing result is:")) {
                    routing = l.substring("Global routing result is:".length()).strip();
                }
            }
            if (global == null || routing == null) {
                throw new IOException("jtacl's answer for '" + head + "' has no global result: " + excerpt(out));
            }
            verdicts.add(new Verdict(action == null ? "NONE" : action, rule, global, routing));
        }
        return verdicts;
    }

    private static String excerpt(String out) {
        return out.length() <= 2000 ? out : out.substring(0, 2000) + "...";
    }
}
