package org.portplan.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the hostile site files that the input limits are measured against (not a unit test:
 * the limits themselves are tested in {@code YamlReaderTest} and {@code LimitsTest}). Run after
 * {@code mvn package}:
 * {@code java -cp target/test-classes org.portplan.bench.HostileInputs DIR}, then for each file
 * {@code /usr/bin/time -v java -Xmx512m -jar target/portplan.jar validate DIR/FILE}.
 */
public final class HostileInputs {

    private static final String HEADER = """
            site: hostile
            firewalls:
              edge:
                platform: iptables
                interfaces:
                  outside: { name: eth0, address: 203.0.113.10/29 }
                  inside: { name: eth1, address: 10.0.0.1/8 }
            """;

    private HostileInputs() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "hostile"));
        write(dir, "scalar-10mb.yaml", w -> w.write("description: " + "a".repeat(10_000_000) + "\n"));
        write(dir, "scalar-10mb-lines.yaml", w -> {
            w.write("description: ");
            for (int i = 0; i < 10_000; i++) {
                w.write("abcdefghij ".repeat(90) + "\n  ");
            }
            w.write("\n");
        });
        write(dir, "unclosed-quote-2mb.yaml", w -> w.write("description: \"" + "abc def ".repeat(262_144) + "\n"));
        write(dir, "unclosed-quote-2mb-lines.yaml", w -> w.write("description: \"" + "abc def ghi\n  ".repeat(150_000)));
        write(dir, "aliases-200k.yaml", w -> {
            w.write("devices:\n  d: &a { model: allworx-phone, address: 10.0.0.5 }\n");
            for (int i = 0; i < 200_000; i++) {
                w.write("  e" + i + ": *a\n");
            }
        });
        write(dir, "count-100000.yaml", w -> w.write("devices:\n  phones: { model: allworx-phone, address: 10.0.1.1, count: 100000 }\n"
                + "peers:\n  hq: { role: allworx-server, addresses: [198.51.100.7] }\n"));
        write(dir, "nesting-3000.yaml", w -> {
            w.write("description:\n");
            for (int i = 1; i < 3000; i++) {
                w.write("  ".repeat(i) + "- \n");
            }
        });
        write(dir, "values-3m.yaml", w -> w.write("features: [" + "a,\n".repeat(3_000_000) + "a]\n"));
        write(dir, "errors-300k.yaml", w -> w.write("peers:\n  p: { role: x, addresses: ["
                + "999.1.1.1,\n    ".repeat(300_000) + "999.1.1.1] }\n"));
        write(dir, "devices-200k-entries.yaml", w -> {
            w.write("devices:\n");
            for (int a = 2; a < 200_002; a++) {
                w.write("  d" + a + ": { model: allworx-phone, address: 10." + (a >> 16) + "." + ((a >> 8) & 255) + "."
                        + (a & 255) + " }\n");
            }
        });
    }

    private interface Body {
        void write(Writer w) throws IOException;
    }

    private static void write(Path dir, String name, Body body) throws IOException {
        try (Writer w = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8)) {
            w.write(HEADER);
            body.write(w);
        }
    }
}
