package org.portplan.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The addresses at one end of a rule. {@link Any} is every address of the rule's zone (for the
 * outside zone: every address that is not in one of the firewall's other zones); {@link Only}
 * is exactly the listed prefixes. There is no empty set: a rule with nobody at one end is no rule.
 */
public sealed interface AddressSet permits AddressSet.Any, AddressSet.Only {

    /** Everyone in the rule's zone. */
    record Any() implements AddressSet {
        @Override
        public String toString() {
            return "any";
        }
    }

    /** Exactly these prefixes: sorted, without duplicates, never empty. */
    record Only(List<Cidr> cidrs) implements AddressSet {
        public Only {
            if (cidrs.isEmpty()) {
                throw new IllegalArgumentException("an address set lists at least one prefix; use AddressSet.any() for anyone");
            }
            cidrs = List.copyOf(new TreeSet<>(cidrs));
        }

        @Override
        public String toString() {
            return cidrs.toString();
        }
    }

    AddressSet ANY = new Any();

    static AddressSet any() {
        return ANY;
    }

    /** The given prefixes; a list holding 0.0.0.0/0 is anyone. */
    static AddressSet of(Collection<Cidr> cidrs) {
        for (Cidr c : cidrs) {
            if (c.prefix() == 0) {
                return ANY;
            }
        }
        return new Only(List.copyOf(cidrs));
    }

    static AddressSet of(Cidr... cidrs) {
        return of(Arrays.asList(cidrs));
    }

    default boolean isAny() {
        return this instanceof Any;
    }

    /** The prefixes, or 0.0.0.0/0 for anyone. */
    default List<Cidr> cidrs() {
        return this instanceof Only o ? o.cidrs() : List.of(Cidr.ANY);
    }

    default boolean contains(Ipv4 a) {
        return this instanceof Any || ((Only) this).cidrs().stream().anyMatch(c -> c.contains(a));
    }

    /** Merged, sorted runs of addresses: what range-based dialects (iptables iprange, pf) write. */
    default List<Run> runs() {
        return Run.of(cidrs());
    }

    /** An inclusive run of addresses. */
    record Run(Ipv4 first, Ipv4 last) {

        public Run {
            if (first.compareTo(last) > 0) {
                throw new IllegalArgumentException("empty address run " + first + " - " + last);
            }
        }

        /** Merges overlapping and adjacent prefixes into runs, in address order. */
        public static List<Run> of(Collection<Cidr> cidrs) {
            List<Cidr> sorted = new ArrayList<>(cidrs);
            sorted.sort(null);
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

        /** Whether the merged runs {@code outer} hold every run of {@code inner}: a binary search per inner run. */
        public static boolean covers(List<Run> outer, List<Run> inner) {
            for (Run r : inner) {
                int lo = 0;
                int hi = outer.size() - 1;
                Run hit = null;
                while (lo <= hi) {
                    int mid = (lo + hi) >>> 1;
                    Run o = outer.get(mid);
                    if (o.first().compareTo(r.first()) <= 0) {
                        hit = o;
                        lo = mid + 1;
                    } else {
                        hi = mid - 1;
                    }
                }
                if (hit == null || hit.last().compareTo(r.last()) < 0) {
                    return false;
                }
            }
            return true;
        }

        public boolean isSingle() {
            return first.equals(last);
        }

        /** The single CIDR block equal to this run, if there is one. */
        public java.util.Optional<Cidr> asCidr() {
            long size = last.value() - first.value() + 1;
            if (Long.bitCount(size) != 1 || first.value() % size != 0) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Cidr(first, 32 - Long.numberOfTrailingZeros(size)));
        }
    }
}
