package org.portplan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.portplan.TestSupport;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;

/**
 * For random sites and random edits (insert, remove, reorder devices, change a param, add a
 * firewall), planning the edited site with the first plan's lock keeps every port of every device
 * entry the edit did not touch, and no two allocations overlap within a scope.
 */
class LockPropertyTest {

    private static final int ROUNDS = 400;

    /** One device entry of a generated site. */
    private record Entry(String name, int firewall, String model, String param, int value, int count, boolean ownPublic) {
    }

    /** A generated site: firewalls by index, device entries in file order. */
    private record Gen(int firewalls, List<Entry> entries) {
    }

    private static final List<String> MODELS = List.of("allworx-phone", "allworx-port-expander", "net2phone-max",
            "planet-vip-2140pt", "planet-vip-1120pt");

    private static Entry randomEntry(Random r, String name, int firewalls) {
        String model = MODELS.get(r.nextInt(MODELS.size()));
        String param = switch (model) {
            case "allworx-phone", "allworx-port-expander" -> "conversations";
            case "net2phone-max" -> "lines";
            default -> null;
        };
        int value = param == null ? 0 : 1 + r.nextInt(12);
        int count = r.nextInt(6) == 0 ? 2 + r.nextInt(3) : 1;
        return new Entry(name, r.nextInt(firewalls), model, param, value, count, r.nextInt(8) == 0);
    }

    private static String yaml(Gen g) {
        StringBuilder s = new StringBuilder("site: prop\nfirewalls:\n");
        for (int f = 0; f < g.firewalls(); f++) {
            s.append("  fw").append(f).append(":\n    platform: iptables\n    interfaces:\n")
                    .append("      outside: { name: eth0, address: 198.18.").append(f).append(".2/24 }\n")
                    .append("      inside: { name: eth1, address: 10.").append(f).append(".0.1/16 }\n")
                    .append("    public-addresses: [198.18.").append(f).append(".3, 198.18.").append(f).append(".4]\n");
        }
        s.append("peers:\n  hq: { role: allworx-server, addresses: [203.0.113.7] }\n")
                .append("  itsp: { role: planet-sip-server, addresses: [203.0.113.20] }\n")
                .append("  n2p: { role: net2phone-service, addresses: [203.0.113.64/26] }\n");
        s.append("devices:\n");
        Map<String, Integer> index = new HashMap<>();
        for (Entry e : g.entries()) {
            // Addresses come from the entry's name, so that reordering or removing entries moves no address.
            int n = index.computeIfAbsent(e.name(), k -> Integer.parseInt(k.substring(1)));
            s.append("  ").append(e.name()).append(": { model: ").append(e.model()).append(", address: 10.")
                    .append(e.firewall()).append('.').append(1 + n / 40).append('.').append(1 + (n % 40) * 6);
            if (e.count() > 1) {
                s.append(", count: ").append(e.count());
            }
            if (e.ownPublic()) {
                s.append(", public-address: 198.18.").append(e.firewall()).append('.').append(3 + n % 2);
            }
            if (e.param() != null) {
                s.append(", params: { ").append(e.param()).append(": ").append(e.value()).append(" }");
            }
            s.append(" }\n");
        }
        return s.toString();
    }

    /** "device pool" -> "protocols ports at scope". */
    private static Map<String, String> ports(Plan p) {
        Map<String, String> out = new TreeMap<>();
        for (AllocationTable.Assignment a : p.allocations().assignments()) {
            out.put(a.device() + " " + a.pool(), a.firewall() + " " + Protocol.ids(a.protocols()) + " " + a.ports()
                    + " at " + a.scope());
        }
        return out;
    }

    private static boolean belongsTo(String key, String entry) {
        String device = key.substring(0, key.indexOf(' '));
        return device.equals(entry) || device.matches(java.util.regex.Pattern.quote(entry) + "-[0-9]+");
    }

    @Test
    void untouchedDevicesKeepEveryPortAndScopesNeverOverlap() {
        Random r = new Random(20261123);
        int checked = 0;
        int edits = 0;
        Map<String, Integer> byKind = new TreeMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            int firewalls = 1 + r.nextInt(2);
            List<Entry> entries = new ArrayList<>();
            int n = 4 + r.nextInt(12);
            for (int i = 0; i < n; i++) {
                entries.add(randomEntry(r, "d" + i, firewalls));
            }
            Gen before = new Gen(firewalls, entries);
            TestSupport.Outcome first = TestSupport.plan(yaml(before));
            if (first.plan().isEmpty()) {
                continue; // a random site can be infeasible; the edit would prove nothing
            }
            List<Entry> edited = new ArrayList<>(entries);
            List<String> touched = new ArrayList<>();
            int extraFirewalls = 0;
            String kind;
            switch (r.nextInt(5)) {
                case 0 -> {
                    kind = "insert";
                    Entry e = randomEntry(r, "d" + (n + 1), firewalls);
                    edited.add(r.nextInt(edited.size() + 1), e);
                    touched.add(e.name());
                }
                case 1 -> {
                    kind = "remove";
                    touched.add(edited.remove(r.nextInt(edited.size())).name());
                }
                case 2 -> {
                    kind = "reorder";
                    java.util.Collections.shuffle(edited, r);
                }
                case 3 -> {
                    kind = "param";
                    int i = r.nextInt(edited.size());
                    Entry e = edited.get(i);
                    edited.set(i, new Entry(e.name(), e.firewall(), e.model(), e.param(),
                            e.param() == null ? 0 : 1 + r.nextInt(12), e.count(), e.ownPublic()));
                    touched.add(e.name());
                }
                default -> {
                    kind = "firewall";
                    extraFirewalls = 1;
                    for (int i = 0; i < 1 + r.nextInt(4); i++) {
                        Entry e = randomEntry(r, "d" + (n + 1 + i), 1);
                        Entry placed = new Entry(e.name(), firewalls, e.model(), e.param(), e.value(), e.count(), e.ownPublic());
                        edited.add(r.nextInt(edited.size() + 1), placed);
                        touched.add(placed.name());
                    }
                }
            }
            Plan a = first.plan().get();
            TestSupport.Outcome second = TestSupport.plan(yaml(new Gen(firewalls + extraFirewalls, edited)), a.lock());
            if (second.plan().isEmpty()) {
                continue;
            }
            Plan b = second.plan().get();
            Map<String, String> pa = ports(a);
            Map<String, String> pb = ports(b);
            for (Map.Entry<String, String> e : pa.entrySet()) {
                if (touched.stream().noneMatch(t -> belongsTo(e.getKey(), t))) {
                    assertThat(pb.get(e.getKey())).as("round %d (%s of %s): %s kept by an untouched device\n%s", round,
                            kind, touched, e.getKey(), yaml(new Gen(firewalls + extraFirewalls, edited)))
                            .isEqualTo(e.getValue());
                }
            }
            assertNoOverlap(b, round);
            checked++;
            edits++;
            byKind.merge(kind, 1, Integer::sum);
        }
        // Most random sites must be feasible, or the property says little.
        assertThat(checked).as("edits checked out of %d rounds", ROUNDS).isGreaterThan(ROUNDS * 3 / 4);
        assertThat(byKind).as("every kind of edit is exercised").containsOnlyKeys("firewall", "insert", "param", "remove",
                "reorder");
        System.out.printf("LockPropertyTest: %d edits checked (%s)%n", edits, byKind);
    }

    private static void assertNoOverlap(Plan p, int round) {
        Map<String, List<String>> byScope = new HashMap<>();
        for (AllocationTable.Assignment a : p.allocations().assignments()) {
            for (Protocol proto : a.protocols()) {
                String key = a.firewall() + " " + a.scope() + " " + proto;
                for (String other : byScope.getOrDefault(key, List.of())) {
                    String[] parts = other.split(" ", 2);
                    PortRange r = PortRange.parse(parts[1]);
                    assertThat(r.overlaps(a.ports())).as("round %d: %s %s overlaps %s at %s", round, a.device(),
                            a.ports(), parts[0], key).isFalse();
                }
                byScope.computeIfAbsent(key, k -> new ArrayList<>()).add(a.device() + " " + a.ports());
            }
        }
    }
}
