package org.portplan.cli;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.portplan.core.Platform;

/** What {@code compile --target} selects: one platform for every firewall, or all platforms. */
enum Target {
    IPTABLES(EnumSet.of(Platform.IPTABLES)),
    NFTABLES(EnumSet.of(Platform.NFTABLES)),
    PIX(EnumSet.of(Platform.PIX)),
    ASA(EnumSet.of(Platform.ASA)),
    PF(EnumSet.of(Platform.PF)),
    ALL(EnumSet.allOf(Platform.class));

    private final Set<Platform> platforms;

    Target(Set<Platform> platforms) {
        this.platforms = platforms;
    }

    Set<Platform> platforms() {
        return EnumSet.copyOf(platforms);
    }

    /** Lower case: what help, completion and error messages show. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
