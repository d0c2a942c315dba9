package org.portplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portplan.TestSupport;

/** Failures that are not the user's end with exit 3 and one line that says what to try. */
class InternalFailureTest {

    @TempDir
    Path tmp;

    record Child(int code, String out, String err) {
    }

    static Child java(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        return javaMain(jvmOptions, Main.class.getName(), args);
    }

    /** Runs {@code mainClass} of the test classpath in a new JVM. */
    static Child javaMain(List<String> jvmOptions, String mainClass, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return exec(new ProcessBuilder(cmd));
    }

    static Child exec(ProcessBuilder pb) throws IOException, InterruptedException {
        Path out = Files.createTempFile("portplan-out", ".txt");
        Path err = Files.createTempFile("portplan-err", ".txt");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("child did not finish: " + pb.command());
            }
            return new Child(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void runningOutOfMemoryExitsThreeWithOneLineSayingWhatToTry() throws Exception {
        Path site = tmp.resolve("big.yaml");
        String line = "#".repeat(99) + "\n";
        try (var w = Files.newBufferedWriter(site, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 200_000; i++) {
                w.write(line);
            }
        }
        Child c = java(List.of("-Xmx16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), "validate", site.toString());
        assertThat(c.code()).as(c.err()).isEqualTo(3);
        assertThat(c.err().lines()).singleElement().asString()
                .startsWith("portplan: internal error: out of memory (Java heap limit ")
                .contains("PORTPLAN_JAVA_OPTS=-Xmx4g");
    }

    @Test
    void anyOtherInternalFailureIsOneLineToo() {
        StringWriter s = new StringWriter();
        int code = Main.internal(new IllegalStateException("broken\ninvariant"), new PrintWriter(s));
        assertThat(code).isEqualTo(3);
        assertThat(s.toString().lines()).singleElement().asString().isEqualTo("portplan: internal error:"
                + " java.lang.IllegalStateException: broken\\ninvariant; this is a bug in portplan: run again with"
                + " PORTPLAN_DEBUG=1 for the details, and report it");
    }

    @Test
    void theLauncherPassesPortplanJavaOptsToJava() throws Exception {
        // A copy of the launcher in a checkout whose jar is up to date, and a 'java' that shows its arguments.
        Path root = Files.createDirectories(tmp.resolve("checkout"));
        Files.copy(TestSupport.repo().resolve("portplan"), root.resolve("portplan"));
        Files.createDirectories(root.resolve("src/main"));
        Files.createDirectories(root.resolve("catalog"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Path jar = Files.createDirectories(root.resolve("target")).resolve("portplan.jar");
        Files.writeString(jar, "not really a jar");
        jar.toFile().setLastModified(System.currentTimeMillis() + 60_000);
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path fakeJava = Files.writeString(bin.resolve("java"), "#!/bin/sh\nfor a in \"$@\"; do echo \"[$a]\"; done\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("portplan").toString(), "validate", "a b.yaml");
        Map<String, String> env = pb.environment();
        env.put("PATH", bin + ":" + env.get("PATH"));
        env.put("PORTPLAN_JAVA_OPTS", "-Xmx4g -Dx=1");
        Child c = exec(pb);
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out().lines()).containsExactly("[-Xmx4g]", "[-Dx=1]", "[-jar]", "[" + jar + "]", "[validate]", "[a b.yaml]");
        env.remove("PORTPLAN_JAVA_OPTS");
        assertThat(exec(pb).out().lines()).as("the defaults, which PORTPLAN_JAVA_OPTS replaces").containsExactly(
                "[-XX:+UseSerialGC]", "[-XX:TieredStopAtLevel=1]", "[-jar]", "[" + jar + "]", "[validate]", "[a b.yaml]");
        env.put("PORTPLAN_JAVA_OPTS", "");
        assertThat(exec(pb).out().lines()).as("an empty PORTPLAN_JAVA_OPTS: no options at all")
                .containsExactly("[-jar]", "[" + jar + "]", "[validate]", "[a b.yaml]");
    }
}
