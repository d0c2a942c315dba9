package org.portplan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.portplan.diag.Diagnostics;
import org.portplan.report.DiagnosticFormat;
import org.portplan.report.DiagnosticsReport;
import picocli.CommandLine.Option;

/** --diagnostics and --diagnostics-file, shared by the commands that check a site, and printing by them. */
final class DiagnosticsOption {

    @Option(names = "--diagnostics", paramLabel = "DIAGNOSTICS_FORMAT", defaultValue = "text",
            description = "How to write diagnostics: ${COMPLETION-CANDIDATES} (any case; default: ${DEFAULT-VALUE})."
                    + " sarif is SARIF 2.1.0 for code scanning; github annotates lines in GitHub Actions.")
    DiagnosticFormat format = DiagnosticFormat.TEXT;

    @Option(names = "--diagnostics-file", paramLabel = "FILE",
            description = "Write the diagnostics to FILE instead of stderr.")
    Path file;

    /** Writes {@code diags} in the chosen format, to the file or to {@code err}; a file is written even when empty. */
    void print(Diagnostics diags, PrintWriter err) {
        String text = DiagnosticsReport.write(format, diags, format == DiagnosticFormat.TEXT ? null : root(),
                VersionProvider.portplanVersion());
        if (file == null) {
            err.print(text);
            err.flush();
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Reporting.usage(err, "cannot write diagnostics to '" + file + "': " + e.getMessage());
        }
    }

    /**
     * The repository the files are in (git's top level), so that SARIF and GitHub annotations
     * name them as the repository does; the working directory outside a git work tree.
     */
    private static Path root() {
        Path cwd = Path.of("").toAbsolutePath();
        try {
            Process p = new ProcessBuilder(List.of("git", "rev-parse", "--show-toplevel"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty()) {
                return Path.of(out);
            }
        } catch (IOException e) {
            // no git: the working directory
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return cwd;
    }
}
