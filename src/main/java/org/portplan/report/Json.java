package org.portplan.report;

import java.util.List;

/** Just enough JSON writing for the plan: strings, numbers, null and lists of strings, escaped per RFC 8259. */
final class Json {

    private Json() {
    }

    static String string(String s) {
        if (s == null) {
            return "null";
        }
        if (plain(s)) {
            return "\"" + s + "\"";
        }
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Whether {@code s} needs no escape: most values (names, addresses, ports) do not. */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    static String strings(List<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(string(items.get(i)));
        }
        return sb.append(']').toString();
    }

    /**
     * An array of already-encoded items, one a line at {@code indent}, its closing bracket two
     * spaces less indented; {@code []} when empty.
     */
    static String lines(List<String> items, String indent) {
        if (items.isEmpty()) {
            return "[]";
        }
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < items.size(); i++) {
            sb.append(indent).append(items.get(i)).append(i + 1 < items.size() ? ",\n" : "\n");
        }
        return sb.append(indent, 0, Math.max(0, indent.length() - 2)).append(']').toString();
    }

    /** An object on one line from alternating keys and already-encoded values. */
    static String object(String... keysAndValues) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            sb.append(i == 0 ? "" : ", ").append(string(keysAndValues[i])).append(": ").append(keysAndValues[i + 1]);
        }
        return sb.append('}').toString();
    }
}
