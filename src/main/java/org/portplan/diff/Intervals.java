package org.portplan.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of whole numbers held as sorted, disjoint, non-adjacent closed intervals: ports, and
 * IPv4 addresses as unsigned values. Small and immutable; the diff's arithmetic.
 */
record Intervals(List<long[]> spans) {

    static final Intervals EMPTY = new Intervals(List.of());

    static Intervals of(long first, long last) {
        return new Intervals(List.of(new long[] {first, last}));
    }

    boolean isEmpty() {
        return spans.isEmpty();
    }

    Intervals union(Intervals o) {
        List<long[]> all = new ArrayList<>(spans);
        all.addAll(o.spans);
        return normalize(all);
    }

    Intervals minus(Intervals o) {
        List<long[]> out = new ArrayList<>();
        for (long[] s : spans) {
            long first = s[0];
            long last = s[1];
            for (long[] t : o.spans) {
                if (t[1] < first || t[0] > last) {
                    continue;
                }
                if (t[0] > first) {
                    out.add(new long[] {first, t[0] - 1});
                }
                first = t[1] + 1;
                if (first > last) {
                    break;
                }
            }
            if (first <= last) {
                out.add(new long[] {first, last});
            }
        }
        return normalize(out);
    }

    private static Intervals normalize(List<long[]> in) {
        List<long[]> sorted = new ArrayList<>(in);
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] s : sorted) {
            if (!out.isEmpty() && s[0] <= out.get(out.size() - 1)[1] + 1) {
                long[] last = out.get(out.size() - 1);
                last[1] = Math.max(last[1], s[1]);
            } else {
                out.add(new long[] {s[0], s[1]});
            }
        }
        return new Intervals(List.copyOf(out));
    }

    /** Value equality, which records of arrays do not give. */
    boolean sameAs(Intervals o) {
        if (spans.size() != o.spans.size()) {
            return false;
        }
        for (int i = 0; i < spans.size(); i++) {
            if (spans.get(i)[0] != o.spans.get(i)[0] || spans.get(i)[1] != o.spans.get(i)[1]) {
                return false;
            }
        }
        return true;
    }

    /** A key for grouping equal sets. */
    String key() {
        StringBuilder sb = new StringBuilder();
        for (long[] s : spans) {
            sb.append(s[0]).append('-').append(s[1]).append(',');
        }
        return sb.toString();
    }
}
