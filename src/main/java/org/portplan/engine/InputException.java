package org.portplan.engine;

/**
 * A file named on the command line cannot be used at all (missing, unreadable, not a
 * directory): a usage problem rather than invalid content.
 */
public final class InputException extends Exception {

    public InputException(String message) {
        super(message);
    }
}
