package org.portplan.plan;

import java.util.Map;
import org.portplan.catalog.Pool;
import org.portplan.catalog.PoolKind;
import org.portplan.core.Protocol;

/**
 * What a lock file records of a pool's catalog entry, so that a change to it (another default,
 * other bounds, another fixed port) is noticed: "allocatable udp default 16384-16393 bounds 1024-65535 align 2".
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static String of(Pool pool, Map<String, String> params) {
        String protocols = Protocol.ids(pool.protocolList());
        PoolKind k = pool.kind();
        if (k instanceof PoolKind.Fixed f) {
            return "fixed " + protocols + " " + f.ports();
        }
        if (k instanceof PoolKind.PerAddress pa) {
            return "once-per-address " + pa.group() + " " + protocols + " " + pa.ports();
        }
        PoolKind.Allocatable a = (PoolKind.Allocatable) k;
        PoolKind.Window w = a.windowFor(params);
        return "allocatable " + protocols + " default " + w.defaultRange() + " bounds " + w.bounds()
                + (a.align() > 1 ? " align " + a.align() : "");
    }
}
