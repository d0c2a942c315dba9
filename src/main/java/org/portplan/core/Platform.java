package org.portplan.core;

import java.util.Optional;

/** Firewall dialects portplan writes; the id is also the output file extension. */
public enum Platform implements Identified {
    IPTABLES("iptables", "Linux iptables"),
    PIX("pix", "Cisco PIX 7.x"),
    PF("pf", "OpenBSD pf 4.7+");

    private final String id;
    private final String title;

    Platform(String id, String title) {
        this.id = id;
        this.title = title;
    }

    @Override
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public static Optional<Platform> byId(String id) {
        return Identified.byId(Platform.class, id);
    }

    @Override
    public String toString() {
        return id;
    }
}
