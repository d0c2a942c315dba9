package org.portplan.diag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects diagnostics so that every stage can report all problems at once instead of
 * stopping at the first one.
 */
public final class Diagnostics {

    private final Set<Diagnostic> items = new LinkedHashSet<>();

    public void error(Location at, String message) {
        items.add(new Diagnostic(Severity.ERROR, at, message));
    }

    public void warning(Location at, String message) {
        items.add(new Diagnostic(Severity.WARNING, at, message));
    }

    /** Something the user should know that is no problem (a lock entry released). */
    public void note(Location at, String message) {
        items.add(new Diagnostic(Severity.NOTE, at, message));
    }

    public void add(Diagnostic d) {
        items.add(d);
    }

    public void addAll(Diagnostics other) {
        items.addAll(other.items);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public boolean hasWarnings() {
        return items.stream().anyMatch(d -> d.severity() == Severity.WARNING);
    }

    public int errorCount() {
        return (int) items.stream().filter(d -> d.severity() == Severity.ERROR).count();
    }

    /** All diagnostics in file, line, column order. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> list = new ArrayList<>(items);
        list.sort(Diagnostic.ORDER);
        return list;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
