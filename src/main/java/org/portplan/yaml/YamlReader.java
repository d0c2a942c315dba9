package org.portplan.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portplan.diag.Diagnostics;
import org.portplan.diag.Location;

/**
 * Reads one YAML document into located {@link Node}s. This class is the only user of Jackson:
 * it streams tokens so that every key and value keeps its line and column, and it rejects what
 * a plain tree mapper would silently accept (duplicate keys, aliases, several documents).
 */
public final class YamlReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private YamlReader() {
    }

    /**
     * Parses {@code text}, naming it {@code file} in diagnostics. Returns empty when the
     * document is unusable; the reason is in {@code diags}.
     */
    public static Optional<Node> read(String file, String text, Diagnostics diags) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                diags.error(Location.of(file), "the file is empty; expected a YAML mapping");
                return Optional.empty();
            }
            Node root = readValue(file, p, diags);
            JsonToken after = p.nextToken();
            if (after != null) {
                diags.error(location(file, p.currentTokenLocation()),
                        "only one YAML document per file is supported; remove the second '---' document");
            }
            return diags.hasErrors() ? Optional.empty() : Optional.of(root);
        } catch (JsonProcessingException e) {
            Problem problem = problem(e.getOriginalMessage());
            Location at = problem.line() > 0 ? new Location(file, problem.line(), problem.column())
                    : location(file, e.getLocation());
            diags.error(at, "malformed YAML: " + problem.text());
            return Optional.empty();
        } catch (IOException e) {
            diags.error(Location.of(file), "cannot read: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Node readValue(String file, JsonParser p, Diagnostics diags) throws IOException {
        JsonToken t = p.currentToken();
        Location at = location(file, p.currentTokenLocation());
        if (p instanceof YAMLParser yp && yp.isCurrentAlias()) {
            diags.error(at, "YAML aliases (*" + p.getText() + ") are not supported; write the value out");
            return new ScalarNode(at, p.getText(), true);
        }
        switch (t) {
            case START_OBJECT: {
                List<MapNode.Entry> entries = new ArrayList<>();
                Map<String, Location> seen = new HashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    Location keyAt = location(file, p.currentTokenLocation());
                    p.nextToken();
                    Node value = readValue(file, p, diags);
                    Location previous = seen.putIfAbsent(name, keyAt);
                    if (previous != null) {
                        diags.error(keyAt, "duplicate key '" + name + "' (first written at line " + previous.line() + ")");
                        continue;
                    }
                    entries.add(new MapNode.Entry(new ScalarNode(keyAt, name, false), value));
                }
                return new MapNode(at, entries);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(file, p, diags));
                }
                return new SeqNode(at, items);
            }
            case VALUE_NULL:
                return new ScalarNode(at, "", true);
            default:
                return new ScalarNode(at, p.getText(), false);
        }
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
