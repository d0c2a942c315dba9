package org.portplan.core;

import java.util.Optional;

/** Firewall dialects portplan writes; the id is also the output file extension. */
public enum Platform implements Identified {
    IPTABLES("iptables", "Linux iptables"),
    NFTABLES("nftables", "Linux nftables"),
    PIX("pix", "Cisco PIX 7.x"),
    ASA("asa", "Cisco ASA 8.3+"),
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

    /** "iptables, nftables, pix, asa or pf": the ids as a message lists them. */
    public static String choices() {
        StringBuilder sb = new StringBuilder();
        Platform[] all = values();
        for (int i = 0; i < all.length; i++) {
            sb.append(i == 0 ? "" : i == all.length - 1 ? " or " : ", ").append(all[i].id);
        }
        return sb.toString();
    }

    public static Optional<Platform> byId(String id) {
        return Identified.byId(Platform.class, id);
    }

    @Override
    public String toString() {
        return id;
    }
}
