package org.portplan.core;

/**
 * Text from the input that is not a value of its type (an address, a prefix, a port range).
 * It carries no stack trace: hostile input can hold hundreds of thousands of bad values, and
 * each becomes a diagnostic, never a crash.
 */
public final class InvalidValue extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidValue(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
