package org.portplan.emit;

import java.util.ArrayList;
import java.util.List;
import org.portplan.core.AddressSet;
import org.portplan.core.Cidr;
import org.portplan.core.Ipv4;

/** The exact CIDR blocks that cover an address run (what PIX writes), never wider than the run. */
public final class AddressBlocks {

    private AddressBlocks() {
    }

    /** The smallest list of CIDR blocks that covers exactly the given prefixes. */
    public static List<Cidr> blocks(List<Cidr> cidrs) {
        List<Cidr> out = new ArrayList<>();
        for (AddressSet.Run r : AddressSet.Run.of(cidrs)) {
            out.addAll(blocks(r));
        }
        return out;
    }

    /** The smallest list of CIDR blocks that covers exactly one run. */
    public static List<Cidr> blocks(AddressSet.Run r) {
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
