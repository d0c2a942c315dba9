package org.portplan.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Collects diagnostics so that every stage can report all problems at once instead of
 * stopping at the first one. It keeps the first {@link #KEPT} in file, line and column order
 * and only counts the rest, so that hostile input cannot flood the output or the memory.
 */
public final class Diagnostics {

    /** Diagnostics kept (and printed); further ones are counted. */
    public static final int KEPT = 1000;

    private final TreeSet<Diagnostic> items = new TreeSet<>(Diagnostic.ORDER);
    private int keptErrors;
    private int keptWarnings;
    private int droppedErrors;
    private int droppedWarnings;

    public void error(Code code, Location at, String message) {
        add(new Diagnostic(Severity.ERROR, code, at, message));
    }

    public void warning(Code code, Location at, String message) {
        add(new Diagnostic(Severity.WARNING, code, at, message));
    }

    /** Something the user should know that is no problem (a lock entry released). */
    public void note(Code code, Location at, String message) {
        add(new Diagnostic(Severity.NOTE, code, at, message));
    }

    public void add(Diagnostic d) {
        if (!items.add(d)) {
            return;
        }
        count(d, 1);
        if (items.size() > KEPT) {
            Diagnostic last = items.pollLast();
            count(last, -1);
            if (last.severity() == Severity.ERROR) {
                droppedErrors++;
            } else if (last.severity() == Severity.WARNING && !last.isAcknowledged()) {
                droppedWarnings++;
            }
        }
    }

    private void count(Diagnostic d, int by) {
        if (d.severity() == Severity.ERROR) {
            keptErrors += by;
        } else if (d.severity() == Severity.WARNING && !d.isAcknowledged()) {
            keptWarnings += by;
        }
    }

    /**
     * Marks the warnings whose code {@code reasons} names as acknowledged, for that reason; returns
     * the codes that matched a warning.
     */
    public java.util.Set<Code> acknowledge(java.util.Map<Code, String> reasons) {
        java.util.Set<Code> used = java.util.EnumSet.noneOf(Code.class);
        List<Diagnostic> replaced = new ArrayList<>();
        for (Diagnostic d : items) {
            String reason = reasons.get(d.code());
            if (reason != null && d.severity() == Severity.WARNING) {
                used.add(d.code());
                if (!d.isAcknowledged()) {
                    replaced.add(d);
                }
            }
        }
        for (Diagnostic d : replaced) {
            items.remove(d);
            count(d, -1);
            Diagnostic ack = d.acknowledge(reasons.get(d.code()));
            items.add(ack);
            count(ack, 1);
        }
        return used;
    }

    /** The acknowledged warnings, in order. */
    public List<Diagnostic> acknowledged() {
        return items.stream().filter(Diagnostic::isAcknowledged).toList();
    }

    public void addAll(Diagnostics other) {
        other.items.forEach(this::add);
        droppedErrors += other.droppedErrors;
        droppedWarnings += other.droppedWarnings;
    }

    public boolean hasErrors() {
        return errorCount() > 0;
    }

    /** Whether there are warnings the site has not acknowledged (what {@code --strict} fails on). */
    public boolean hasWarnings() {
        return keptWarnings > 0 || droppedWarnings > 0;
    }

    public int errorCount() {
        return keptErrors + droppedErrors;
    }

    /** Diagnostics counted but not kept, beyond the first {@link #KEPT}. */
    public int dropped() {
        return droppedErrors + droppedWarnings;
    }

    /** The kept diagnostics in file, line, column order. */
    public List<Diagnostic> sorted() {
        return new ArrayList<>(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
