package org.portplan.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One version of a site: its file's text, named as diagnostics show it, and the text of its lock
 * file if there is one; read from the working tree, or from a git revision for {@code diff --rev}.
 */
public record SiteVersion(String name, String text, String lockName, String lockText) {

    /** The site file and the lock file {@code locking} names, as they are on disk. */
    public static SiteVersion read(Path siteFile, LockOptions locking) throws InputException {
        String text = readText(siteFile, "site file");
        Path lock = locking.file(siteFile);
        String lockText = null;
        if (Files.exists(lock)) {
            if (!Files.isRegularFile(lock)) {
                throw new InputException("lock file '" + lock + "' is not a file");
            }
            lockText = readText(lock, "lock file");
        }
        return new SiteVersion(slashes(siteFile), text, slashes(lock), lockText);
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
        String text = git(site.getParent(), rev, site.getFileName().toString(), true);
        String lockText = site.getParent().equals(lock.getParent())
                ? git(site.getParent(), rev, lock.getFileName().toString(), false) : null;
        return new SiteVersion(rev + ":" + slashes(siteFile), text, rev + ":" + slashes(locking.file(siteFile)), lockText);
    }

    private static String slashes(Path p) {
        return p.toString().replace('\\', '/');
    }

    private static String readText(Path file, String what) throws InputException {
        if (!Files.isRegularFile(file)) {
            throw new InputException(what + " '" + file + "' does not exist or is not a file");
        }
        try {
            return decode(Files.readAllBytes(file), what + " '" + file + "'");
        } catch (IOException e) {
            throw new InputException("cannot read " + what + " '" + file + "': " + e.getMessage());
        }
    }

    private static String decode(byte[] bytes, String what) throws InputException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(what + " is not UTF-8 text");
        }
    }

    /** {@code git show REV:./FILE} in {@code dir}; null for a missing optional file. */
    private static String git(Path dir, String rev, String file, boolean required) throws InputException {
        ProcessBuilder pb = new ProcessBuilder(List.of("git", "-C", dir.toString(), "show", rev + ":./" + file));
        pb.redirectErrorStream(false);
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
            return decode(out, file + " at revision " + rev);
        } catch (IOException e) {
            throw new InputException("cannot run git to read " + file + " at revision " + rev + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("interrupted while reading " + file + " at revision " + rev);
        }
    }
}
