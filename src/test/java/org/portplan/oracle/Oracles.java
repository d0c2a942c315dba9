package org.portplan.oracle;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.portplan.TestSupport;

/**
 * The third-party rule checkers of {@code ../shared/oracles} (OpenBSD's pfctl, jtacl), built by
 * {@code .ci/build-oracles} into {@code target/oracles} the first time a test asks for them.
 * Without the shared folder the engine tests skip, except under {@code CI=true}, which promises it.
 */
final class Oracles {

    private static final long BUILD_TIMEOUT_MINUTES = 15;
    private static String unavailable;
    private static boolean built;

    private Oracles() {
    }

    /** The shared folder: {@code portplan.oracles} or {@code PORTPLAN_ORACLES} when set, else beside the repository. */
    static Path shared() {
        String p = System.getProperty("portplan.oracles", System.getenv("PORTPLAN_ORACLES"));
        Path dir = p != null && !p.isBlank() ? Path.of(p) : TestSupport.repo().resolve("../shared/oracles");
        return dir.toAbsolutePath().normalize();
    }

    static Path pfctl() {
        ensureBuilt();
        return out().resolve("pfctl-port/build/pfctl");
    }

    /** The command that starts jtacl; its arguments follow. */
    static List<String> jtacl() {
        ensureBuilt();
        String cp;
        try {
            cp = Files.readString(out().resolve("lsfw/classpath.txt")).strip();
        } catch (IOException e) {
            throw new IllegalStateException("target/oracles/lsfw/classpath.txt is unreadable: " + e.getMessage(), e);
        }
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A run lasts seconds: start fast rather than run fast.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", out().resolve("lsfw/target/lsfw-1.0-SNAPSHOT.jar") + ":" + cp,
                "fr.univrennes1.cri.jtacl.App");
    }

    private static Path out() {
        return TestSupport.repo().toAbsolutePath().resolve("target/oracles");
    }

    /** Builds the checkers once per JVM, or skips (fails under CI=true) saying why they cannot run. */
    private static synchronized void ensureBuilt() {
        if (!built && unavailable == null) {
            unavailable = build();
            built = unavailable == null;
        }
        if (unavailable != null) {
            skipOrFail(unavailable);
        }
    }

    private static String build() {
        Path shared = shared();
        if (!Files.isDirectory(shared.resolve("pfctl-port")) || !Files.isDirectory(shared.resolve("lsfw"))) {
            return shared + " is not there (the engine checkers live in ../shared/oracles beside the repository;"
                    + " set PORTPLAN_ORACLES to use another copy)";
        }
        if (Files.isExecutable(out().resolve("pfctl-port/build/pfctl"))
                && Files.isRegularFile(out().resolve("lsfw/target/lsfw-1.0-SNAPSHOT.jar"))
                && Files.isRegularFile(out().resolve("lsfw/classpath.txt"))) {
            return null;
        }
        Path log = out().resolve("build.log");
        try {
            Files.createDirectories(out());
            List<String> cmd = new ArrayList<>(List.of("bash", TestSupport.repo().resolve(".ci/build-oracles").toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("PORTPLAN_ORACLES", shared.toString());
            String mvn = System.getProperty("portplan.mvn");
            if (mvn != null && Files.isExecutable(Path.of(mvn))) {
                pb.environment().put("PORTPLAN_MVN", mvn);
            }
            System.out.println("Oracles: building pfctl and jtacl from " + shared + " into " + out() + " (log: " + log + ")");
            Process p = pb.start();
            if (!p.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return "building the checkers took more than " + BUILD_TIMEOUT_MINUTES + " minutes (log: " + log + ")";
            }
            if (p.exitValue() != 0) {
                return ".ci/build-oracles failed (exit " + p.exitValue() + "; it needs gcc, byacc, libbsd-dev, libmd-dev"
                        + " and Maven): " + tail(log);
            }
            return null;
        } catch (IOException e) {
            return "cannot run .ci/build-oracles: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while building the checkers";
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Skips where the checkers cannot run, but fails in CI, which promises ../shared beside the checkout. */
    static void skipOrFail(String why) {
        if ("true".equals(System.getenv("CI"))) {
            fail("the engine checkers cannot run: " + why + " (CI=true, so this is an error, not a skip)");
        }
        Assumptions.assumeTrue(false, "engine checkers skipped: " + why);
    }
}
