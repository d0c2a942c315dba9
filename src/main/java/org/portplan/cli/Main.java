package org.portplan.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.UnmatchedArgumentException;

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
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            Reporting.line(err, "portplan: error: " + ex.getMessage());
            // picocli's "Did you mean: portplan compile?" for mistyped commands and options.
            UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            err.flush();
            return ExitCode.USAGE.code();
        });
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof Exit exit) {
                return exit.code().code();
            }
            return internal(ex, err);
        });
        int code;
        try {
            code = cmd.execute(args);
        } catch (Error e) {
            // picocli passes on Errors, out of memory among them: they are internal failures too.
            code = internal(e, err);
        }
        out.flush();
        err.flush();
        return code;
    }

    /** Any failure that is not the user's: one line saying what happened and what to try, exit 3. */
    static int internal(Throwable t, PrintWriter err) {
        if (t instanceof OutOfMemoryError) {
            Reporting.line(err, "portplan: internal error: out of memory (Java heap limit "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB); run with a larger heap, e.g."
                    + " PORTPLAN_JAVA_OPTS=-Xmx4g ./portplan ... or java -Xmx4g -jar portplan.jar ...");
        } else {
            Reporting.line(err, "portplan: internal error: " + t + "; this is a bug in portplan: run again with"
                    + " PORTPLAN_DEBUG=1 for the details, and report it");
        }
        if (System.getenv("PORTPLAN_DEBUG") != null) {
            t.printStackTrace(err);
        }
        err.flush();
        return ExitCode.INTERNAL.code();
    }

    /** For tests that capture output in memory. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
