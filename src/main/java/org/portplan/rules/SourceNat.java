package org.portplan.rules;

import org.portplan.core.Ipv4;

/**
 * Outbound address translation for planned devices: connections they open to the outside
 * leave from {@code publicAddress} (their own, for 1:1 NAT), keeping their source ports so
 * that the ports forwarded inbound are the ones the far end sees.
 */
public record SourceNat(String firewall, Zone from, Zone to, Ipv4 first, Ipv4 last, Ipv4 publicAddress,
                        boolean ownPublicAddress, Trace trace) {
}
