package org.portplan.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import org.portplan.catalog.Catalog;
import org.portplan.core.Platform;
import org.portplan.engine.Engine;
import org.portplan.engine.Outputs;
import org.portplan.engine.Result;

/**
 * Measures compile time for large generated sites (not a unit test: timing belongs here, not
 * in assertions). Run after {@code mvn package}:
 * {@code java -cp target/portplan.jar:target/test-classes org.portplan.bench.ScaleBenchmark 10000}
 */
public final class ScaleBenchmark {

    private ScaleBenchmark() {
    }

    /** A site with {@code devices} devices: Allworx phones in blocks of 500 per public address, and Max units. */
    static String site(int devices) {
        int blocks = (devices + 499) / 500;
        StringBuilder s = new StringBuilder("site: bench\nfirewalls:\n  edge:\n    platform: iptables\n    interfaces:\n"
                + "      outside: { name: eth0, address: 100.64.0.1/16 }\n      inside: { name: eth1, address: 10.0.0.1/8 }\n"
                + "    public-addresses: [");
        for (int b = 0; b < blocks; b++) {
            s.append(b == 0 ? "" : ", ").append("100.64.1.").append(b + 1);
        }
        s.append("]\ndevices:\n");
        int left = devices;
        for (int b = 0; b < blocks; b++) {
            int n = Math.min(500, left);
            left -= n;
            int maxes = n / 10;
            s.append("  phones").append(b).append(": { model: allworx-phone, address: 10.").append(b + 1)
                    .append(".0.1, count: ").append(n - maxes).append(", public-address: 100.64.1.").append(b + 1)
                    .append(", params: { conversations: 4 } }\n");
            if (maxes > 0) {
                s.append("  max").append(b).append(": { model: net2phone-max, address: 10.").append(b + 1)
                        .append(".128.1, count: ").append(maxes).append(", public-address: 100.64.1.").append(b + 1)
                        .append(", params: { lines: 4 } }\n");
            }
        }
        s.append("peers:\n  hq: { role: allworx-server, addresses: [198.51.100.7] }\n");
        return s.toString();
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path file = Files.createTempFile("portplan-bench", ".yaml");
        Files.writeString(file, site(devices), StandardCharsets.UTF_8);
        Catalog catalog = Engine.loadCatalog(Optional.empty()).value().orElseThrow();
        for (int round = 1; round <= 5; round++) {
            long t0 = System.nanoTime();
            Result<Outputs> r = Engine.compile(catalog, file, EnumSet.allOf(Platform.class));
            long t1 = System.nanoTime();
            if (r.value().isEmpty()) {
                r.diagnostics().sorted().stream().limit(5).forEach(d -> System.err.println(d.format()));
                throw new IllegalStateException("benchmark site does not compile");
            }
            long bytes = r.value().get().files().values().stream().mapToLong(String::length).sum();
            System.out.printf("round %d: %d devices, all targets: %.0f ms, %d bytes of output%n",
                    round, devices, (t1 - t0) / 1e6, bytes);
        }
        Files.delete(file);
    }
}
