package org.portplan.engine;

import org.portplan.core.Platform;
import org.portplan.emit.Emitter;
import org.portplan.emit.asa.AsaEmitter;
import org.portplan.emit.iptables.IptablesEmitter;
import org.portplan.emit.nftables.NftablesEmitter;
import org.portplan.emit.pf.PfEmitter;
import org.portplan.emit.pix.PixEmitter;

/** The emitter for each platform. */
public final class Emitters {

    private Emitters() {
    }

    public static Emitter forPlatform(Platform p) {
        return switch (p) {
            case IPTABLES -> new IptablesEmitter();
            case NFTABLES -> new NftablesEmitter();
            case PIX -> new PixEmitter();
            case ASA -> new AsaEmitter();
            case PF -> new PfEmitter();
        };
    }
}
