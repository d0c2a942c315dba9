package org.portplan.report;

/**
 * Mermaid text that no name can break: labels are quoted, and every character that Mermaid,
 * Markdown or HTML could read as syntax is written as Mermaid's numeric entity ({@code #35;}).
 */
final class Mermaid {

    private Mermaid() {
    }

    /** Characters left as they are: letters, digits and punctuation with no meaning in a quoted label. */
    private static boolean plain(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || " .,:/()+-_=*@".indexOf(c) >= 0);
    }

    /** A label's text, to be put between double quotes: {@code a "b" | c} becomes {@code a #34;b#34; #124; c}. */
    static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        s.codePoints().forEach(cp -> {
            if (cp < 0x80 && plain((char) cp)) {
                sb.append((char) cp);
            } else if (cp >= 0x20 || cp == '\t') {
                sb.append('#').append(cp).append(';');
            } else {
                sb.append(' ');
            }
        });
        return sb.toString();
    }

    /** A quoted label of lines, each escaped, joined by line breaks. */
    static String label(java.util.List<String> lines) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < lines.size(); i++) {
            sb.append(i == 0 ? "" : "<br/>").append(text(lines.get(i)));
        }
        return sb.append('"').toString();
    }
}
