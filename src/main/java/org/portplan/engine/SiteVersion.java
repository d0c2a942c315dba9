package org.portplan.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.portplan.diag.Diagnostics;
import org.portplan.yaml.YamlReader;

/**
 * One version of a site: its file and the lock file beside it, named as diagnostics show them,
 * read from the working tree ({@code file}, {@code lockFile}) or as the bytes of a git
 * revision for {@code diff --rev} ({@code data}, {@code lockData}). A missing lock is null.
 */
public record SiteVersion(String name, Path file, byte[] data, String lockName, Path lockFile, byte[] lockData) {

    /** The site file and the lock file {@code locking} names, as they are on disk. */
    public static SiteVersion read(Path siteFile, LockOptions locking) throws InputException {
        if (!Files.isRegularFile(siteFile)) {
            throw new InputException("site file '" + siteFile + "' does not exist or is not a file");
        }
        Path lock = locking.file(siteFile);
        if (Files.exists(lock) && !Files.isRegularFile(lock)) {
            throw new InputException("lock file '" + lock + "' is not a file");
        }
        return new SiteVersion(slashes(siteFile), siteFile, null, slashes(lock), Files.exists(lock) ? lock : null, null);
    }

    /** Bytes named as a file, for tests and fuzzing: no lock. */
    public static SiteVersion of(String name, byte[] data) {
        return new SiteVersion(name, null, data, null, null, null);
    }

    /**
     * The site file and its lock file as they were at git revision {@code rev} (anything
     * {@code git show} accepts: a commit, a branch, a tag, HEAD~1).
     */
    public static SiteVersion atRevision(String rev, Path siteFile, LockOptions locking) throws InputException {
        if (rev.isBlank() || rev.startsWith("-") || rev.contains(":")) {
            throw new InputException("'" + rev + "' is not a git revision");
        }
        Path site = siteFile.toAbsolutePath().normalize();
        Path lock = locking.file(siteFile).toAbsolutePath().normalize();
        byte[] text = git(site.getParent(), rev, site.getFileName().toString(), true);
        byte[] lockText = site.getParent().equals(lock.getParent())
                ? git(site.getParent(), rev, lock.getFileName().toString(), false) : null;
        return new SiteVersion(rev + ":" + slashes(siteFile), null, text, rev + ":" + slashes(locking.file(siteFile)),
                null, lockText);
    }

    /** The site's text, or empty with a located error (not UTF-8, too large) in {@code diags}. */
    public Optional<String> text(Diagnostics diags) throws InputException {
        return file != null ? readText(file, name, diags) : YamlReader.decode(name, data, diags);
    }

    /** Whether there is a lock file. */
    public boolean hasLock() {
        return lockFile != null || lockData != null;
    }

    /** The lock file's text, or empty with a located error in {@code diags}; only when {@link #hasLock}. */
    public Optional<String> lockText(Diagnostics diags) throws InputException {
        return lockFile != null ? readText(lockFile, lockName, diags) : YamlReader.decode(lockName, lockData, diags);
    }

    private static String slashes(Path p) {
        return p.toString().replace('\\', '/');
    }

    private static Optional<String> readText(Path file, String name, Diagnostics diags) throws InputException {
        try {
            return YamlReader.readText(file, name, diags);
        } catch (IOException e) {
            throw new InputException("cannot read '" + file + "': " + e.getMessage());
        }
    }
    /** {@code git show REV:./FILE} in {@code dir}; null for a missing optional file. */
    private static byte[] git(Path dir, String rev, String file, boolean required) throws InputException {
        ProcessBuilder pb = new ProcessBuilder(List.of("git", "-C", dir.toString(), "show", rev + ":./" + file));
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out;
            byte[] err;
            try (InputStream o = p.getInputStream(); InputStream e = p.getErrorStream()) {
                ByteArrayOutputStream errBuf = new ByteArrayOutputStream();
                Thread drain = new Thread(() -> {
                    try {
                        e.transferTo(errBuf);
                    } catch (IOException ignored) {
                        // the exit status tells what went wrong
                    }
                });
                drain.start();
                out = o.readAllBytes();
                drain.join();
                err = errBuf.toByteArray();
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new InputException("git show " + rev + ":" + file + " did not finish");
            }
            if (p.exitValue() != 0) {
                String why = new String(err, StandardCharsets.UTF_8).strip();
                if (!required && (why.contains("does not exist") || why.contains("exists on disk, but not in"))) {
                    return null;
                }
                throw new InputException("cannot read " + file + " at revision " + rev + ": "
                        + (why.isEmpty() ? "git exited with status " + p.exitValue() : why.lines().findFirst().orElse(why)));
            }
            return out;
        } catch (IOException e) {
            throw new InputException("cannot run git to read " + file + " at revision " + rev + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("interrupted while reading " + file + " at revision " + rev);
        }
    }
}
