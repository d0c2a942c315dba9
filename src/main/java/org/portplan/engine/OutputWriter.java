package org.portplan.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes a compile's files into a directory all or nothing, and prunes files it wrote earlier.
 *
 * <p>The new files are written and fsynced in a staging folder inside the directory (so every
 * rename stays on one file system), then a journal listing the renames and removals is
 * written atomically: that is the commit point. The journal is then carried out and deleted.
 * A run that dies before the journal exists leaves the old files untouched; one that dies
 * after it leaves whole old and new files that the next {@link #recover} completes. A manifest
 * records what portplan wrote, with hashes, so that only its own unchanged files are pruned.
 */
public final class OutputWriter {

    /** Staging folder for the files of a run, inside the output directory. */
    public static final String STAGING = ".portplan-staging";
    /** The commit marker: present only while a committed run's files are moved in. */
    public static final String JOURNAL = ".portplan-journal";
    /** The files portplan wrote in the directory, with their hashes. */
    public static final String MANIFEST = ".portplan-manifest";

    private static final String JOURNAL_TMP = JOURNAL + ".tmp";
    private static final String MANIFEST_HEADER = "# portplan manifest: files portplan wrote in this directory (do not edit)";
    private static final String JOURNAL_HEADER = "# portplan journal: an interrupted write; the next 'portplan compile' into this directory completes it";
    private static final String JOURNAL_END = "end";
    /** Output names: what firewall names allow plus a platform suffix; never hidden, never a path. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /**
     * What writing a set of files would do to the directory. {@code missing}, {@code stale}
     * and {@code current} partition the planned names; {@code pruned} are files portplan
     * wrote earlier for outputs no longer planned (they get removed), {@code keptModified}
     * such files that were edited since (left alone), {@code blocked} planned names taken
     * by something that is not a regular file (the write is refused).
     */
    public record Changes(List<String> missing, List<String> stale, List<String> current, List<String> pruned,
                          List<String> keptModified, List<String> blocked) {

        public Changes {
            missing = List.copyOf(missing);
            stale = List.copyOf(stale);
            current = List.copyOf(current);
            pruned = List.copyOf(pruned);
            keptModified = List.copyOf(keptModified);
            blocked = List.copyOf(blocked);
        }

        /** True when the directory already holds exactly the planned files. */
        public boolean upToDate() {
            return missing.isEmpty() && stale.isEmpty() && pruned.isEmpty() && blocked.isEmpty();
        }
    }

    /** What a {@link #write} did: every planned file is in place; some old ones were pruned or kept. */
    public record Written(List<Path> files, List<Path> pruned, List<Path> keptModified) {

        public Written {
            files = List.copyOf(files);
            pruned = List.copyOf(pruned);
            keptModified = List.copyOf(keptModified);
        }
    }

    /** What {@link #recover} found: nothing, an uncommitted run it discarded, or a committed one it completed. */
    public enum Recovery {
        NOTHING, DISCARDED, COMPLETED
    }

    private final Path dir;

    /** A writer for {@code dir} (which need not exist yet). */
    public OutputWriter(Path dir) {
        this.dir = dir;
    }

    /**
     * Brings the directory back to a complete set after an interrupted run: a committed run
     * (journal present) is carried out, an uncommitted one (staging folder only) discarded.
     */
    public Recovery recover() throws IOException {
        if (!Files.isDirectory(dir)) {
            return Recovery.NOTHING;
        }
        Files.deleteIfExists(dir.resolve(JOURNAL_TMP));
        Path journal = dir.resolve(JOURNAL);
        if (Files.exists(journal, LinkOption.NOFOLLOW_LINKS)) {
            apply(readJournal(journal));
            return Recovery.COMPLETED;
        }
        if (Files.exists(dir.resolve(STAGING), LinkOption.NOFOLLOW_LINKS)) {
            deleteStaging();
            syncDirectory(dir);
            return Recovery.DISCARDED;
        }
        return Recovery.NOTHING;
    }

    /** A file's bytes and their SHA-256, made once: a large site's plan.md is tens of megabytes. */
    private record Encoded(byte[] bytes, String sha256) {
    }

    /**
     * Every file encoded and hashed, in parallel (the digests are independent, and the result is
     * a sorted map, so the order of the work does not show).
     */
    private static Map<String, Encoded> encode(Map<String, String> files) {
        for (String name : files.keySet()) {
            checkName(name);
        }
        return files.entrySet().parallelStream().collect(Collectors.toMap(Map.Entry::getKey, f -> {
            byte[] b = bytes(f.getValue());
            return new Encoded(b, sha256(b));
        }, (a, b) -> a, TreeMap::new));
    }

    /** Compares the directory with {@code files} (name to content) without changing anything. */
    public Changes compare(Map<String, String> files) throws IOException {
        return compareEncoded(encode(files));
    }

    private Changes compareEncoded(Map<String, Encoded> files) throws IOException {
        List<String> missing = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        List<String> current = new ArrayList<>();
        List<String> blocked = new ArrayList<>();
        for (Map.Entry<String, Encoded> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                missing.add(f.getKey());
            } else if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                blocked.add(f.getKey());
            } else if (Files.size(p) == f.getValue().bytes().length && sha256(p).equals(f.getValue().sha256())) {
                current.add(f.getKey());
            } else {
                stale.add(f.getKey());
            }
        }
        List<String> pruned = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (Map.Entry<String, String> old : readManifest().entrySet()) {
            Path p = dir.resolve(old.getKey());
            if (files.containsKey(old.getKey()) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            (sha256(p).equals(old.getValue()) ? pruned : kept).add(old.getKey());
        }
        return new Changes(missing, stale, current, pruned, kept, blocked);
    }

    /**
     * Replaces the directory's portplan files with {@code files}, all or nothing; creates the
     * directory if needed. On an exception before the commit point the directory is as it was.
     */
    public Written write(Map<String, String> texts) throws IOException {
        Map<String, Encoded> files = encode(texts);
        recover();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException("'" + dir + "' exists and is not a directory");
        }
        Optional<Path> created = createDirectories();
        Path staging = dir.resolve(STAGING);
        boolean committed = false;
        try {
            Changes changes = compareEncoded(files);
            if (!changes.blocked().isEmpty()) {
                throw new IOException("cannot replace " + String.join(", ", changes.blocked().stream()
                        .map(n -> "'" + dir.resolve(n) + "'").toList()) + ": not a regular file");
            }
            Files.createDirectory(staging);
            List<String> moves = new ArrayList<>();
            moves.addAll(changes.missing());
            moves.addAll(changes.stale());
            for (String name : moves) {
                writeNew(staging.resolve(name), files.get(name).bytes());
            }
            writeNew(staging.resolve(MANIFEST), bytes(manifest(files)));
            moves.add(MANIFEST);
            forceAll(moves.stream().map(staging::resolve).toList());
            syncDirectory(staging);
            Journal journal = new Journal(moves, changes.pruned());
            writeNew(dir.resolve(JOURNAL_TMP), bytes(journal.text()));
            force(dir.resolve(JOURNAL_TMP));
            Files.move(dir.resolve(JOURNAL_TMP), dir.resolve(JOURNAL), StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(dir);
            committed = true;
            try {
                apply(journal);
            } catch (IOException e) {
                throw new IOException(e.getMessage() + "; the new files are committed but not all moved in,"
                        + " and the next 'portplan compile' into this directory completes the write", e);
            }
            return new Written(files.keySet().stream().map(dir::resolve).toList(),
                    changes.pruned().stream().map(dir::resolve).toList(),
                    changes.keptModified().stream().map(dir::resolve).toList());
        } finally {
            if (!committed) {
                rollBack(created);
            }
        }
    }

    /** The renames and removals of one committed run. */
    private record Journal(List<String> moves, List<String> deletes) {

        String text() {
            StringBuilder s = new StringBuilder(JOURNAL_HEADER).append('\n');
            moves.forEach(m -> s.append("move ").append(m).append('\n'));
            deletes.forEach(d -> s.append("delete ").append(d).append('\n'));
            return s.append(JOURNAL_END).append('\n').toString();
        }
    }

    /** Carries out a committed journal; safe to repeat after a crash at any point. */
    private void apply(Journal journal) throws IOException {
        Path staging = dir.resolve(STAGING);
        for (String name : journal.moves()) {
            Path from = staging.resolve(name);
            if (Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(from, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        for (String name : journal.deletes()) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(p);
            }
        }
        syncDirectory(dir);
        deleteStaging();
        Files.delete(dir.resolve(JOURNAL));
        syncDirectory(dir);
    }

    private Journal readJournal(Path journal) throws IOException {
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        List<String> moves = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        boolean end = false;
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            if (end) {
                throw damaged(journal);
            }
            if (line.equals(JOURNAL_END)) {
                end = true;
            } else if (line.startsWith("move ") && validName(line.substring(5))) {
                moves.add(line.substring(5));
            } else if (line.startsWith("delete ") && validName(line.substring(7))) {
                deletes.add(line.substring(7));
            } else {
                throw damaged(journal);
            }
        }
        if (!end) {
            throw damaged(journal);
        }
        return new Journal(moves, deletes);
    }

    private static IOException damaged(Path journal) {
        return new IOException("'" + journal + "' is damaged, so an interrupted write cannot be completed;"
                + " check the directory, remove the journal and the " + STAGING + " folder, and compile again");
    }

    /** The previous run's manifest: name to SHA-256; empty when there is none. */
    private Map<String, String> readManifest() throws IOException {
        Map<String, String> out = new TreeMap<>();
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            // Anything unexpected is ignored: an unreadable entry only means that file is not pruned.
            String[] parts = line.split(" ", 2);
            if (parts.length == 2 && parts[0].startsWith("sha256:") && validName(parts[1])) {
                out.put(parts[1], parts[0].substring(7));
            }
        }
        return out;
    }

    private static String manifest(Map<String, Encoded> files) {
        StringBuilder s = new StringBuilder(MANIFEST_HEADER).append('\n');
        files.forEach((name, f) -> s.append("sha256:").append(f.sha256()).append(' ').append(name).append('\n'));
        return s.toString();
    }

    private Optional<Path> createDirectories() throws IOException {
        Path abs = dir.toAbsolutePath();
        Path top = null;
        for (Path p = abs; p != null && !Files.exists(p); p = p.getParent()) {
            top = p;
        }
        Files.createDirectories(dir);
        return Optional.ofNullable(top);
    }

    /** Removes the staging folder and any directories this run created; the old files are untouched. */
    private void rollBack(Optional<Path> created) {
        try {
            deleteStaging();
            Files.deleteIfExists(dir.resolve(JOURNAL_TMP));
            if (created.isPresent()) {
                for (Path p = dir.toAbsolutePath(); p != null && p.startsWith(created.get()); p = p.getParent()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (DirectoryNotEmptyException e) {
            // Someone else put files there meanwhile: they stay.
        } catch (IOException e) {
            // Best effort: a leftover staging folder is discarded by the next run.
        }
    }

    private void deleteStaging() throws IOException {
        Path staging = dir.resolve(STAGING);
        if (!Files.isDirectory(staging, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("'" + staging + "' is not portplan's staging folder; remove it");
            }
            return;
        }
        try (Stream<Path> files = Files.list(staging)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(staging);
    }

    private static void writeNew(Path file, byte[] content) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(content);
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }
    }

    /**
     * fsync after all files are written lets the kernel write them back together; several at a
     * time let the file system commit them in fewer journal transactions. fsync waits on the
     * disk, not the processor: more threads than cores pay off.
     */
    private static final int SYNC_THREADS = 8;

    private static void forceAll(List<Path> files) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(SYNC_THREADS, files.size())), r -> {
            Thread t = new Thread(r, "portplan-fsync");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Callable<Void>> syncs = files.stream().<Callable<Void>>map(f -> () -> {
                force(f);
                return null;
            }).toList();
            for (Future<Void> done : pool.invokeAll(syncs)) {
                done.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while syncing the new files");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /** Makes renames and new entries in {@code d} durable; not every platform can open a directory. */
    private static void syncDirectory(Path d) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(d, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException | UnsupportedOperationException e) {
            return;
        }
        try (ch) {
            ch.force(true);
        }
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid output file name: '" + name + "'");
        }
    }

    private static boolean validName(String name) {
        return NAME.matcher(name).matches() || name.equals(MANIFEST);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] data) {
        MessageDigest md = sha256();
        return HexFormat.of().formatHex(md.digest(data));
    }

    /** Streams the file: whatever sits in the directory under a planned name may be large. */
    private static String sha256(Path file) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
