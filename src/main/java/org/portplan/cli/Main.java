package org.portplan.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point; {@link #run} is the whole CLI without {@code System.exit}, for tests. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line and returns its exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new PortplanCommand());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            Reporting.line(err, "portplan: error: " + ex.getMessage());
            err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            err.flush();
            return ExitCode.USAGE.code();
        });
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof Exit exit) {
                return exit.code().code();
            }
            err.println("portplan: internal error: " + ex);
            if (System.getenv("PORTPLAN_DEBUG") != null) {
                ex.printStackTrace(err);
            } else {
                err.println("This is a bug in portplan; run again with PORTPLAN_DEBUG=1 for details and report it.");
            }
            err.flush();
            return ExitCode.INTERNAL.code();
        });
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** For tests that capture output in memory. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
