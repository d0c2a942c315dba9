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

    /** Runs {@code cmd} with {@code input} on standard input; returns standard output, throws unless it exits 0. */
    static String run(List<String> cmd, String input, long timeoutMs) throws IOException {
        Process p = new ProcessBuilder(cmd).start();
        // Read both streams while the command runs: a full pipe would stall it.
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try (OutputStream in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The command may exit without reading its input; its exit status tells what went wrong.
        }
        try {
            if (!p.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + ": no answer within " + timeoutMs + " ms");
            }
            String stdout = out.get();
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " exited " + p.exitValue() + ": "
                        + (stdout + err.get()).strip());
            }
            return stdout;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + ": interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException(String.join(" ", cmd) + ": cannot read its output", e);
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
