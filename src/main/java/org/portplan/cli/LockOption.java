package org.portplan.cli;

import java.nio.file.Path;
import org.portplan.engine.LockOptions;
import picocli.CommandLine.Option;

/** The --lock option shared by commands that plan a site. */
final class LockOption {

    @Option(names = "--lock", paramLabel = "FILE",
            description = "The lock file to keep allocations in (default: beside the site, its name with .lock"
                    + " for .yaml: site.yaml -> site.lock).")
    Path file;

    LockOptions options(boolean repack) {
        return new LockOptions(file, repack);
    }
}
