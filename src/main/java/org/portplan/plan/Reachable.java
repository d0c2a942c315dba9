package org.portplan.plan;

import org.portplan.rules.Forward;

/**
 * A forward any address on the Internet reaches, and why: the party is the Internet by nature,
 * the site declared nobody for a party the catalog opens to anyone, or a peer declared 0.0.0.0/0.
 */
public record Reachable(Forward forward, Why why, String detail) {

    /** Why a forward is open to anyone. */
    public enum Why {
        /** The catalog says the party is anyone on the Internet (external endpoints calling an Edge). */
        INTERNET("internet"),
        /** The site declares nobody for a specific party; a warning says how to narrow it. */
        UNDECLARED("undeclared"),
        /** A peer of the site declares 0.0.0.0/0. */
        PEER("peer");

        private final String id;

        Why(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** "role h323-terminal is anyone on the Internet", "no allworx-server declared", "peer 'x' is 0.0.0.0/0". */
    public String reason() {
        return switch (why) {
            case INTERNET -> "role " + detail + " is anyone on the Internet";
            case UNDECLARED -> "the site declares no " + detail;
            case PEER -> "peer '" + detail + "' is 0.0.0.0/0";
        };
    }
}
