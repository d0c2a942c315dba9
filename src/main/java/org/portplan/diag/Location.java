package org.portplan.diag;

/** A position in an input file, 1-based, as editors and compilers count. */
public record Location(String file, int line, int column) implements Comparable<Location> {

    /** For problems that belong to a file as a whole (it cannot be read, it is empty). */
    public static Location of(String file) {
        return new Location(file, 0, 0);
    }

    @Override
    public int compareTo(Location o) {
        int c = file.compareTo(o.file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }

    @Override
    public String toString() {
        return line <= 0 ? file : file + ":" + line + ":" + column;
    }
}
