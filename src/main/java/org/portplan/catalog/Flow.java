package org.portplan.catalog;

import java.util.List;
import org.portplan.diag.Location;

/**
 * Traffic from one role to another, as a vendor table row gives it: who opens the connection,
 * to which ports (and from which, when the table says), why, and when it is required.
 * {@code neverFromOutside} marks rows a firewall must keep closed from the Internet side;
 * {@code whenUndeclared}, when set, overrides the roles' own rule for this row; {@code fromZone}
 * and {@code toZone} limit each end to the parties inside or outside the firewall.
 */
public record Flow(String id, String from, String to, List<PortSpec> ports, List<PortSpec> fromPorts,
                   Requirement requirement, String when, boolean neverFromOutside, Undeclared whenUndeclared,
                   ZoneScope fromZone, ZoneScope toZone, String purpose, Citation source, Location location,
                   Location fromLocation, Location toLocation) {

    public Flow {
        ports = List.copyOf(ports);
        fromPorts = List.copyOf(fromPorts);
        java.util.Objects.requireNonNull(fromZone);
        java.util.Objects.requireNonNull(toZone);
    }
}
