package org.portplan.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.portplan.diag.Code;
import org.portplan.diag.Diagnostic;
import org.portplan.diag.Diagnostics;
import org.portplan.diag.Location;
import org.portplan.diag.Severity;

/**
 * Diagnostics in the shapes CI systems and editors read. File names become paths relative to
 * {@code root} (the repository, for SARIF and GitHub) where they lie below it.
 */
public final class DiagnosticsReport {

    private DiagnosticsReport() {
    }

    public static String write(DiagnosticFormat format, Diagnostics diags, Path root, String version) {
        return switch (format) {
            case TEXT -> text(diags);
            case JSON -> json(diags, root);
            case SARIF -> sarif(diags, root, version);
            case GITHUB -> github(diags, root);
        };
    }

    /** The compiler-style lines, then how many were not shown and how many errors there are. */
    public static String text(Diagnostics diags) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diags.sorted()) {
            out.append(d.format()).append('\n');
        }
        if (diags.dropped() > 0) {
            out.append("portplan: ").append(diags.dropped()).append(" more diagnostics not shown (limit: diagnostics printed, ")
                    .append(Diagnostics.KEPT).append(")\n");
        }
        int errors = diags.errorCount();
        if (errors > 0) {
            out.append("portplan: ").append(errors).append(" error").append(errors == 1 ? "" : "s").append('\n');
        }
        return out.toString();
    }

    /** The file name as tools in the repository see it: relative to {@code root}, with '/'. */
    static String relative(String file, Path root) {
        if (root == null) {
            return file;
        }
        Path p = Path.of(file).toAbsolutePath().normalize();
        Path r = root.toAbsolutePath().normalize();
        return p.startsWith(r) ? r.relativize(p).toString().replace('\\', '/') : file;
    }

    private static String level(Diagnostic d) {
        return level(d.severity());
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
        };
    }

    /** A JSON list: severity, code, file, line, column (null without them), message, acknowledged. */
    public static String json(Diagnostics diags, Path root) {
        List<String> items = new ArrayList<>();
        for (Diagnostic d : diags.sorted()) {
            Location at = d.location();
            items.add(Json.object(
                    "severity", Json.string(level(d)),
                    "code", Json.string(d.code().id()),
                    "name", Json.string(d.code().slug()),
                    "file", Json.string(at == null ? null : relative(at.file(), root)),
                    "line", at == null || at.line() <= 0 ? "null" : Integer.toString(at.line()),
                    "column", at == null || at.line() <= 0 ? "null" : Integer.toString(at.column()),
                    "message", Json.string(d.message()),
                    "acknowledged", Json.string(d.acknowledged())));
        }
        return list(items, "") + "\n";
    }

    private static String list(List<String> items, String indent) {
        if (items.isEmpty()) {
            return "[]";
        }
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < items.size(); i++) {
            sb.append(indent).append("  ").append(items.get(i)).append(i + 1 < items.size() ? ",\n" : "\n");
        }
        return sb.append(indent).append(']').toString();
    }

    /**
     * SARIF 2.1.0: one run of the tool "portplan" whose rules are every diagnostic code, with
     * the code's title and help; one result per diagnostic, at its file, line and column;
     * acknowledged warnings carry a suppression with the site's reason.
     */
    public static String sarif(Diagnostics diags, Path root, String version) {
        Map<Code, Integer> index = new EnumMap<>(Code.class);
        List<String> rules = new ArrayList<>();
        for (Code c : Code.values()) {
            index.put(c, rules.size());
            rules.add(Json.object(
                    "id", Json.string(c.id()),
                    "name", Json.string(c.slug()),
                    "defaultConfiguration", Json.object("level", Json.string(level(c.severity()))),
                    "shortDescription", Json.object("text", Json.string(c.title())),
                    "fullDescription", Json.object("text", Json.string(c.help())),
                    "help", Json.object("text", Json.string(c.help()),
                            "markdown", Json.string("**" + c.title() + "**\n\n" + c.help()
                                    + "\n\nSee docs/ci.md, diagnostic code " + c.id() + "."))));
        }
        List<String> results = new ArrayList<>();
        for (Diagnostic d : diags.sorted()) {
            List<String> fields = new ArrayList<>(List.of(
                    "ruleId", Json.string(d.code().id()),
                    "ruleIndex", Integer.toString(index.get(d.code())),
                    "level", Json.string(level(d)),
                    "message", Json.object("text", Json.string(d.message()))));
            Location at = d.location();
            if (at != null) {
                String region = at.line() > 0
                        ? ", \"region\": " + Json.object("startLine", Integer.toString(at.line()),
                                "startColumn", Integer.toString(Math.max(1, at.column())))
                        : "";
                fields.add("locations");
                fields.add("[{\"physicalLocation\": {\"artifactLocation\": "
                        + Json.object("uri", Json.string(relative(at.file(), root))) + region + "}}]");
            }
            if (d.isAcknowledged()) {
                fields.add("suppressions");
                fields.add("[" + Json.object("kind", Json.string("inSource"),
                        "justification", Json.string(d.acknowledged())) + "]");
            }
            results.add(Json.object(fields.toArray(String[]::new)));
        }
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n");
        out.append("  \"version\": \"2.1.0\",\n");
        out.append("  \"runs\": [{\n");
        out.append("    \"tool\": {\"driver\": {\"name\": \"portplan\", \"version\": ").append(Json.string(version))
                .append(",\n");
        out.append("      \"rules\": ").append(list(rules, "      ")).append("}},\n");
        out.append("    \"columnKind\": \"unicodeCodePoints\",\n");
        out.append("    \"results\": ").append(list(results, "    ")).append('\n');
        out.append("  }]\n}\n");
        return out.toString();
    }

    /**
     * GitHub Actions workflow commands, one per diagnostic: {@code ::error file=F,line=L,col=C,title=PPnnn::message}.
     * Notes and acknowledged warnings become {@code ::notice}. Values are escaped as the runner wants
     * (%, CR and LF everywhere; also ':' and ',' in properties).
     */
    public static String github(Diagnostics diags, Path root) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diags.sorted()) {
            String command = d.severity() == Severity.ERROR ? "error"
                    : d.severity() == Severity.WARNING && !d.isAcknowledged() ? "warning" : "notice";
            List<String> props = new ArrayList<>();
            Location at = d.location();
            if (at != null) {
                props.add("file=" + property(relative(at.file(), root)));
                if (at.line() > 0) {
                    props.add("line=" + at.line());
                    props.add("col=" + Math.max(1, at.column()));
                }
            }
            props.add("title=" + property(d.code().id() + " " + d.code().slug()));
            String message = d.message() + (d.isAcknowledged() ? " (acknowledged: " + d.acknowledged() + ")" : "");
            out.append("::").append(command).append(' ').append(String.join(",", props)).append("::")
                    .append(data(message)).append('\n');
        }
        return out.toString();
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
