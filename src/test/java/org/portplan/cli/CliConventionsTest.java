package org.portplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.portplan.cli.ErrorCasesTest.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portplan.TestSupport;
import org.portplan.core.Platform;

/** The conventions of picocli CLIs: help command, suggestions, enums in any case, version, completion. */
class CliConventionsTest {

    private static final String ALLWORX = "examples/allworx-remote/site.yaml";
    private static final List<String> COMMANDS = List.of("compile", "validate", "plan", "catalog", "completion", "help");

    @TempDir
    Path tmp;

    @Test
    void helpCommandPrintsTheUsageOfACommand() {
        ErrorCasesTest.Run top = run("help");
        assertThat(top.code()).isZero();
        assertThat(top.out()).startsWith("Usage: portplan ").contains(COMMANDS).contains("Exit codes:");
        ErrorCasesTest.Run compile = run("help", "compile");
        assertThat(compile.code()).isZero();
        assertThat(compile.out()).startsWith("Usage: portplan compile ").contains("--target", "--output", "--strict");
        assertThat(compile.out()).isEqualTo(run("compile", "--help").out());
        ErrorCasesTest.Run unknown = run("help", "compil");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown subcommand 'compil'");
    }

    @Test
    void mistypedCommandsAndOptionsGetSuggestions() {
        ErrorCasesTest.Run command = run("compil", ALLWORX);
        assertThat(command.code()).isEqualTo(2);
        assertThat(command.err()).contains("Did you mean: portplan compile", "Try 'portplan --help'");
        ErrorCasesTest.Run sub = run("catalog", "shwo", "allworx-phone");
        assertThat(sub.code()).isEqualTo(2);
        assertThat(sub.err()).contains("Did you mean: catalog show?");
        ErrorCasesTest.Run option = run("validate", "--strcit", ALLWORX);
        assertThat(option.code()).isEqualTo(2);
        assertThat(option.err()).contains("Unknown option: '--strcit'", "Possible solutions: --strict",
                "Try 'portplan validate --help'");
    }

    @Test
    void enumValuesAreAcceptedInAnyCase() throws IOException {
        Path pf = tmp.resolve("pf");
        assertThat(run("compile", ALLWORX, "-o", pf.toString(), "--target", "PF").code()).isZero();
        try (Stream<Path> files = Files.list(pf)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))).containsExactlyInAnyOrder("edge.pf", "plan.md");
        }
        Path all = tmp.resolve("all");
        assertThat(run("compile", ALLWORX, "-o", all.toString(), "--target", "All").code()).isZero();
        assertThat(all.resolve("edge.iptables")).exists();
        assertThat(all.resolve("edge.pix")).exists();
        assertThat(all.resolve("edge.pf")).exists();
        ErrorCasesTest.Run json = run("plan", ALLWORX, "--format", "JSON");
        assertThat(json.code()).isZero();
        assertThat(new ObjectMapper().readTree(json.out()).get("site").asText()).isEqualTo("branch-office");
        assertThat(run("plan", ALLWORX, "--format", "Markdown").out()).startsWith("# Port plan: branch-office");
        ErrorCasesTest.Run bad = run("compile", ALLWORX, "-o", tmp.resolve("x").toString(), "--target", "cisco");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("Invalid value for option '--target'", "(case-insensitive) but was 'cisco'");
        assertThat(run("plan", ALLWORX, "--format", "xml").code()).isEqualTo(2);
    }

    @Test
    void enumValuesDoNotDependOnTheLocale() {
        Locale saved = Locale.getDefault();
        try {
            // Turkish upper-cases 'i' to a dotted capital I: "pix" must still be PIX.
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            Path out = tmp.resolve("tr");
            assertThat(run("compile", ALLWORX, "-o", out.resolve("a").toString(), "--target", "pix").code()).isZero();
            assertThat(run("compile", ALLWORX, "-o", out.resolve("b").toString(), "--target", "IPTABLES").code()).isZero();
            assertThat(out.resolve("a/edge.pix")).exists();
            assertThat(out.resolve("b/edge.iptables")).exists();
            assertThat(run("help", "compile").out()).contains("iptables, nftables, pix, asa, pf, all");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void everyPlatformIsATarget() {
        Set<Platform> single = EnumSet.noneOf(Platform.class);
        for (Target t : Target.values()) {
            if (t != Target.ALL) {
                assertThat(t.platforms()).hasSize(1);
                assertThat(t.toString()).isEqualTo(t.platforms().iterator().next().id());
                single.addAll(t.platforms());
            }
        }
        assertThat(single).isEqualTo(EnumSet.allOf(Platform.class)).isEqualTo(Target.ALL.platforms());
    }

    @Test
    void versionNamesPortplanAndTheBuiltInCatalog() throws IOException {
        ErrorCasesTest.Run r = run("--version");
        assertThat(r.code()).isZero();
        long catalogFiles;
        try (Stream<Path> files = Files.list(TestSupport.repo().resolve("catalog"))) {
            catalogFiles = files.filter(p -> p.toString().endsWith(".yaml")).count();
        }
        String expectedVersion = System.getProperty("portplan.version");
        assumeThat(expectedVersion).as("the pom's version, passed by Maven").isNotNull();
        assertThat(r.out().lines()).hasSize(2);
        assertThat(r.out().lines().toList().get(0)).isEqualTo("portplan " + expectedVersion);
        assertThat(r.out().lines().toList().get(1))
                .matches("catalog sha256:[0-9a-f]{16} \\(built in, " + catalogFiles + " files\\)");
        assertThat(run("compile", "--version").out()).as("subcommands inherit the version").isEqualTo(r.out());
        assertThat(run("-V").out()).isEqualTo(r.out());
    }

    @Test
    void completionScriptCoversEveryCommandAndEnum() {
        ErrorCasesTest.Run bash = run("completion", "bash");
        assertThat(bash.code()).as(bash.err()).isZero();
        assertThat(bash.out()).startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_portplan", "bashcompinit")
                .contains(COMMANDS)
                .contains("(\"iptables\" \"nftables\" \"pix\" \"asa\" \"pf\" \"all\")", "(\"text\" \"markdown\" \"json\")");
        assertThat(run("completion", "ZSH").out()).isEqualTo(bash.out());
        ErrorCasesTest.Run fish = run("completion", "fish");
        assertThat(fish.code()).isEqualTo(2);
        assertThat(fish.err()).contains("expected one of [BASH, ZSH]");
    }

    @Test
    void completionScriptCompletesInBash() throws Exception {
        Path script = Files.writeString(tmp.resolve("portplan.bash"), run("completion", "bash").out());
        assumeThat(Path.of("/bin/bash")).exists();
        String driver = """
                source "$1"
                t() { COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
                      COMPREPLY=(); _complete_portplan portplan 2>/dev/null; echo "${COMPREPLY[*]}"; }
                t portplan comp
                t portplan compile --tar
                t portplan compile --target ''
                t portplan plan --format ''
                t portplan plan --diagnostics ''
                """;
        Process p = new ProcessBuilder("/bin/bash", "-c", driver, "driver", script.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out.lines()).containsExactly("compile completion", "--target", "iptables nftables pix asa pf all", "text markdown json",
                "text json sarif github");
    }

    @Test
    void manPagesExistForEveryCommand() throws IOException {
        Path man = TestSupport.repo().resolve("target/man/man1");
        assumeThat(System.getProperty("portplan.version")).as("the Maven build generates the man pages").isNotNull();
        List<String> pages = List.of("portplan.1", "portplan-compile.1", "portplan-validate.1", "portplan-plan.1",
                "portplan-catalog.1", "portplan-catalog-list.1", "portplan-catalog-show.1", "portplan-completion.1",
                "portplan-help.1");
        for (String page : pages) {
            Path f = man.resolve(page);
            assertThat(f).as(page).exists();
            String roff = Files.readString(f, StandardCharsets.UTF_8);
            assertThat(roff).as(page).contains(".TH ", ".SH \"NAME\"");
        }
        assertThat(Files.readString(man.resolve("portplan-compile.1"), StandardCharsets.UTF_8))
                .contains("\\-\\-target", "EXIT");
    }
}
