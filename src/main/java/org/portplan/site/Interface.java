package org.portplan.site;

import org.portplan.core.Cidr;
import org.portplan.diag.Location;

/** A firewall interface: the zone it faces, its OS name (PIX: its nameif) and its address with prefix. */
public record Interface(String zone, String name, Cidr address, Location location) {
}
