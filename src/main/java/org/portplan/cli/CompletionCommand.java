package org.portplan.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code portplan completion bash|zsh}: picocli's completion script for the whole command
 * tree. zsh runs the same script through its bash completion support (bashcompinit), which the
 * script turns on itself, as picocli documents.
 */
@Command(name = "completion",
        description = {"Print a shell completion script for portplan (bash, or zsh through its bash completion support).",
                "Load it from ~/.bashrc or ~/.zshrc with: source <(portplan completion SHELL)"})
final class CompletionCommand implements Callable<Integer> {

    /** The shells the script supports. */
    enum Shell {
        BASH, ZSH;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "${COMPLETION-CANDIDATES} (any case).")
    Shell shell;

    @Override
    public Integer call() {
        // One script serves both shells; the argument is kept so that a shell-specific script can come later.
        spec.commandLine().getOut().print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }
}
