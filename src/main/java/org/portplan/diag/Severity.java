package org.portplan.diag;

/**
 * How bad a diagnostic is: errors stop the compile, warnings are reported and the compile goes
 * on (or fails it under --strict), notes only inform.
 */
public enum Severity {
    ERROR("error"), WARNING("warning"), NOTE("note");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
