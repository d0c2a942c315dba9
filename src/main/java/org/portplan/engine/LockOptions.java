package org.portplan.engine;

import java.nio.file.Path;
import org.portplan.lock.LockFile;

/**
 * Which lock file a command uses (the one beside the site unless {@code --lock} names another)
 * and whether allocation ignores it to re-pack ports ({@code --repack}).
 */
public record LockOptions(Path explicit, boolean repack) {

    public static LockOptions besideSite() {
        return new LockOptions(null, false);
    }

    /** The lock file for {@code siteFile}. */
    public Path file(Path siteFile) {
        if (explicit != null) {
            return explicit;
        }
        Path name = siteFile.getFileName();
        Path lock = Path.of(LockFile.besideSite(name.toString()));
        Path dir = siteFile.getParent();
        return dir == null ? lock : dir.resolve(lock);
    }
}
