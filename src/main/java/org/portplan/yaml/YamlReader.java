package org.portplan.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portplan.diag.Code;
import org.portplan.diag.Diagnostics;
import org.portplan.diag.Location;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads one YAML document into located {@link Node}s. This class is the only user of Jackson:
 * it streams tokens so that every key and value keeps its line and column, and it rejects what
 * a plain tree mapper would silently accept (duplicate keys, aliases, several documents). It
 * also enforces the {@link Limits}, before the parser sees the text where it can.
 */
public final class YamlReader {

    private static final YAMLFactory FACTORY = factory();

    private static YAMLFactory factory() {
        LoaderOptions options = new LoaderOptions();
        // SnakeYAML's own 3 MiB document limit would refuse large valid sites; ours is checked first.
        options.setCodePointLimit(Integer.MAX_VALUE);
        return YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE)
                        .maxStringLength(Integer.MAX_VALUE).build())
                .build();
    }

    private YamlReader() {
    }

    /**
     * Reads a file as UTF-8 text, naming it {@code name} in diagnostics; empty, with a located
     * error, when the file is too large (it is then not read at all) or not UTF-8.
     */
    public static Optional<String> readText(Path file, String name, Diagnostics diags) throws IOException {
        long size = Files.size(file);
        if (size > Limits.DEFAULT.fileBytes()) {
            tooLarge(name, size, "bytes", Limits.DEFAULT, diags);
            return Optional.empty();
        }
        return decode(name, Files.readAllBytes(file), diags);
    }

    /** Decodes bytes as UTF-8; empty, with the position of the first bad byte, when they are not. */
    public static Optional<String> decode(String file, byte[] data, Diagnostics diags) {
        if (data.length > Limits.DEFAULT.fileBytes()) {
            tooLarge(file, data.length, "bytes", Limits.DEFAULT, diags);
            return Optional.empty();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(data);
        CharBuffer out = CharBuffer.allocate(data.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        out.flip();
        if (r.isError()) {
            diags.error(Code.NOT_UTF8, position(file, out, out.limit()), "the file is not UTF-8 text: byte 0x"
                    + String.format("%02X", data[in.position()] & 0xFF)
                    + " cannot start or continue a UTF-8 character here; save the file as UTF-8");
            return Optional.empty();
        }
        return Optional.of(out.toString());
    }

    private static void tooLarge(String file, long size, String unit, Limits limits, Diagnostics diags) {
        diags.error(Code.INPUT_LIMIT, Location.of(file), "the file has " + size + " " + unit + ", more than portplan reads"
                + Limits.named("file size", limits.fileBytes(), "bytes"));
    }

    /** Line and column (counted in characters, as the parser counts) of offset {@code end} in {@code text}. */
    private static Location position(String file, CharSequence text, int end) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (lineBreak(text, i)) {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c) && c != '\r' && c != '\uFEFF') {
                column++;
            }
        }
        return new Location(file, line, column);
    }

    /** Whether a line ends at {@code i}: YAML 1.1 breaks lines at LF, CR (alone), NEL, LS and PS. */
    private static boolean lineBreak(CharSequence text, int i) {
        char c = text.charAt(i);
        return c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029'
                || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
    }

    /**
     * Parses {@code text}, naming it {@code file} in diagnostics. Returns empty when the
     * document is unusable; the reason is in {@code diags}. Only this file's own errors count:
     * a caller may pass a collector that already holds errors of other files.
     */
    public static Optional<Node> read(String file, String text, Diagnostics diags) {
        return read(file, text, diags, Limits.DEFAULT);
    }

    /** {@link #read(String, String, Diagnostics)} under other limits, for tests. */
    static Optional<Node> read(String file, String text, Diagnostics diags, Limits limits) {
        Diagnostics own = new Diagnostics();
        Optional<Node> root = new Reading(file, limits, own).document(text);
        diags.addAll(own);
        return own.hasErrors() ? Optional.empty() : root;
    }

    /** Stops reading at a limit; the diagnostic is already reported. */
    private static final class LimitReached extends Exception {
        private static final long serialVersionUID = 1L;

        LimitReached() {
            super(null, null, false, false);
        }
    }

    /** One file being read: where, under which limits, and how much has been read. */
    private static final class Reading {
        private final String file;
        private final Limits limits;
        private final Diagnostics diags;
        private int values;
        private int aliases;

        Reading(String file, Limits limits, Diagnostics diags) {
            this.file = file;
            this.limits = limits;
            this.diags = diags;
        }

        Optional<Node> document(String text) {
            if (text.length() > limits.fileBytes()) {
                tooLarge(file, text.length(), "characters", limits, diags);
                return Optional.empty();
            }
            if (!scan(text)) {
                return Optional.empty();
            }
            try (JsonParser p = FACTORY.createParser(text)) {
                JsonToken first = p.nextToken();
                if (first == null) {
                    diags.error(Code.EMPTY_FILE, Location.of(file), "the file is empty; expected a YAML mapping");
                    return Optional.empty();
                }
                Node root = value(p, 1);
                JsonToken after = p.nextToken();
                if (after != null) {
                    diags.error(Code.SEVERAL_DOCUMENTS, location(file, p.currentTokenLocation()),
                            "only one YAML document per file is supported; remove the second '---' document");
                }
                return Optional.of(root);
            } catch (LimitReached e) {
                return Optional.empty();
            } catch (JsonProcessingException e) {
                Problem problem = problem(e.getOriginalMessage());
                Location at = problem.line() > 0 ? new Location(file, problem.line(), problem.column())
                        : location(file, e.getLocation());
                diags.error(Code.YAML_SYNTAX, at, "malformed YAML: " + problem.text());
                return Optional.empty();
            } catch (IOException e) {
                diags.error(Code.UNREADABLE_FILE, Location.of(file), "cannot read: " + e.getMessage());
                return Optional.empty();
            }
        }

        /**
         * Checks the text before the parser sees it: characters YAML forbids (the parser would
         * report them without a usable position) and lines long enough to slow its scanner down.
         */
        private boolean scan(String text) {
            int line = 1;
            int column = 1;
            int lineStart = 0;
            for (int i = 0; i < text.length(); ) {
                int c = text.codePointAt(i);
                if (lineBreak(text, i)) {
                    line++;
                    column = 1;
                    lineStart = i + 1;
                } else {
                    if (!printable(c)) {
                        diags.error(Code.FORBIDDEN_CHARACTER, new Location(file, line, column),
                                "the character " + describe(c)
                                + " is not allowed in YAML text; remove it");
                        return false;
                    }
                    if (i - lineStart >= limits.lineChars() && c != '\r') {
                        diags.error(Code.INPUT_LIMIT, new Location(file, line, column),
                                "line " + line + " is longer than portplan reads"
                                + Limits.named("line length", limits.lineChars(), "characters"));
                        return false;
                    }
                    column += c == '\r' || c == 0xFEFF ? 0 : 1;
                }
                i += Character.charCount(c);
            }
            return true;
        }

        private Node value(JsonParser p, int depth) throws IOException, LimitReached {
            JsonToken t = p.currentToken();
            Location at = location(file, p.currentTokenLocation());
            if (++values > limits.values()) {
                diags.error(Code.INPUT_LIMIT, at,
                        "the file has more values (keys, list items and values) than portplan reads"
                        + Limits.named("values per file", limits.values(), ""));
                throw new LimitReached();
            }
            if (p instanceof YAMLParser yp && yp.isCurrentAlias()) {
                if (++aliases > limits.aliases()) {
                    diags.error(Code.INPUT_LIMIT, at, "too many YAML aliases; portplan stopped reading here"
                            + Limits.named("aliases", limits.aliases(), ""));
                    throw new LimitReached();
                }
                diags.error(Code.YAML_ALIAS, at,
                        "YAML aliases (*" + p.getText() + ") are not supported; write the value out");
                return new ScalarNode(at, p.getText(), true);
            }
            if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && depth > limits.nestingDepth()) {
                diags.error(Code.INPUT_LIMIT, at, "mappings and lists are nested too deeply"
                        + Limits.named("nesting depth", limits.nestingDepth(), "levels"));
                throw new LimitReached();
            }
            switch (t) {
                case START_OBJECT: {
                    List<MapNode.Entry> entries = new ArrayList<>();
                    Map<String, Location> seen = new HashMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        Location keyAt = location(file, p.currentTokenLocation());
                        checkSize(keyAt, name);
                        p.nextToken();
                        Node value = value(p, depth + 1);
                        Location previous = seen.putIfAbsent(name, keyAt);
                        if (previous != null) {
                            diags.error(Code.DUPLICATE_KEY, keyAt,
                                    "duplicate key '" + name + "' (first written at line " + previous.line() + ")");
                            continue;
                        }
                        entries.add(new MapNode.Entry(new ScalarNode(keyAt, name, false), value));
                    }
                    return new MapNode(at, entries);
                }
                case START_ARRAY: {
                    List<Node> items = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        items.add(value(p, depth + 1));
                    }
                    return new SeqNode(at, items);
                }
                case VALUE_NULL:
                    return new ScalarNode(at, "", true);
                default:
                    String text = p.getText();
                    checkSize(at, text);
                    return new ScalarNode(at, text, false);
            }
        }

        private void checkSize(Location at, String text) throws LimitReached {
            if (text.length() > limits.scalarChars()) {
                diags.error(Code.INPUT_LIMIT, at, "this value has " + text.length() + " characters, more than portplan reads"
                        + Limits.named("scalar size", limits.scalarChars(), "characters"));
                throw new LimitReached();
            }
        }
    }

    /** YAML 1.1's printable characters, which SnakeYAML enforces. */
    private static boolean printable(int c) {
        return (c >= 0x20 && c <= 0x7E) || c == 0x9 || c == 0xA || c == 0xD || c == 0x85 || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static String describe(int c) {
        String name = c == 0 ? " (NUL)" : c == 0x7F ? " (DEL)" : c == 0x1B ? " (ESC)" : "";
        return String.format("U+%04X", c) + name;
    }

    private static Location location(String file, JsonLocation loc) {
        if (loc == null || loc.getLineNr() <= 0) {
            return Location.of(file);
        }
        return new Location(file, loc.getLineNr(), Math.max(1, loc.getColumnNr()));
    }

    private record Problem(String text, int line, int column) {
    }

    private static final Pattern MARK = Pattern.compile("^\\s*in '[^']*', line (\\d+), column (\\d+):?\\s*$");

    /**
     * SnakeYAML messages span lines: an optional context ("while parsing a flow mapping") with
     * its position and a snippet, then the problem with its position. Keep the problem and
     * its position, and mention the context's start, which is where a missing bracket began.
     */
    private static Problem problem(String message) {
        if (message == null) {
            return new Problem("unreadable input", 0, 0);
        }
        List<String> texts = new ArrayList<>();
        List<int[]> marks = new ArrayList<>();
        String[] lines = message.split("\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MARK.matcher(lines[i]);
            if (m.matches()) {
                marks.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), texts.size()});
                i++; // the snippet line after a mark
                if (i + 1 < lines.length && lines[i + 1].strip().equals("^")) {
                    i++;
                }
            } else if (!lines[i].isBlank() && !lines[i].strip().equals("^")) {
                texts.add(lines[i].strip());
            }
        }
        if (texts.isEmpty()) {
            return new Problem(message.strip().replaceAll("\\s+", " "), 0, 0);
        }
        String text = texts.get(texts.size() - 1);
        if (texts.size() > 1 && texts.get(0).startsWith("while ") && !marks.isEmpty() && marks.get(0)[2] == 1) {
            int[] ctx = marks.get(0);
            text = text + " (" + texts.get(0) + " that starts at line " + ctx[0] + ", column " + ctx[1] + ")";
        }
        text = text.replace("character '\\t(TAB)'", "a tab").replace("\\t(TAB)", "tabs");
        int[] where = marks.isEmpty() ? new int[] {0, 0} : marks.get(marks.size() - 1);
        return new Problem(text, where[0], where[1]);
    }
}
