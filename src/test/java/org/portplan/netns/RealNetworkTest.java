package org.portplan.netns;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.portplan.catalog.Catalog;
import org.portplan.core.Ipv4;
import org.portplan.core.Platform;
import org.portplan.diag.Diagnostic;
import org.portplan.emit.ExtraAddresses;
import org.portplan.engine.Engine;
import org.portplan.engine.Outputs;
import org.portplan.engine.Result;
import org.portplan.rules.FirewallPlan;

/**
 * Loads each example's iptables rules into real iptables (legacy and nf_tables backends) and its
 * nftables rules into real nftables, in network namespaces, and checks them with real packets.
 */
class RealNetworkTest {

    private static Catalog catalog;
    private static Path ip;
    @TempDir
    static Path probeClasses;

    @BeforeAll
    static void environment() throws Exception {
        require(isRoot(), "network namespaces need root");
        Optional<Path> found = tool("ip");
        require(found.isPresent(), "the 'ip' command (package iproute2) is not installed");
        ip = found.get();
        String check = Lab.probeName();
        boolean netns;
        try {
            Command.run(List.of(ip.toString(), "netns", "add", check), "", 10_000);
            Command.run(List.of(ip.toString(), "netns", "del", check), "", 10_000);
            netns = true;
        } catch (IOException e) {
            netns = false;
        }
        require(netns, "this machine cannot create network namespaces ('ip netns add' failed)");
        Lab.removeStale(ip);
        Lab.copyProbe(probeClasses);
        Result<Catalog> c = Engine.loadCatalog(Optional.empty());
        if (!c.ok()) {
            fail("the bundled catalog does not load: " + format(c.diagnostics().sorted()));
        }
        catalog = c.value().orElseThrow();
    }

    static Stream<Arguments> scenarios() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (Backend backend : Backend.values()) {
            for (Path site : sites()) {
                out.add(Arguments.of(backend, repo().relativize(site).toString()));
            }
        }
        return out.stream();
    }

    /** Every example site, and the fixtures that need more zones than the examples have. */
    static List<Path> sites() throws IOException {
        List<Path> sites;
        try (Stream<Path> dirs = Files.list(repo().resolve("examples"))) {
            sites = new ArrayList<>(dirs.map(d -> d.resolve("site.yaml")).filter(Files::isRegularFile).sorted().toList());
        }
        if (sites.isEmpty()) {
            throw new IllegalStateException("no examples/*/site.yaml under " + repo());
        }
        try (Stream<Path> fixtures = Files.list(repo().resolve("src/test/resources/netns"))) {
            sites.addAll(fixtures.filter(f -> f.toString().endsWith(".yaml")).sorted().toList());
        }
        return sites;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scenarios")
    void rulesLetThroughExactlyWhatThePlanSays(Backend backend, String site) throws Exception {
        Path program = program(backend);
        Outputs o = compile(site, backend.platform());
        assertFalse(o.plan().firewalls().isEmpty(), site + " has no firewall");
        List<String> failures = new ArrayList<>();
        for (FirewallPlan fw : o.plan().firewalls()) {
            String rules = o.files().get(fw.name() + "." + backend.platform().id());
            failures.addAll(check(backend, program, fw, o, rules, "firewall " + fw.name() + " (" + site + ", " + backend + ")"));
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " probe(s) did not behave as planned:\n" + String.join("\n", failures));
        }
    }

    /**
     * The checks can fail: each mutation of a good rule file (a range one port wider, no default
     * drop, a swapped interface, a SIP helper attached, a wrong address in the header's command
     * for an extra public address) must make them report failures.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("mutations")
    void brokenRulesAreCaught(Backend backend, String mutation, String from, String to) throws Exception {
        Path program = program(backend);
        if (mutation.contains("helper")) {
            require(tool("conntrack").isPresent(), "the 'conntrack' command (package conntrack) is not installed");
        }
        String site = "examples/allworx-remote/site.yaml";
        Outputs o = compile(site, backend.platform());
        FirewallPlan fw = o.plan().firewalls().get(0);
        String rules = o.files().get(fw.name() + "." + backend.platform().id());
        String broken = rules.replace(from, to);
        assertFalse(broken.equals(rules), "mutation '" + mutation + "' changes nothing in " + site);
        List<String> failures;
        try {
            failures = check(backend, program, fw, o, broken, "firewall " + fw.name() + " (" + site + ", " + mutation + ")");
        } catch (IOException e) {
            if (mutation.contains("helper") && (e.getMessage().contains("CT") || e.getMessage().contains("helper"))) {
                // The kernel lacks the SIP helper: the no-helper check then holds by construction.
                Assumptions.assumeTrue(false, "this kernel cannot attach the SIP helper: " + e.getMessage());
            }
            throw e;
        }
        assertFalse(failures.isEmpty(), "mutation '" + mutation + "' went unnoticed");
        System.out.printf("RealNetworkTest: mutation '%s' caught: %s%n", mutation, failures.get(0));
    }

    static Stream<Arguments> mutations() {
        Backend iptables = Backend.IPTABLES_LEGACY;
        Backend nft = Backend.NFTABLES;
        return Stream.of(
                Arguments.of(iptables, "a forwarded range one port wider", "--dport 16384:16393", "--dport 16384:16394"),
                Arguments.of(iptables, "no default drop", ":FORWARD DROP [0:0]", ":FORWARD ACCEPT [0:0]"),
                Arguments.of(iptables, "outbound rules on the wrong interface", "-o eth0", "-o eth1"),
                Arguments.of(iptables, "the header's command for an extra public address naming another address",
                        "ip addr add 203.0.113.11/32", "ip addr add 203.0.113.12/32"),
                Arguments.of(iptables, "a SIP helper on the forwarded SIP port", "COMMIT\n*filter\n",
                        "COMMIT\n*raw\n-A PREROUTING -p udp -m udp --dport 5060 -j CT --helper sip\nCOMMIT\n*filter\n"),
                Arguments.of(nft, "a forwarded range one port wider", "16384-16393", "16384-16394"),
                Arguments.of(nft, "no default drop", "policy drop;", "policy accept;"),
                Arguments.of(nft, "outbound rules on the wrong interface", "oifname \"eth0\"", "oifname \"eth1\""),
                Arguments.of(nft, "forwards checked against a wrong original destination", " ct original ip daddr ",
                        " ct original ip daddr != "),
                Arguments.of(nft, "a SIP helper on the forwarded SIP port", "\tchain forward {\n",
                        "\tct helper sip5060 {\n\t\ttype \"sip\" protocol udp\n\t}\n\n\tchain helpers {\n"
                                + "\t\ttype filter hook prerouting priority 0; policy accept;\n"
                                + "\t\tudp dport 5060 ct helper set \"sip5060\"\n\t}\n\n\tchain forward {\n"));
    }

    /** Loads {@code rules} into a test network for {@code fw}, runs the probes and returns the broken promises. */
    private List<String> check(Backend backend, Path program, FirewallPlan fw, Outputs o, String rules, String where)
            throws Exception {
        Layout layout = Layout.of(fw, o.plan().devices());
        ProbeSet probes = ProbeSet.of(layout);
        long start = System.nanoTime();
        Lab.Observed seen;
        Optional<Path> conntrackTool = tool("conntrack");
        String conntrack = null;
        try (Lab lab = Lab.create(ip, probeClasses, layout)) {
            // The extra public addresses in the outside subnet are configured as the file's header says.
            List<String> added = lab.publicAddresses(rules);
            List<Ipv4> onLink = ExtraAddresses.of(fw).stream().filter(a -> fw.outside().subnet().contains(a)).toList();
            if (added.size() != onLink.size()) {
                return List.of(where + ": the file's header gives " + added + " for the extra public addresses " + onLink);
            }
            // Twice: the first load into an empty ruleset, then a reload over the same rules, as an
            // administrator does after each compile; what is probed is what the reload left.
            lab.load(program, backend.arguments(), rules);
            lab.load(program, backend.arguments(), rules);
            seen = lab.run(probes);
            if (conntrackTool.isPresent()) {
                conntrack = lab.conntrack(conntrackTool.get());
            }
        }
        List<String> found = new ArrayList<>(Verdict.check(where, layout, probes, seen));
        if (conntrack != null) {
            found.addAll(Verdict.helpers(where, fw, conntrack));
        } else if ("true".equals(System.getenv("CI"))) {
            found.add(where + ": the 'conntrack' command (package conntrack) is missing, so protocol helpers went unchecked");
        } else {
            System.out.println("RealNetworkTest: protocol helpers not checked: the 'conntrack' command (package conntrack)"
                    + " is not installed");
        }
        System.out.printf("RealNetworkTest: %s: %d probes, %d unplanned admitted, %d failed, %d ms%n", where,
                probes.cases().size(), Verdict.unplannedAdmitted(probes, seen), found.size(),
                (System.nanoTime() - start) / 1_000_000);
        return found;
    }

    private static Path program(Backend backend) {
        Optional<Path> program = tool(backend.program());
        require(program.isPresent(), "'" + backend.program() + "' (package " + backend.debianPackage() + ") is not installed");
        return program.get();
    }

    private static Outputs compile(String site, Platform platform) throws Exception {
        Result<Outputs> r = Engine.compile(catalog, repo().resolve(site), Set.of(platform));
        if (!r.ok()) {
            fail(site + " does not compile: " + format(r.diagnostics().sorted()));
        }
        return r.value().orElseThrow();
    }

    private static String format(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    }

    /** Skips where the test cannot run, but fails in CI, which promises root, iproute2, iptables and nftables. */
    static void require(boolean ok, String why) {
        org.portplan.TestSupport.require("RealNetworkTest", ok, why);
    }

    static boolean isRoot() {
        try {
            // /proc/self belongs to the effective user of this process.
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Finds a program on PATH or in the sbin directories, which a non-login PATH often lacks. */
    static Optional<Path> tool(String name) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/local/sbin"));
        return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, name))
                .filter(Files::isExecutable).findFirst();
    }

    static Path repo() {
        return Path.of(System.getProperty("portplan.repo", "")).toAbsolutePath();
    }
}
