package org.portplan.yaml;

import java.util.List;
import java.util.Optional;
import org.portplan.diag.Location;

/** A YAML mapping; entries keep file order, and keys are unique (the reader rejects duplicates). */
public record MapNode(Location location, List<Entry> entries) implements Node {

    /** One key: value pair; the key is a scalar with its own location. */
    public record Entry(ScalarNode key, Node value) {
        public String name() {
            return key.text();
        }
    }

    public MapNode {
        entries = List.copyOf(entries);
    }

    public Optional<Entry> entry(String key) {
        for (Entry e : entries) {
            if (e.name().equals(key)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public Optional<Node> get(String key) {
        return entry(key).map(Entry::value);
    }

    @Override
    public String kind() {
        return "mapping";
    }
}
