package org.portplan.cli;

/** Process exit codes, the contract CI scripts rely on. */
public enum ExitCode {
    /** Success (warnings may have been printed). */
    OK(0),
    /** Invalid input, an infeasible plan, or output that could not be written. */
    INVALID(1),
    /** The command line is wrong: unknown option, missing argument, missing file. */
    USAGE(2),
    /** A bug in portplan. */
    INTERNAL(3),
    /** {@code diff} (4 is the ./portplan launcher's, when it cannot build the jar): the two versions differ (as {@code git diff --exit-code} and {@code terraform plan -detailed-exitcode} say so). */
    CHANGES(5);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
