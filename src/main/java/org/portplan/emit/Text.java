package org.portplan.emit;

/** Makes text safe to put in a rule file's comments and remarks. */
public final class Text {

    private Text() {
    }

    /**
     * Keeps printable ASCII other than quotes, backslashes, backticks and dollar signs, so
     * catalog text can never end a quoted comment early or be expanded by a shell that loads it.
     * Other characters become a space, or a hyphen for dashes.
     */
    public static String comment(String s, int max) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                continue; // quotes would end the comment early; dropping them keeps words together
            }
            char w = c >= 0x20 && c < 0x7f && c != '\\' && c != '$' ? c : c == '\u2013' || c == '\u2014' ? '-' : ' ';
            // Runs of spaces become one, and none leads: comments are read line by line.
            if (w != ' ' || (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ')) {
                sb.append(w);
            }
        }
        String out = sb.toString().strip();
        if (out.length() > max) {
            out = out.substring(0, Math.max(0, max - 3)).stripTrailing() + "...";
        }
        return out;
    }
}
