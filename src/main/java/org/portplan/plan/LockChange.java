package org.portplan.plan;

import org.portplan.diag.Location;
import org.portplan.lock.LockEntry;

/**
 * How planning changes the lock file: an allocation added (a new device or pool), moved (its
 * locked range could not be kept, or a pin changed it), or released (the device or pool is gone).
 * {@code before} is null for added ones, {@code after} for released ones. {@code deviceAt} is
 * where the device is written in the site file (null once it is no longer in the site): the
 * place to report an added allocation at, which has no line in the lock file yet.
 */
public record LockChange(Kind kind, LockEntry before, LockEntry after, String reason, Location deviceAt) {

    /** What happened to one allocation. */
    public enum Kind {
        ADDED("+"), MOVED("~"), RELEASED("-");

        private final String sign;

        Kind(String sign) {
            this.sign = sign;
        }

        public String sign() {
            return sign;
        }
    }

    public String device() {
        return (after != null ? after : before).device();
    }

    public String pool() {
        return (after != null ? after : before).pool();
    }

    /** "+ sales-3 sip: udp 5062 at 203.0.113.10", "~ a rtp: udp 16384-16393 at ... -> udp 16394-16405 at ... (why)". */
    public String describe() {
        String head = kind.sign() + " " + device() + " " + pool() + ": ";
        return switch (kind) {
            case ADDED -> head + after.describe();
            case RELEASED -> head + before.describe() + (reason == null ? "" : " (" + reason + ")");
            case MOVED -> head + before.describe() + " -> " + after.describe() + (reason == null ? "" : " (" + reason + ")");
        };
    }
}
