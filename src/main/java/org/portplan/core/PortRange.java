package org.portplan.core;

/** An inclusive range of TCP/UDP ports, 1-65535; a single port has first == last. */
public record PortRange(int first, int last) implements Comparable<PortRange> {

    public static final int MIN = 1;
    public static final int MAX = 65535;

    public PortRange {
        if (first < MIN || last > MAX || first > last) {
            throw new IllegalArgumentException("bad port range " + first + "-" + last + " (ports are 1-65535, first <= last)");
        }
    }

    public static PortRange of(int port) {
        return new PortRange(port, port);
    }

    /** Parses "5060" or "16384-16393". */
    public static PortRange parse(String text) {
        String t = text.trim();
        int dash = t.indexOf('-', 1);
        try {
            if (dash < 0) {
                return of(parsePort(t));
            }
            return new PortRange(parsePort(t.substring(0, dash).trim()), parsePort(t.substring(dash + 1).trim()));
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("'" + text + "' is not a port or port range: " + e.getMessage());
        }
    }

    private static int parsePort(String s) {
        if (s.isEmpty() || s.length() > 6 || !s.chars().allMatch(Character::isDigit)) {
            throw new InvalidValue("ports are whole numbers 1-65535");
        }
        int p = Integer.parseInt(s);
        if (p < MIN || p > MAX) {
            throw new InvalidValue("port " + p + " is outside 1-65535");
        }
        return p;
    }

    public int size() {
        return last - first + 1;
    }

    public boolean isSingle() {
        return first == last;
    }

    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    public boolean contains(PortRange o) {
        return o.first >= first && o.last <= last;
    }

    public boolean overlaps(PortRange o) {
        return o.first <= last && first <= o.last;
    }

    /** "5060" or "16384-16393". */
    @Override
    public String toString() {
        return isSingle() ? Integer.toString(first) : first + "-" + last;
    }

    /** The same range with a custom separator, e.g. ":" for iptables and pf. */
    public String format(String separator) {
        return isSingle() ? Integer.toString(first) : first + separator + last;
    }

    @Override
    public int compareTo(PortRange o) {
        int c = Integer.compare(first, o.first);
        return c != 0 ? c : Integer.compare(last, o.last);
    }
}
