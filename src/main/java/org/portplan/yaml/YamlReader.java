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
            diags.error(location(file, e.getLocation()), "malformed YAML: " + clean(e.getOriginalMessage()));
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

    /** SnakeYAML messages span lines and repeat the position; keep the first line, which says what is wrong. */
    private static String clean(String message) {
        if (message == null) {
            return "unreadable input";
        }
        String m = message.strip();
        int nl = m.indexOf('\n');
        String first = nl < 0 ? m : m.substring(0, nl).strip();
        String rest = nl < 0 ? "" : m.substring(nl + 1);
        // SnakeYAML puts the real problem on a later line ("found character '\t' that cannot start any token").
        for (String line : rest.split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("in '") && !l.startsWith("at [") && !l.contains("^")
                    && !l.startsWith("\"") && !l.matches(".*line \\d+, column \\d+.*")) {
                first = first.isEmpty() ? l : first + "; " + l;
                break;
            }
        }
        return first.replaceAll("\\s+", " ");
    }
}
