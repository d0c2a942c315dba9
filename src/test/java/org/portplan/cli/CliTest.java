package org.portplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portplan.cli.ErrorCasesTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, in-process: exit codes, where output goes, and what is written. */
class CliTest {

    private static final String ALLWORX = "examples/allworx-remote/site.yaml";

    @TempDir
    Path tmp;

    @Test
    void compileWritesRuleFilesAndPlan() throws Exception {
        Path out = tmp.resolve("out");
        ErrorCasesTest.Run r = run("compile", ALLWORX, "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines()).containsExactly(out.resolve("edge.iptables").toString(), out.resolve("plan.md").toString());
        String rules = Files.readString(out.resolve("edge.iptables"));
        assertThat(rules).contains("--dport 5060 ", "--dport 16384:16393 ", "--dport 5061 ", "--dport 16394:16403 ")
                .doesNotContain("\r");
        assertThat(Files.readString(out.resolve("plan.md"))).contains("RTP Media Port Range = 16394 to 16403");
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).as("no staging directory left behind").containsExactly("out");
        }
    }

    @Test
    void compilingTwiceGivesTheSameBytes() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertThat(run("compile", "examples/mixed-pf/site.yaml", "-o", a.toString(), "--target", "all").code()).isZero();
        assertThat(run("compile", "examples/mixed-pf/site.yaml", "-o", b.toString(), "--target", "all").code()).isZero();
        for (String f : List.of("gw.iptables", "gw.pix", "gw.pf", "plan.md")) {
            assertThat(Files.readAllBytes(a.resolve(f))).as(f).isEqualTo(Files.readAllBytes(b.resolve(f)));
        }
    }

    @Test
    void compileIntoAnExistingDirectoryKeepsOtherFiles() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("README"), "mine");
        Files.writeString(out.resolve("edge.iptables"), "old");
        assertThat(run("compile", ALLWORX, "-o", out.toString()).code()).isZero();
        assertThat(Files.readString(out.resolve("README"))).isEqualTo("mine");
        assertThat(Files.readString(out.resolve("edge.iptables"))).startsWith("# portplan: site branch-office");
    }

    @Test
    void targetOverridesThePlatformOfEveryFirewall() throws Exception {
        Path out = tmp.resolve("out");
        assertThat(run("compile", ALLWORX, "-o", out.toString(), "--target", "pf").code()).isZero();
        assertThat(out.resolve("edge.pf")).exists();
        assertThat(out.resolve("edge.iptables")).doesNotExist();
    }

    @Test
    void targetAllWritesEveryPlatform() {
        Path out = tmp.resolve("out");
        assertThat(run("compile", ALLWORX, "-o", out.toString(), "--target", "all").code()).isZero();
        for (String ext : List.of("iptables", "nftables", "pix", "asa", "pf")) {
            assertThat(out.resolve("edge." + ext)).exists();
        }
    }

    /** A site may name either new platform; compile then writes that dialect for the firewall. */
    @Test
    void siteMayNameNftablesOrAsa() throws Exception {
        String site = Files.readString(Path.of(ALLWORX), StandardCharsets.UTF_8);
        for (String platform : List.of("nftables", "asa")) {
            Path dir = Files.createDirectories(tmp.resolve(platform));
            Files.writeString(dir.resolve("site.yaml"), site.replace("platform: iptables", "platform: " + platform));
            Files.copy(Path.of(ALLWORX).resolveSibling("site.lock"), dir.resolve("site.lock"));
            Path out = dir.resolve("out");
            ErrorCasesTest.Run r = run("compile", dir.resolve("site.yaml").toString(), "-o", out.toString(), "--locked");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(out.resolve("edge." + platform)).exists();
            assertThat(out.resolve("edge.iptables")).doesNotExist();
            assertThat(Files.readString(out.resolve("plan.md"))).contains("Protocol helpers (SIP and H.323 ALGs): ");
        }
    }

    @Test
    void strictTurnsWarningsIntoFailureAndWritesNothing() throws IOException {
        Path out = tmp.resolve("out");
        Path site = DiagnosticsFormatTest.unacknowledged(Path.of("examples/net2phone-pix/site.yaml"), tmp);
        ErrorCasesTest.Run r = run("compile", site.toString(), "-o", out.toString(), "--strict");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("warning: firewall 'pix1' (pix): PIX static PAT takes single ports only", "--strict");
        assertThat(out).doesNotExist();
        assertThat(run("validate", "--strict", ALLWORX).code()).isZero();
    }

    @Test
    void acknowledgedWarningsAreShownButPassStrict() {
        Path out = tmp.resolve("out");
        ErrorCasesTest.Run r = run("compile", "examples/net2phone-pix/site.yaml", "-o", out.toString(), "--strict");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("PIX static PAT takes single ports only", "[PP601, acknowledged: PIX and ASA static NAT");
        assertThat(out.resolve("pix1.pix")).exists();
    }

    @Test
    void outputPathThatIsAFileIsAnError() throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        ErrorCasesTest.Run r = run("compile", ALLWORX, "-o", file.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("portplan: error: cannot write to '" + file + "'");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run().code()).isEqualTo(2);
        assertThat(run("frobnicate").code()).isEqualTo(2);
        ErrorCasesTest.Run noOut = run("compile", ALLWORX);
        assertThat(noOut.code()).isEqualTo(2);
        assertThat(noOut.err()).contains("Missing required option: '--output=DIR'", "Try 'portplan compile --help'");
        ErrorCasesTest.Run target = run("compile", ALLWORX, "-o", tmp.toString(), "--target", "cisco");
        assertThat(target.code()).isEqualTo(2);
        assertThat(target.err()).contains("Invalid value for option '--target': expected one of [IPTABLES, NFTABLES, PIX, ASA, PF, ALL]"
                + " (case-insensitive) but was 'cisco'");
        ErrorCasesTest.Run missing = run("validate", "no/such/site.yaml");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("portplan: error: site file 'no/such/site.yaml' does not exist");
        assertThat(run("plan", ALLWORX, "--format", "xml").code()).isEqualTo(2);
        ErrorCasesTest.Run show = run("catalog", "show", "allworx-phon");
        assertThat(show.code()).isEqualTo(2);
        assertThat(show.err()).contains("unknown model 'allworx-phon' (did you mean 'allworx-phone'?)");
        assertThat(run("compile", ALLWORX, "-o", tmp.toString(), "--catalog", "no/such/dir").code()).isEqualTo(2);
    }

    @Test
    void helpAndVersionSucceed() {
        ErrorCasesTest.Run help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("compile", "validate", "plan", "catalog", "Exit codes");
        assertThat(run("--version").out()).startsWith("portplan ");
        assertThat(run("compile", "--help").out()).contains("--target", "--catalog", "--strict");
    }

    @Test
    void planJsonHasTheContractedShape() throws Exception {
        ErrorCasesTest.Run r = run("plan", ALLWORX, "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode plan = new ObjectMapper().readTree(r.out());
        assertThat(plan.get("site").asText()).isEqualTo("branch-office");
        JsonNode first = plan.get("allocations").get(0);
        assertThat(first.fieldNames()).toIterable().startsWith("firewall", "device", "model", "pool", "protocol", "first", "last",
                "public-address");
        JsonNode fwd = plan.get("forwards").get(0);
        assertThat(fwd.fieldNames()).toIterable().startsWith("firewall", "device", "protocol", "public-address", "first", "last",
                "to-address", "to-first", "to-last");
        JsonNode flow = plan.get("flows").get(0);
        assertThat(flow.fieldNames()).toIterable().startsWith("firewall", "from-zone", "to-zone", "sources", "destinations",
                "protocol", "first", "last", "purpose", "model", "section");
        assertThat(flow.get("sources").isArray()).isTrue();
        boolean secondPhone = false;
        for (JsonNode a : plan.get("allocations")) {
            if (a.get("device").asText().equals("back-office") && a.get("pool").asText().equals("rtp")) {
                secondPhone = a.get("first").asInt() == 16394 && a.get("last").asInt() == 16403;
            }
        }
        assertThat(secondPhone).isTrue();
    }

    @Test
    void planTextAndMarkdownGoToStdout() {
        ErrorCasesTest.Run text = run("plan", "examples/net2phone-pix/site.yaml");
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("max-a", "7000-7015", "UDP Port (OPAL) start = 7000");
        assertThat(run("plan", "examples/net2phone-pix/site.yaml", "--format", "markdown").out()).startsWith("# Port plan: n2p-office");
    }

    @Test
    void catalogCommandsShowSources() {
        ErrorCasesTest.Run list = run("catalog", "list");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("allworx-phone", "allworx-port-expander", "allworx-server", "net2phone-max");
        ErrorCasesTest.Run show = run("catalog", "show", "net2phone-max");
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("7000-7015 (allocatable within 4000-65000, size 2 * lines, starts on a multiple of 2)",
                "source: net2phone-max-firewall sec. Firewall Configuration Guidelines");
    }

    @Test
    void aBrokenCatalogIsReportedInItsOwnFiles() {
        ErrorCasesTest.Run r = run("catalog", "list", "--catalog", "src/test/resources/catalogs/broken");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(
                "src/test/resources/catalogs/broken/bad.yaml:7:25: error: unknown document 'dco' (did you mean 'doc'?)",
                "default 5060 is outside the bounds 6000-7000",
                "unknown protocol 'sctp'",
                "port 70000 is outside 1-65535",
                "bad.yaml:13:11: error: flow 'phone.in' 'from' names unknown role 'nobody-role'",
                "bad.yaml:15:13: error: flow 'phone.in' ports 'udp sipp': model 'phone' (role 'phone') has no pool 'sipp'");
    }

    @Test
    void diagnosticsUseUnixLineEndingsAndNoStackTraces() throws Exception {
        Path site = Files.writeString(tmp.resolve("s.yaml"), "site: x\nfirewalls: []\n", StandardCharsets.UTF_8);
        ErrorCasesTest.Run r = run("validate", site.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(site + ":2:12: error: the site key 'firewalls' must be a mapping, found a list")
                .doesNotContain("Exception");
    }
}
