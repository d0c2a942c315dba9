package org.portplan.catalog;

import java.util.List;

/**
 * Something the administrator must provide or know that is not a port: DHCP options,
 * configuration file names, a firewall helper to enable. Printed in the plan for each device
 * of the model, as a note or, for what concerns the network around the device (firewall
 * helpers, ALGs, NAT types), as advice; {@code when}, when not empty, limits it to devices for
 * which one of those features or flows is on.
 */
public record Instruction(String text, Citation source, Kind kind, List<String> when) {

    /** How the plan shows an instruction. */
    public enum Kind implements org.portplan.core.Identified {
        /** Something to know or provide about the device itself. */
        NOTE,
        /** What the network around the device must do for it: firewall helpers, ALGs, NAT. */
        ADVICE;

        @Override
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static java.util.Optional<Kind> byId(String id) {
            return org.portplan.core.Identified.byId(Kind.class, id);
        }
    }

    public Instruction {
        java.util.Objects.requireNonNull(kind);
        when = List.copyOf(when);
    }
}
