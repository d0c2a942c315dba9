package org.portplan.core;

import java.util.Locale;
import java.util.Optional;

/** Transport protocols a port plan can open. */
public enum Protocol implements Identified {
    TCP, UDP;

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Protocol> byId(String id) {
        return Identified.byId(Protocol.class, id);
    }

    private static final java.util.List<Protocol> BOTH = java.util.List.of(TCP, UDP);
    private static final java.util.List<Protocol> ONLY_TCP = java.util.List.of(TCP);
    private static final java.util.List<Protocol> ONLY_UDP = java.util.List.of(UDP);

    /** "tcp/udp": several protocols as the catalog and messages write them. */
    public static String ids(java.util.Collection<Protocol> protocols) {
        java.util.List<Protocol> sorted = sorted(protocols);
        return sorted == BOTH ? "tcp/udp" : sorted.isEmpty() ? "" : sorted.get(0).id();
    }

    /**
     * {@code protocols} in a stable order (tcp before udp), as one shared immutable list: pools
     * ask for theirs once per device, and there are only three such lists.
     */
    public static java.util.List<Protocol> sorted(java.util.Collection<Protocol> protocols) {
        boolean tcp = protocols.contains(TCP);
        boolean udp = protocols.contains(UDP);
        return tcp && udp ? BOTH : tcp ? ONLY_TCP : udp ? ONLY_UDP : java.util.List.of();
    }

    @Override
    public String toString() {
        return id();
    }
}
