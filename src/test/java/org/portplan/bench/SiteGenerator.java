package org.portplan.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes large sites for the benchmark (bench/run.sh): {@code phones} Allworx phones spread over
 * {@code firewalls} firewalls, one site entry per phone as administrators write them, 400 phones
 * per public address, with the Allworx server declared as a peer.
 * {@code java -cp target/test-classes org.portplan.bench.SiteGenerator PHONES FIREWALLS FILE}
 */
public final class SiteGenerator {

    /** Phones behind one public address: their SIP and RTP ranges must fit in its UDP ports. */
    static final int PER_ADDRESS = 400;

    private SiteGenerator() {
    }

    public static void write(Path file, int phones, int firewalls) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("site: bench\nfirewalls:\n");
            int perFirewall = (phones + firewalls - 1) / firewalls;
            for (int f = 0; f < firewalls; f++) {
                int mine = Math.min(perFirewall, phones - f * perFirewall);
                int addresses = (mine + PER_ADDRESS - 1) / PER_ADDRESS;
                // Firewall f: outside 100.(64+f/256).(f%256).0/24 with its extra addresses, inside 10.0.0.0/8 of its own.
                String outside = "100." + (64 + f / 256) + "." + (f % 256);
                w.write("  fw" + f + ":\n    platform: iptables\n    interfaces:\n");
                w.write("      outside: { name: eth0, address: " + outside + ".1/24 }\n");
                w.write("      inside: { name: eth1, address: 10.0.0.1/8 }\n");
                if (addresses > 1) {
                    w.write("    public-addresses: [");
                    for (int a = 1; a < addresses; a++) {
                        w.write((a == 1 ? "" : ", ") + outside + "." + (a + 1));
                    }
                    w.write("]\n");
                }
            }
            w.write("peers:\n  hq: { role: allworx-server, addresses: [198.51.100.7] }\ndevices:\n");
            for (int f = 0; f < firewalls; f++) {
                int mine = Math.min(perFirewall, phones - f * perFirewall);
                String outside = "100." + (64 + f / 256) + "." + (f % 256);
                for (int i = 0; i < mine; i++) {
                    long a = 0x0A000000L + 2 + i;
                    int address = i / PER_ADDRESS;
                    w.write("  p" + f + "-" + i + ": { model: allworx-phone, address: " + (a >> 24) + "." + ((a >> 16) & 255)
                            + "." + ((a >> 8) & 255) + "." + (a & 255) + (firewalls > 1 ? ", firewall: fw" + f : "")
                            + (address > 0 ? ", public-address: " + outside + "." + (address + 1) : "") + " }\n");
                }
            }
        }
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[2]), Integer.parseInt(args[0]), Integer.parseInt(args[1]));
    }
}
