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

    /** "tcp/udp": several protocols as the catalog and messages write them. */
    public static String ids(java.util.Collection<Protocol> protocols) {
        return String.join("/", protocols.stream().sorted().map(Protocol::id).toList());
    }

    @Override
    public String toString() {
        return id();
    }
}
