package org.portplan.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.portplan.TestSupport;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;
import org.portplan.plan.Plan;

/** plan.md's diagram and port map: well-formed whatever the names, and small for a big site. */
class PlanDiagramTest {

    /** Every line of a diagram is one of these shapes, with generated ids and quoted, escaped labels. */
    private static final List<Pattern> SHAPES = List.of(
            Pattern.compile("flowchart LR"),
            Pattern.compile(" {2}subgraph f\\d+\\[\"[^\"<>|;\\[\\]`]*\"]"),
            Pattern.compile(" {4}subgraph f\\d+z\\d+\\[\"[^\"<>|;\\[\\]`]*\"]"),
            Pattern.compile(" {6}f\\d+n\\d+(\\[\"[^\"|;\\[\\]`]*\"]|\\(\"[^\"|;\\[\\]`]*\"\\))"),
            Pattern.compile(" {2}f\\d+n\\d+ (==>|-->)\\|\"[^\"<>|;\\[\\]`]*\"\\| f\\d+n\\d+"),
            Pattern.compile(" {2,4}end"));

    /** A site of exactly 1,000 devices of four models in two zones behind one firewall, with their servers. */
    static String bigSite() {
        return """
                site: big
                firewalls:
                  edge:
                    platform: iptables
                    interfaces:
                      outside: { name: eth0, address: 100.64.0.1/24 }
                      inside: { name: eth1, address: 10.0.0.1/16 }
                      voice: { name: eth2, address: 10.1.0.1/16 }
                    public-addresses: [100.64.0.2]
                devices:
                  desks: { model: allworx-phone, address: 10.0.1.1, count: 400, params: { conversations: 2 } }
                  lobby: { model: allworx-phone, address: 10.0.3.1, count: 200, public-address: 100.64.0.2, params: { conversations: 2 } }
                  fax: { model: allworx-port-expander, address: 10.0.4.1, count: 20, params: { conversations: 2 } }
                  agents: { model: planet-vip-1120pt, address: 10.1.1.1, count: 300 }
                  trunks: { model: net2phone-max, address: 10.1.3.1, count: 80, params: { lines: 2 } }
                peers:
                  pbx: { role: allworx-server, addresses: [198.51.100.7] }
                  itsp: { role: planet-sip-server, addresses: [198.51.100.20, 198.51.100.21, 198.51.100.22] }
                  stun: { role: stun-server, addresses: [198.51.100.30] }
                  n2p: { role: net2phone-service, addresses: [198.51.100.128/25] }
                  prov: { role: provisioning-server, addresses: [10.0.0.5], ports: { http: 8080 } }
                features: [planet-provisioning-http]
                """;
    }

    /** A site whose names are Mermaid keywords and arrow look-alikes, as far as site names allow. */
    static String keywordSite() {
        return """
                site: end
                firewalls:
                  subgraph:
                    platform: pf
                    interfaces:
                      outside: { name: end, address: 203.0.113.10/29 }
                      graph: { name: click, address: 10.0.0.1/24 }
                      style: { name: x--o, address: 10.1.0.1/24 }
                      linkStyle: { name: eth3, address: 10.2.0.1/24 }
                    public-addresses: [203.0.113.11]
                devices:
                  end: { model: allworx-phone, address: 10.0.0.20 }
                  a---b: { model: allworx-phone, address: 10.0.0.21 }
                  A--xB: { model: allworx-port-expander, address: 10.0.0.22 }
                  o: { model: net2phone-max, address: 10.1.0.30, public-address: 203.0.113.11 }
                  x: { model: planet-vip-1120pt, address: 10.1.0.31 }
                  classDef: { model: planet-vip-2140pt, address: 10.1.0.32 }
                  default.1_: { model: planet-vip-2140pt, address: 10.1.0.33 }
                peers:
                  click: { role: allworx-server, addresses: [198.51.100.7] }
                  linkStyle: { role: planet-sip-server, addresses: [198.51.100.8] }
                  subgraph: { role: net2phone-service, addresses: [198.51.100.0/24] }
                  flowchart: { role: stun-server, addresses: [10.0.0.99] }
                  direction: { role: active-uri-source, addresses: [10.0.0.98] }
                """;
    }

    /** The Mermaid source in plan.md. */
    static String diagram(Plan plan) {
        String md = PlanReport.markdown(plan);
        int start = md.indexOf("```mermaid\n");
        assertThat(start).as("plan.md has a mermaid block").isGreaterThanOrEqualTo(0);
        int end = md.indexOf("```\n", start + 11);
        return md.substring(start + 11, end);
    }

    private static void assertWellFormed(String diagram) {
        List<String> bad = new ArrayList<>();
        for (String line : diagram.split("\n")) {
            if (SHAPES.stream().noneMatch(p -> p.matcher(line).matches())) {
                bad.add(line);
            }
        }
        assertThat(bad).as("lines of no known shape").isEmpty();
    }

    @Test
    void aBigSiteKeepsTheDiagramSmall() {
        Plan plan = TestSupport.plan(bigSite()).ok();
        assertThat(plan.devices()).hasSize(1000);
        String d = diagram(plan);
        assertWellFormed(d);
        assertThat(d.lines().count()).as("diagram lines for 1,000 devices").isLessThan(60);
        assertThat(d.length()).as("characters (Mermaid's default limit is 50,000)").isLessThan(10_000);
        // One box per model and zone, whatever the public addresses: 400 desks and 200 lobby phones.
        assertThat(d).contains("\"600 x allworx-phone<br/>desks-1 ... lobby-200\"", "\"300 x planet-vip-1120pt")
                .contains("\"80 x net2phone-max");
        String md = PlanReport.markdown(plan);
        String portMap = md.substring(md.indexOf("## Port map"), md.indexOf("## Firewall"));
        assertThat(portMap.lines().filter(l -> l.startsWith("| udp") || l.startsWith("| tcp")).count())
                .as("port map rows for 1,000 devices").isLessThan(40);
        assertThat(portMap).contains("| udp | 16384-17983 | desks-1 ... desks-400 (400 devices, 4 ports each) | allworx-phone | rtp |");
    }

    @Test
    void keywordNamesStayInsideQuotedLabels() {
        Plan plan = TestSupport.plan(keywordSite()).ok();
        String d = diagram(plan);
        assertWellFormed(d);
        assertThat(d).contains("\"firewall subgraph (OpenBSD pf 4.7+)\"", "\"graph 10.0.0.1/24 (click)\"",
                "\"style 10.1.0.1/24 (x--o)\"", "\"click<br/>allworx-server<br/>198.51.100.7\"");
    }

    @Test
    void labelsEscapeEverythingMermaidMarkdownOrHtmlCouldRead() {
        String nasty = "a \"q\" [b] {c} (d) |e| ;f# <g> `h` %%i & 'j' \\k\n\u00e9\u2603 #quot; -->";
        String t = Mermaid.text(nasty);
        assertThat(t).doesNotContain("\"", "[", "]", "{", "}", "|", "<", ">", "`", "%", "&", "'", "\\", "\n", "\u00e9")
                .startsWith("a #34;q#34; #91;b#93; #123;c#125; (d) #124;e#124; #59;f#35; #60;g#62;")
                .contains("#233;#9731;").endsWith("#35;quot#59; --#62;");
        // Only whole entities use '#' and ';'.
        assertThat(t.replaceAll("#\\d+;", "")).doesNotContain("#", ";");
    }

    @Test
    void portLabelsCollapseWhenLong() {
        Map<Protocol, List<PortRange>> ports = new TreeMap<>();
        List<PortRange> ranges = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ranges.add(new PortRange(16384 + 20 * i, 16393 + 20 * i));
        }
        ports.put(Protocol.UDP, ranges);
        ports.put(Protocol.TCP, List.of(new PortRange(80, 80), new PortRange(81, 81)));
        assertThat(PlanDiagram.ports(ports)).isEqualTo("tcp 80-81 / udp 16384-16613 (12 ranges)");
        ports.put(Protocol.UDP, Arrays.asList(new PortRange(5060, 5060), null));
        assertThat(PlanDiagram.ports(ports)).isEqualTo("tcp 80-81 / udp any");
    }
}
