package org.portplan.core;

import java.util.Locale;
import java.util.Optional;

/** Transport protocols a port plan can open. */
public enum Protocol {
    TCP, UDP;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Protocol> byId(String id) {
        for (Protocol p : values()) {
            if (p.id().equals(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
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
