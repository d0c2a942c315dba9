package org.portplan.plan;

import org.portplan.catalog.Pool;
import org.portplan.catalog.PoolKind;
import org.portplan.core.Protocol;

/**
 * What a lock file records of a pool's catalog entry, once per model and pool, so that a change
 * to it (another default, other bounds, another fixed port) is noticed:
 * "allocatable udp default 16384-16393 bounds 1024-65535 align 2".
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static String of(Pool pool) {
        String protocols = Protocol.ids(pool.protocolList());
        PoolKind k = pool.kind();
        if (k instanceof PoolKind.Fixed f) {
            return "fixed " + protocols + " " + f.ports();
        }
        if (k instanceof PoolKind.PerAddress pa) {
            return "once-per-address " + pa.group() + " " + protocols + " " + pa.ports();
        }
        PoolKind.Allocatable a = (PoolKind.Allocatable) k;
        StringBuilder sb = new StringBuilder("allocatable ").append(protocols);
        if (a.selector() == null) {
            window(sb, a.window());
        } else {
            sb.append(" by ").append(a.selector());
            new java.util.TreeMap<>(a.windows()).forEach((choice, w) -> window(sb.append(' ').append(choice).append(':'), w));
        }
        return sb.append(a.align() > 1 ? " align " + a.align() : "").toString();
    }

    private static void window(StringBuilder sb, PoolKind.Window w) {
        sb.append(" default ").append(w.defaultRange()).append(" bounds ").append(w.bounds());
    }
}
