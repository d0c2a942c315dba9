package org.portplan.report;

import java.util.ArrayList;
import java.util.List;

/** Rows under headers, rendered as a Markdown table or as aligned plain-text columns. */
final class Table {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = List.of(headers);
    }

    Table row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + headers.size() + " columns");
        }
        rows.add(List.of(cells));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        line(sb, headers, true);
        sb.append('|');
        headers.forEach(h -> sb.append("---|"));
        sb.append('\n');
        rows.forEach(r -> line(sb, r, true));
        return sb.toString();
    }

    String text(String indent) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            widths[i] = headers.get(i).length();
            for (List<String> r : rows) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        padded(sb, indent, headers, widths);
        for (List<String> r : rows) {
            padded(sb, indent, r, widths);
        }
        return sb.toString();
    }

    private static void padded(StringBuilder sb, String indent, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder(indent);
        for (int i = 0; i < cells.size(); i++) {
            line.append(cells.get(i));
            if (i + 1 < cells.size()) {
                line.append(" ".repeat(widths[i] - cells.get(i).length() + 2));
            }
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }

    private static void line(StringBuilder sb, List<String> cells, boolean escape) {
        sb.append('|');
        for (String c : cells) {
            sb.append(' ').append(escape ? c.replace("|", "\\|") : c).append(" |");
        }
        sb.append('\n');
    }
}
