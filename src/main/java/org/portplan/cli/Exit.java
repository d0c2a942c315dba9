package org.portplan.cli;

/**
 * Ends a command early with an exit code, after the reason has been printed. Commands throw
 * it so that each failure path is one line; {@link Main} turns it into the exit code.
 */
final class Exit extends RuntimeException {

    private final ExitCode code;

    Exit(ExitCode code) {
        super(null, null, false, false);
        this.code = code;
    }

    ExitCode code() {
        return code;
    }
}
