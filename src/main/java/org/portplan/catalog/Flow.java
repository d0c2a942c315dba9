package org.portplan.catalog;

import java.util.List;
import org.portplan.diag.Location;

/**
 * Traffic from one role to another, as a vendor table row gives it: who opens the connection,
 * to which ports (and from which, when the table says), why, and when it is required.
 * {@code neverFromOutside} marks rows a firewall must keep closed from the Internet side.
 */
public record Flow(String id, String from, String to, List<PortSpec> ports, List<PortSpec> fromPorts,
                   Requirement requirement, String when, boolean neverFromOutside, String purpose,
                   Citation source, Location location, Location fromLocation, Location toLocation) {

    public Flow {
        ports = List.copyOf(ports);
        fromPorts = List.copyOf(fromPorts);
    }
}
