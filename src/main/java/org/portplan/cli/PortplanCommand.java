package org.portplan.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code portplan} command; it only dispatches to subcommands. */
@Command(name = "portplan", mixinStandardHelpOptions = true, version = "portplan 0.1.0",
        description = "Compiles VoIP and video site plans into firewall rules (iptables, Cisco PIX, OpenBSD pf)"
                + " and device settings.",
        subcommands = {CompileCommand.class, ValidateCommand.class, PlanCommand.class, CatalogCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 invalid input or infeasible plan, 2 usage error, 3 internal error.",
                "Documentation: docs/ in the portplan repository."})
final class PortplanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }
}
