package org.portplan.oracle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portplan.core.Ipv4;
import org.portplan.core.Protocol;
import org.portplan.rules.FirewallPlan;
import org.portplan.rules.Zone;

/**
 * The static translations of an ASA 8.3+ file, read from its text ({@code object network} blocks
 * with {@code host} and {@code nat (real,mapped) static ...}): what a packet for a mapped address
 * and port becomes before the access lists see it. jtacl reads the access lists but applies no
 * NAT, so the engine check asks this first and hands jtacl the real destination.
 */
final class AsaNat {

    private static final Pattern OBJECT = Pattern.compile("^object network (\\S+)$");
    private static final Pattern HOST = Pattern.compile("^ host ([0-9.]+)$");
    private static final Pattern STATIC = Pattern.compile(
            "^ nat \\(([^,]+),([^)]+)\\) static (\\S+)(?: service (tcp|udp) (\\d+) (\\d+))?$");

    /** Where a packet arriving on {@code nameif} for a mapped address (and port) goes. */
    record Real(Ipv4 address, int port, String object) {
    }

    private record PatKey(String nameif, Protocol protocol, Ipv4 mapped, int port) {
    }

    private record StaticKey(String nameif, Ipv4 mapped) {
    }

    private final Map<PatKey, Real> pat = new HashMap<>();
    private final Map<StaticKey, Real> oneToOne = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    private AsaNat() {
    }

    static AsaNat read(FirewallPlan fw, String text) {
        AsaNat n = new AsaNat();
        Map<String, Zone> byNameif = new HashMap<>();
        fw.zones().forEach(z -> byNameif.put(z.interfaceName(), z));
        String object = null;
        Ipv4 host = null;
        for (String line : text.split("\n")) {
            Matcher o = OBJECT.matcher(line);
            if (o.matches()) {
                object = o.group(1);
                host = null;
                continue;
            }
            if (!line.startsWith(" ")) {
                object = null;
                continue;
            }
            Matcher h = HOST.matcher(line);
            if (object != null && h.matches()) {
                host = Ipv4.parse(h.group(1));
                continue;
            }
            Matcher s = STATIC.matcher(line);
            if (object == null || !s.matches()) {
                continue;
            }
            if (host == null) {
                n.problems.add("object " + object + ": a static NAT rule for an object that is no single host");
                continue;
            }
            Zone mappedZone = byNameif.get(s.group(2));
            if (mappedZone == null || !byNameif.containsKey(s.group(1))) {
                n.problems.add("object " + object + ": NAT between unknown interfaces " + s.group(1) + "," + s.group(2));
                continue;
            }
            Ipv4 mapped = s.group(3).equals("interface") ? mappedZone.subnet().address() : Ipv4.parse(s.group(3));
            if (s.group(4) == null) {
                put(n.oneToOne, new StaticKey(s.group(2), mapped), new Real(host, 0, object), n.problems);
            } else {
                Protocol proto = Protocol.byId(s.group(4)).orElseThrow();
                int real = Integer.parseInt(s.group(5));
                int mappedPort = Integer.parseInt(s.group(6));
                put(n.pat, new PatKey(s.group(2), proto, mapped, mappedPort), new Real(host, real, object), n.problems);
            }
        }
        return n;
    }

    private static <K> void put(Map<K, Real> map, K key, Real value, List<String> problems) {
        Real before = map.putIfAbsent(key, value);
        if (before != null && !before.equals(value)) {
            problems.add(key + " is translated twice: by " + before.object() + " and by " + value.object());
        }
    }

    /** The real destination of a packet entering {@code nameif} for {@code mapped}:{@code port}, if a static covers it. */
    Optional<Real> untranslate(String nameif, Protocol protocol, Ipv4 mapped, int port) {
        Real r = pat.get(new PatKey(nameif, protocol, mapped, port));
        if (r != null) {
            return Optional.of(r);
        }
        Real s = oneToOne.get(new StaticKey(nameif, mapped));
        return s == null ? Optional.empty() : Optional.of(new Real(s.address(), port, s.object()));
    }

    /** Statics that cannot be right whatever the probes say (declared twice, on unknown interfaces). */
    List<String> problems() {
        return problems;
    }
}
