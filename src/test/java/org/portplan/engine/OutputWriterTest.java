package org.portplan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The all-or-nothing writer: commit, recovery, manifest and pruning, refusals that change nothing. */
class OutputWriterTest {

    @TempDir
    Path tmp;

    private static final Map<String, String> OLD = Map.of("a.iptables", "old a\n", "b.pf", "old b\n", "plan.md", "old plan\n");
    private static final Map<String, String> NEW = Map.of("a.iptables", "new a\n", "plan.md", "old plan\n");

    static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                out.put(p.getFileName().toString(), Files.isDirectory(p) ? "<dir>" : Files.readString(p));
            }
        }
        out.remove(OutputWriter.MANIFEST);
        return out;
    }

    @Test
    void writesCreatesTheDirectoryAndLeavesOnlyTheFilesAndTheManifest() throws Exception {
        Path dir = tmp.resolve("x/out");
        OutputWriter.Written w = new OutputWriter(dir).write(OLD);
        assertThat(contents(dir)).isEqualTo(new TreeMap<>(OLD));
        assertThat(w.files()).containsExactly(dir.resolve("a.iptables"), dir.resolve("b.pf"), dir.resolve("plan.md"));
        assertThat(Files.readString(dir.resolve(OutputWriter.MANIFEST))).contains(" a.iptables\n", " b.pf\n", " plan.md\n");
        assertThat(new OutputWriter(dir).compare(OLD).upToDate()).isTrue();
    }

    @Test
    void prunesOnlyUnchangedFilesItWroteAndNeverOtherFiles() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(dir.resolve("mine.pf"), "not portplan's\n");
        Files.writeString(dir.resolve("c.pix"), "written by hand before portplan\n");
        new OutputWriter(dir).write(OLD);
        Map<String, String> withC = new TreeMap<>(NEW);
        OutputWriter.Changes c = new OutputWriter(dir).compare(withC);
        assertThat(c.stale()).containsExactly("a.iptables");
        assertThat(c.current()).containsExactly("plan.md");
        assertThat(c.pruned()).containsExactly("b.pf");
        assertThat(c.upToDate()).isFalse();

        Files.writeString(dir.resolve("b.pf"), "edited by the admin\n");
        OutputWriter.Written w = new OutputWriter(dir).write(NEW);
        assertThat(w.pruned()).isEmpty();
        assertThat(w.keptModified()).containsExactly(dir.resolve("b.pf"));
        assertThat(contents(dir)).containsEntry("b.pf", "edited by the admin\n").containsEntry("mine.pf", "not portplan's\n")
                .containsEntry("c.pix", "written by hand before portplan\n").containsEntry("a.iptables", "new a\n");
        // The edited file is no longer portplan's: a later run does not prune it either.
        assertThat(new OutputWriter(dir).compare(NEW).pruned()).isEmpty();
    }

    @Test
    void prunesAFileOfAFirewallNoLongerInTheSite() throws Exception {
        Path dir = tmp.resolve("out");
        new OutputWriter(dir).write(OLD);
        OutputWriter.Written w = new OutputWriter(dir).write(NEW);
        assertThat(w.pruned()).containsExactly(dir.resolve("b.pf"));
        assertThat(contents(dir)).isEqualTo(new TreeMap<>(NEW));
    }

    @Test
    void unchangedFilesAreNotRewritten() throws Exception {
        Path dir = tmp.resolve("out");
        new OutputWriter(dir).write(OLD);
        Object before = Files.readAttributes(dir.resolve("plan.md"), BasicFileAttributes.class).fileKey();
        new OutputWriter(dir).write(NEW);
        assertThat(Files.readAttributes(dir.resolve("plan.md"), BasicFileAttributes.class).fileKey()).isEqualTo(before);
    }

    @Test
    void aPlannedNameTakenByADirectoryChangesNothing() throws Exception {
        Path dir = tmp.resolve("out");
        new OutputWriter(dir).write(Map.of("a.iptables", "old a\n"));
        Files.createDirectory(dir.resolve("plan.md"));
        assertThatThrownBy(() -> new OutputWriter(dir).write(NEW)).isInstanceOf(IOException.class)
                .hasMessageContaining("plan.md").hasMessageContaining("not a regular file");
        assertThat(contents(dir)).isEqualTo(Map.of("a.iptables", "old a\n", "plan.md", "<dir>"));
    }

    @Test
    void aFailedWriteIntoANewDirectoryRemovesWhatItCreated() throws Exception {
        Path dir = tmp.resolve("new/out");
        assertThatThrownBy(() -> new OutputWriter(dir).write(Map.of("../escape", "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(tmp.resolve("new")).doesNotExist();
    }

    @Test
    void recoveryCompletesACommittedWrite() throws Exception {
        Path dir = tmp.resolve("out");
        new OutputWriter(dir).write(OLD);
        // The state a kill leaves after the journal is written and one file is moved in.
        Path staging = Files.createDirectory(dir.resolve(OutputWriter.STAGING));
        Files.writeString(dir.resolve("a.iptables"), "new a\n");
        Files.writeString(staging.resolve("plan.md"), "new plan\n");
        Files.writeString(staging.resolve(OutputWriter.MANIFEST), "# m\n");
        Files.writeString(dir.resolve(OutputWriter.JOURNAL), "# j\nmove a.iptables\nmove plan.md\nmove "
                + OutputWriter.MANIFEST + "\ndelete b.pf\nend\n", StandardCharsets.UTF_8);
        assertThat(new OutputWriter(dir).recover()).isEqualTo(OutputWriter.Recovery.COMPLETED);
        assertThat(contents(dir)).isEqualTo(Map.of("a.iptables", "new a\n", "plan.md", "new plan\n"));
        assertThat(new OutputWriter(dir).recover()).isEqualTo(OutputWriter.Recovery.NOTHING);
    }

    @Test
    void recoveryDiscardsAnUncommittedWrite() throws Exception {
        Path dir = tmp.resolve("out");
        new OutputWriter(dir).write(OLD);
        Path staging = Files.createDirectory(dir.resolve(OutputWriter.STAGING));
        Files.writeString(staging.resolve("a.iptables"), "new a, half wri");
        assertThat(new OutputWriter(dir).recover()).isEqualTo(OutputWriter.Recovery.DISCARDED);
        assertThat(contents(dir)).isEqualTo(new TreeMap<>(OLD));
    }

    @Test
    void aDamagedJournalIsReportedAndNothingIsTouched() throws Exception {
        Path dir = tmp.resolve("out");
        new OutputWriter(dir).write(OLD);
        Files.writeString(dir.resolve(OutputWriter.JOURNAL), "move ../../etc/passwd\nend\n");
        assertThatThrownBy(() -> new OutputWriter(dir).recover()).hasMessageContaining("is damaged");
        assertThatThrownBy(() -> new OutputWriter(dir).write(NEW)).hasMessageContaining("is damaged");
        assertThat(contents(dir)).containsAllEntriesOf(OLD);
    }
}
