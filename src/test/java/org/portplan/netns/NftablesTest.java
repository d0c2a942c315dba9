package org.portplan.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.portplan.Sites;
import org.portplan.core.Platform;
import org.portplan.engine.Outputs;
import org.portplan.rules.FirewallPlan;

/**
 * Every nftables file of every site passes nft's own check ({@code nft -c -f}), and a file
 * loads into an empty ruleset, over itself and over another portplan file, leaving tables that
 * are not portplan's alone. All of it runs in network namespaces of its own, so the host's
 * ruleset is never read or touched.
 */
class NftablesTest {

    private static final long TIMEOUT_MS = 20_000;
    private static Path ip;
    private static Path nft;
    private static final List<String> namespaces = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void tools() throws IOException {
        org.portplan.TestSupport.require("NftablesTest", RealNetworkTest.isRoot(), "network namespaces need root");
        Optional<Path> i = RealNetworkTest.tool("ip");
        org.portplan.TestSupport.require("NftablesTest", i.isPresent(), "the 'ip' command (package iproute2) is not installed");
        Optional<Path> n = RealNetworkTest.tool("nft");
        org.portplan.TestSupport.require("NftablesTest", n.isPresent(), "the 'nft' command (package nftables) is not installed");
        ip = i.get();
        nft = n.get();
        Lab.removeStale(ip);
    }

    @AfterAll
    static void removeNamespaces() throws IOException {
        for (String ns : namespaces) {
            Command.run(List.of(ip.toString(), "netns", "del", ns), "", TIMEOUT_MS);
        }
        namespaces.clear();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.portplan.Sites#all")
    void nftAcceptsTheNftablesFiles(String site) throws Exception {
        Outputs o = Sites.compile(site, Platform.NFTABLES);
        String ns = namespace();
        for (FirewallPlan fw : o.plan().firewalls()) {
            String name = fw.name() + "." + Platform.NFTABLES.id();
            assertThat(check(ns, name, o.files().get(name))).as("nft -c -f %s (%s)", name, site).isEmpty();
        }
    }

    /** The check can fail: nft rejects a rule naming a set the file does not define. */
    @Test
    void nftRejectsABrokenFile() throws Exception {
        String text = Sites.compile("examples/equinox-video/site.yaml", Platform.NFTABLES).files().get("video-fw.nftables");
        String broken = text.replaceFirst("!= @inside_subnets", "!= @no_such_set");
        assertThat(broken).isNotEqualTo(text);
        assertThat(check(namespace(), "broken.nftables", broken)).contains("no_such_set");
    }

    /**
     * A file replaces exactly portplan's two tables: loaded into a namespace that already holds a
     * table of its own and another firewall's portplan tables, then loaded again, it leaves the
     * same tables as when loaded into an empty namespace, and the other table as it was.
     */
    @Test
    void loadingReplacesPortplansTablesOnlyOnFirstLoadAndReload() throws Exception {
        String older = Sites.compile("examples/allworx-remote/site.yaml", Platform.NFTABLES).files().get("edge.nftables");
        String newer = Sites.compile("examples/equinox-video/site.yaml", Platform.NFTABLES).files().get("video-fw.nftables");
        String keep = """
                table inet keep {
                \tchain input {
                \t\ttype filter hook input priority 0; policy accept;
                \t\ttcp dport 22 accept comment "ssh to the router"
                \t}
                }
                """;
        String busy = namespace();
        load(busy, keep);
        String keptBefore = list(busy, "inet keep");
        load(busy, older);
        assertThat(list(busy, "inet portplan")).as("the older file's filter table").contains("10.10.0.21");
        load(busy, newer);
        String filter = list(busy, "inet portplan");
        String nat = list(busy, "ip portplan_nat");
        load(busy, newer);

        String empty = namespace();
        load(empty, newer);
        assertThat(filter).as("inet portplan after loading over another portplan file").isEqualTo(list(empty, "inet portplan"))
                .doesNotContain("10.10.0.21");
        assertThat(nat).as("ip portplan_nat after loading over another portplan file").isEqualTo(list(empty, "ip portplan_nat"));
        assertThat(list(busy, "inet portplan")).as("inet portplan after a reload").isEqualTo(filter);
        assertThat(list(busy, "ip portplan_nat")).as("ip portplan_nat after a reload").isEqualTo(nat);
        assertThat(list(busy, "inet keep")).as("a table that is not portplan's").isEqualTo(keptBefore);
    }

    /** A fresh namespace, deleted after the class. */
    private static String namespace() throws IOException {
        String ns = Lab.probeName().replace("-check-", "-nft-");
        Command.run(List.of(ip.toString(), "netns", "add", ns), "", TIMEOUT_MS);
        namespaces.add(ns);
        return ns;
    }

    /** What {@code nft -c -f} says of {@code text} in namespace {@code ns}: empty when nft would load it. */
    private String check(String ns, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        try {
            return Command.run(List.of(ip.toString(), "netns", "exec", ns, nft.toString(), "-c", "-f", file.toString()), "",
                    TIMEOUT_MS).strip();
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private static void load(String ns, String text) throws IOException {
        Command.run(List.of(ip.toString(), "netns", "exec", ns, nft.toString(), "-f", "-"), text, TIMEOUT_MS);
    }

    private static String list(String ns, String table) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ip.toString(), "netns", "exec", ns, nft.toString(), "list", "table"));
        cmd.addAll(List.of(table.split(" ")));
        return Command.run(cmd, "", TIMEOUT_MS);
    }
}
