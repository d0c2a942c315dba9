package org.portplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands a document gives, for the tests that run them: a fenced code block right after a
 * {@code <!-- test: NAME -->} line. A procedure in the documentation is thus the very text a
 * test executes, and cannot drift from it.
 */
public final class DocSnippets {

    private static final Pattern BLOCK = Pattern.compile("<!-- test: ([a-z0-9-]+) -->\\n\\s*```[a-z]*\\n(.*?)\\n\\s*```",
            Pattern.DOTALL);

    private DocSnippets() {
    }

    /** The block named {@code name} in {@code doc} (repository-relative), with its indentation removed. */
    public static String get(String doc, String name) throws IOException {
        String text = Files.readString(TestSupport.repo().resolve(doc), StandardCharsets.UTF_8);
        Matcher m = BLOCK.matcher(text);
        String found = null;
        while (m.find()) {
            if (m.group(1).equals(name)) {
                assertThat(found).as("%s has one block named %s", doc, name).isNull();
                found = m.group(2).stripIndent();
            }
        }
        assertThat(found).as("%s has a block marked <!-- test: %s -->", doc, name).isNotNull();
        return found;
    }

    /**
     * The block with each key of {@code replacements} replaced (a path on the firewall by one in
     * the test's directory, a timeout by a shorter one); each key must occur, so that a changed
     * document cannot leave a test running something else than it thinks.
     */
    public static String get(String doc, String name, Map<String, String> replacements) throws IOException {
        String block = get(doc, name);
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            assertThat(block).as("block %s of %s", name, doc).contains(r.getKey());
            block = block.replace(r.getKey(), r.getValue());
        }
        return block;
    }
}
