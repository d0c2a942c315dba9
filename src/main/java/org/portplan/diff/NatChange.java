package org.portplan.diff;

import org.portplan.core.Ipv4;

/**
 * A device whose outbound address translation changes: it starts or stops leaving by a public
 * address, or leaves by another one. {@code before} and {@code after} are null when there is
 * no translation on that side.
 */
public record NatChange(String firewall, Ipv4 first, Ipv4 last, String before, String after) {

    public String addresses() {
        return first.equals(last) ? first.toString() : first + "-" + last;
    }

    /** "10.0.0.20: none -> 203.0.113.10". */
    public String describe() {
        return addresses() + ": " + (before == null ? "none" : before) + " -> " + (after == null ? "none" : after);
    }

    static String target(Ipv4 publicAddress, boolean oneToOne) {
        return publicAddress + (oneToOne ? " (1:1)" : "");
    }
}
