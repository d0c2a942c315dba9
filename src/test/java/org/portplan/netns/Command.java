package org.portplan.netns;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs a short system command (ip, sysctl, iptables-restore) and fails loudly with its output. */
final class Command {

    private Command() {
    }

    /** How a command ended: its exit status, what it printed, and how long it took. */
    record Outcome(int exit, String out, String err, long millis) {
    }

    /** Runs {@code cmd} with {@code input} on standard input; returns standard output, throws unless it exits 0. */
    static String run(List<String> cmd, String input, long timeoutMs) throws IOException {
        Outcome o = finish(cmd, new ProcessBuilder(cmd).start(), input, timeoutMs);
        if (o.exit() != 0) {
            throw new IOException(String.join(" ", cmd) + " exited " + o.exit() + ": " + (o.out() + o.err()).strip());
        }
        return o.out();
    }

    /**
     * Feeds {@code input} to a started process and waits for it, whatever its exit status. A null
     * {@code input} keeps standard input open and silent until the process ends, as a terminal
     * nobody types into would.
     */
    static Outcome finish(List<String> cmd, Process p, String input, long timeoutMs) throws IOException {
        long start = System.nanoTime();
        // Read both streams while the command runs: a full pipe would stall it.
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        OutputStream in = p.getOutputStream();
        try {
            if (input != null) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
                in.close();
            }
        } catch (IOException e) {
            // The command may exit without reading its input; its exit status tells what went wrong.
        }
        try {
            boolean ended = p.waitFor(timeoutMs, TimeUnit.MILLISECONDS);
            closeQuietly(in);
            if (!ended) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + ": no answer within " + timeoutMs + " ms");
            }
            return new Outcome(p.exitValue(), out.get(), err.get(), (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + ": interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException(String.join(" ", cmd) + ": cannot read its output", e);
        }
    }

    private static void closeQuietly(OutputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the process is gone
        }
    }

    private static CompletableFuture<String> drain(InputStream s) {
        CompletableFuture<String> text = new CompletableFuture<>();
        // Own threads, not the common pool: two blocked readers there could starve each other.
        Thread t = new Thread(() -> {
            try (s) {
                text.complete(new String(s.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.complete("");
            }
        });
        t.setDaemon(true);
        t.start();
        return text;
    }
}
