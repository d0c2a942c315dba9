package org.portplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portplan.TestSupport;

/**
 * The {@code ./portplan} launcher, run by bash against stand-in {@code mvn} and {@code java}
 * commands: what it says while building, and its exit status when the build fails.
 */
class LauncherTest {

    /** The JVM options the launcher passes when PORTPLAN_JAVA_OPTS is not set. */
    private static final String DEFAULTS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    @TempDir
    Path tmp;

    private Path checkout;
    private Path bin;

    private record Run(int code, String err, String out) {
    }

    @BeforeEach
    void copyLauncher() throws IOException {
        assumeThat(Path.of("/bin/bash")).exists();
        checkout = Files.createDirectories(tmp.resolve("checkout"));
        Files.createDirectories(checkout.resolve("src/main"));
        Files.createDirectories(checkout.resolve("catalog"));
        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        Files.copy(TestSupport.repo().resolve("portplan"), checkout.resolve("portplan"));
        bin = Files.createDirectories(tmp.resolve("bin"));
        script("java", "echo \"java $*\"");
    }

    private void script(String name, String body) throws IOException {
        Path p = Files.writeString(bin.resolve(name), "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        assertThat(p.toFile().setExecutable(true)).isTrue();
    }

    private Run launch(String... args) throws Exception {
        String[] cmd = new String[args.length + 2];
        cmd[0] = "/bin/bash";
        cmd[1] = checkout.resolve("portplan").toString();
        System.arraycopy(args, 0, cmd, 2, args.length);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        pb.environment().remove("PORTPLAN_JAVA_OPTS");
        pb.redirectError(tmp.resolve("err").toFile()).redirectOutput(tmp.resolve("out").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(tmp.resolve("err")), Files.readString(tmp.resolve("out")));
    }

    @Test
    void aFailedBuildSaysSoAndExitsWithFour() throws Exception {
        script("mvn", "echo '[ERROR] COMPILATION ERROR : cannot find symbol'; exit 1");
        Run r = launch("--version");
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err().lines()).containsExactly(
                "portplan: building the jar (first run) ...",
                "[ERROR] COMPILATION ERROR : cannot find symbol",
                "portplan: building the jar failed (mvn -DskipTests package)");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aBuildAnnouncesItselfOnStderrOnly() throws Exception {
        script("mvn", "mkdir -p target && : > target/portplan.jar");
        Run r = launch("validate", "site.yaml");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEqualTo("portplan: building the jar (first run) ...\n");
        assertThat(r.out()).isEqualTo("java " + DEFAULTS + " -jar " + checkout.resolve("target/portplan.jar") + " validate site.yaml\n");
    }

    @Test
    void anUpToDateJarRunsSilently() throws Exception {
        script("mvn", "echo 'mvn must not run'; exit 1");
        Path jar = Files.createDirectories(checkout.resolve("target")).resolve("portplan.jar");
        Files.writeString(jar, "");
        Files.setLastModifiedTime(checkout.resolve("pom.xml"), FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Files.setLastModifiedTime(checkout.resolve("src/main"), FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Files.setLastModifiedTime(checkout.resolve("catalog"), FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Run r = launch("--version");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("java " + DEFAULTS + " -jar " + jar + " --version\n");
    }

    @Test
    void aChangedSourceRebuilds() throws Exception {
        script("mvn", ": > target/portplan.jar");
        Path jar = Files.createDirectories(checkout.resolve("target")).resolve("portplan.jar");
        Files.writeString(jar, "");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Run r = launch("--version");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEqualTo("portplan: building the jar (sources changed) ...\n");
    }
}
