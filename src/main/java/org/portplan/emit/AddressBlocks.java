package org.portplan.emit;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.portplan.core.Cidr;
import org.portplan.core.Ipv4;

/**
 * Address lists in the shapes dialects want: merged first-last runs (iptables iprange, pf
 * ranges) or the exact CIDR blocks that cover a run (PIX), never wider than the list.
 */
public final class AddressBlocks {

    /** An inclusive run of addresses. */
    public record Run(Ipv4 first, Ipv4 last) {

        /** The single CIDR block equal to this run, if there is one. */
        public java.util.Optional<Cidr> asCidr() {
            long size = last.value() - first.value() + 1;
            if (Long.bitCount(size) != 1 || first.value() % size != 0) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Cidr(first, 32 - Long.numberOfTrailingZeros(size)));
        }
    }

    private AddressBlocks() {
    }

    /** Merges overlapping and adjacent prefixes into runs, in address order. */
    public static List<Run> runs(List<Cidr> cidrs) {
        TreeSet<Cidr> sorted = new TreeSet<>(cidrs);
        List<Run> out = new ArrayList<>();
        long first = -1;
        long last = -1;
        for (Cidr c : sorted) {
            long f = c.first().value();
            long l = c.last().value();
            if (first >= 0 && f <= last + 1) {
                last = Math.max(last, l);
            } else {
                if (first >= 0) {
                    out.add(new Run(new Ipv4(first), new Ipv4(last)));
                }
                first = f;
                last = l;
            }
        }
        if (first >= 0) {
            out.add(new Run(new Ipv4(first), new Ipv4(last)));
        }
        return out;
    }

    /** The smallest list of CIDR blocks that covers exactly the given prefixes. */
    public static List<Cidr> blocks(List<Cidr> cidrs) {
        List<Cidr> out = new ArrayList<>();
        for (Run r : runs(cidrs)) {
            out.addAll(blocks(r));
        }
        return out;
    }

    /** The smallest list of CIDR blocks that covers exactly one run. */
    public static List<Cidr> blocks(Run r) {
        List<Cidr> out = new ArrayList<>();
        long a = r.first().value();
        long end = r.last().value();
        while (a <= end) {
            int size = a == 0 ? 32 : Math.min(Long.numberOfTrailingZeros(a), 32);
            while (size > 0 && a + (1L << size) - 1 > end) {
                size--;
            }
            out.add(new Cidr(new Ipv4(a), 32 - size));
            a += 1L << size;
        }
        return out;
    }
}
