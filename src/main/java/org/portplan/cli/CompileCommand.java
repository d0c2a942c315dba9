package org.portplan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import org.portplan.catalog.Catalog;
import org.portplan.core.Platform;
import org.portplan.engine.Engine;
import org.portplan.engine.InputException;
import org.portplan.engine.OutputWriter;
import org.portplan.engine.Outputs;
import org.portplan.engine.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code portplan compile}: writes rule files and plan.md, all or nothing. */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = {"Compile a site into one rule file per firewall (DIR/<firewall>.<platform>) and DIR/plan.md.",
                "Nothing is written unless the whole site compiles."})
final class CompileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SITE", description = "The site file (YAML).")
    Path site;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Directory to write into (created if missing).")
    Path output;

    @Option(names = "--target", paramLabel = "PLATFORM",
            description = "Write every firewall for this platform instead of its own: iptables, pix, pf or all.")
    String target;

    @Option(names = "--strict", description = "Treat warnings as errors (exit 1, write nothing).")
    boolean strict;

    @Mixin
    CatalogOption catalog;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Set<Platform> targets = targets(spec, target);
        OutputWriter writer = new OutputWriter(output);
        recover(writer, err);
        Catalog cat = catalog.load(err);
        Result<Outputs> r;
        try {
            r = Engine.compile(cat, site, targets);
        } catch (InputException e) {
            throw Reporting.usage(err, e.getMessage());
        }
        Reporting.print(r.diagnostics(), err);
        if (!r.ok() || Reporting.failed(r.diagnostics(), strict)) {
            if (r.ok()) {
                err.println("portplan: warnings treated as errors (--strict); nothing written");
            }
            return ExitCode.INVALID.code();
        }
        OutputWriter.Written written;
        try {
            written = writer.write(r.value().get().files());
        } catch (IOException e) {
            Reporting.line(err, "portplan: error: cannot write to '" + output + "': " + e.getMessage());
            return ExitCode.INVALID.code();
        }
        written.files().forEach(out::println);
        written.pruned().forEach(p -> Reporting.line(err, "portplan: removed '" + p
                + "', which portplan wrote for an output this site no longer has"));
        written.keptModified().forEach(p -> Reporting.line(err, "portplan: kept '" + p
                + "': portplan wrote it for an output this site no longer has, but it was changed since; delete it yourself"));
        return ExitCode.OK.code();
    }

    /** Before anything else, an interrupted earlier write into the directory is completed or discarded. */
    private void recover(OutputWriter writer, PrintWriter err) {
        try {
            if (writer.recover() == OutputWriter.Recovery.COMPLETED) {
                Reporting.line(err, "portplan: completed an interrupted earlier write into '" + output + "'");
            }
        } catch (IOException e) {
            Reporting.line(err, "portplan: error: cannot write to '" + output + "': " + e.getMessage());
            throw new Exit(ExitCode.INVALID);
        }
    }

    /** --target: empty set for "each firewall's own platform". */
    static Set<Platform> targets(CommandSpec spec, String target) {
        if (target == null) {
            return Set.of();
        }
        if (target.equals("all")) {
            return EnumSet.allOf(Platform.class);
        }
        return Platform.byId(target).map(Set::of).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "unknown target '" + target + "'; use iptables, pix, pf or all"));
    }
}
