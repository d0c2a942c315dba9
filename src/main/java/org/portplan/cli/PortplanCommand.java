package org.portplan.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code portplan} command; it only dispatches to subcommands. Its attributes
 * (help and version options, version, exit codes, footer) are inherited by every subcommand,
 * so {@code portplan compile --version} and each man page say the same.
 */
@Command(name = "portplan", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Compiles VoIP and video site plans into firewall rules (iptables, Cisco PIX, OpenBSD pf)"
                + " and device settings.",
        subcommands = {CompileCommand.class, ValidateCommand.class, PlanCommand.class, DiffCommand.class,
                CatalogCommand.class, CompletionCommand.class, HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (warnings may have been printed)",
            "1:invalid input (site or catalog), an infeasible plan, warnings under --strict,"
                    + " or output that could not be written",
            "2:usage error: unknown command or option, bad argument, a named file that does not exist",
            "3:internal error (a bug in portplan; PORTPLAN_DEBUG=1 prints the stack trace)",
            "4:the ./portplan launcher could not build the jar",
            "5:diff: the two versions differ"},
        footer = {"", "Documentation: README.md and docs/ in the portplan repository."})
final class PortplanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }
}
