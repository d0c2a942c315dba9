package org.portplan.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.portplan.diag.Code;
import org.portplan.diag.Diagnostics;
import org.portplan.diag.Suggestions;

/**
 * Typed, checked access to a YAML mapping. Every failed expectation becomes a located
 * diagnostic and an empty result, so loaders keep going and report everything at once.
 */
public final class Fields {

    /** Names users give to sites, firewalls, zones and devices. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final MapNode map;
    private final Diagnostics diags;
    private final String context;
    /** Allowed keys that an unknown key looks like a typo of: their absence is already reported. */
    private final java.util.Set<String> misspelled = new java.util.HashSet<>();

    private Fields(MapNode map, Diagnostics diags, String context) {
        this.map = map;
        this.diags = diags;
        this.context = context;
    }

    /**
     * Views {@code node} as a mapping whose keys must come from {@code allowed}; reports other
     * keys (with the nearest allowed one) and returns empty if {@code node} is not a mapping.
     */
    public static Optional<Fields> of(Node node, Diagnostics diags, String context, Set<String> allowed) {
        if (!(node instanceof MapNode m)) {
            diags.error(Code.WRONG_TYPE, node.location(),
                    context + " must be a mapping of keys to values, found " + describe(node));
            return Optional.empty();
        }
        Fields f = new Fields(m, diags, context);
        for (MapNode.Entry e : m.entries()) {
            if (!allowed.contains(e.name())) {
                Optional<String> near = Suggestions.nearest(e.name(), allowed);
                near.ifPresent(f.misspelled::add);
                diags.error(Code.UNKNOWN_KEY, e.key().location(), "unknown key '" + e.name() + "' in " + context
                        + near.map(n -> " (did you mean '" + n + "'?)").orElse("")
                        + "; allowed keys: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        return Optional.of(f);
    }

    public static String describe(Node node) {
        if (node instanceof ScalarNode s) {
            return s.isNull() ? "nothing" : "'" + s.text() + "'";
        }
        return "a " + node.kind();
    }

    public MapNode node() {
        return map;
    }

    public String context() {
        return context;
    }

    public Optional<MapNode.Entry> entry(String key) {
        return map.entry(key);
    }

    public Optional<Node> get(String key) {
        return map.get(key);
    }

    public Optional<Node> required(String key) {
        Optional<Node> n = map.get(key);
        if (n.isEmpty() && !misspelled.contains(key)) {
            diags.error(Code.MISSING_KEY, map.location(), context + " is missing the required key '" + key + "'");
        }
        return n;
    }

    public Optional<ScalarNode> scalar(String key, boolean required) {
        Optional<Node> n = required ? required(key) : map.get(key);
        return n.flatMap(v -> scalar(v, diags, context + " key '" + key + "'"));
    }

    public Optional<String> string(String key, boolean required) {
        return scalar(key, required).map(ScalarNode::text);
    }

    /** A name matching {@link #NAME}. */
    public Optional<String> name(String key, boolean required) {
        return scalar(key, required).flatMap(s -> name(s, diags, context + " key '" + key + "'"));
    }

    public Optional<Integer> integer(String key, boolean required, long min, long max) {
        return scalar(key, required).flatMap(s -> integer(s, diags, context + " key '" + key + "'", min, max));
    }

    public Optional<List<Node>> list(String key, boolean required) {
        Optional<Node> n = required ? required(key) : map.get(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        return list(n.get(), diags, context + " key '" + key + "'");
    }

    /** A list, or a single scalar taken as a one-element list. */
    public Optional<List<Node>> listOrScalar(String key, boolean required) {
        Optional<Node> n = required ? required(key) : map.get(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof ScalarNode s && !s.isNull()) {
            return Optional.of(List.of(s));
        }
        return list(n.get(), diags, context + " key '" + key + "'");
    }

    public Optional<MapNode> mapping(String key, boolean required) {
        Optional<Node> n = required ? required(key) : map.get(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof MapNode m) {
            return Optional.of(m);
        }
        diags.error(Code.WRONG_TYPE, n.get().location(),
                context + " key '" + key + "' must be a mapping, found " + describe(n.get()));
        return Optional.empty();
    }

    public static Optional<ScalarNode> scalar(Node node, Diagnostics diags, String what) {
        if (node instanceof ScalarNode s && !s.isNull()) {
            return Optional.of(s);
        }
        diags.error(Code.WRONG_TYPE, node.location(), what + " must be a single value, found " + describe(node));
        return Optional.empty();
    }

    public static Optional<String> name(ScalarNode s, Diagnostics diags, String what) {
        if (NAME.matcher(s.text()).matches() && s.text().length() <= 64) {
            return Optional.of(s.text());
        }
        diags.error(Code.INVALID_NAME, s.location(), what + ": '" + s.text()
                + "' is not a valid name (letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64 characters)");
        return Optional.empty();
    }

    public static Optional<Integer> integer(ScalarNode s, Diagnostics diags, String what, long min, long max) {
        String t = s.text().trim();
        if (!t.matches("-?[0-9]{1,10}")) {
            diags.error(Code.WRONG_TYPE, s.location(), what + " must be a whole number, found '" + s.text() + "'");
            return Optional.empty();
        }
        long v = Long.parseLong(t);
        if (v < min || v > max) {
            diags.error(Code.OUT_OF_RANGE, s.location(), what + " must be between " + min + " and " + max + ", found " + v);
            return Optional.empty();
        }
        return Optional.of((int) v);
    }

    public static Optional<MapNode> mapping(Node node, Diagnostics diags, String what) {
        if (node instanceof MapNode m) {
            return Optional.of(m);
        }
        diags.error(Code.WRONG_TYPE, node.location(), what + " must be a mapping, found " + describe(node));
        return Optional.empty();
    }

    public static Optional<List<Node>> list(Node node, Diagnostics diags, String what) {
        if (node instanceof SeqNode seq) {
            return Optional.of(seq.items());
        }
        diags.error(Code.WRONG_TYPE, node.location(), what + " must be a list, found " + describe(node));
        return Optional.empty();
    }

    /** Scalars of a list, reporting non-scalar items. */
    public static List<ScalarNode> scalars(List<Node> items, Diagnostics diags, String what) {
        List<ScalarNode> out = new ArrayList<>();
        for (Node n : items) {
            scalar(n, diags, what).ifPresent(out::add);
        }
        return out;
    }
}
