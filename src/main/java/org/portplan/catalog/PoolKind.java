package org.portplan.catalog;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.portplan.core.PortRange;

/** How a pool gets its ports: fixed by the vendor, once per public address, or allocated. */
public sealed interface PoolKind permits PoolKind.Fixed, PoolKind.PerAddress, PoolKind.Allocatable {

    /** Ports the device always uses; two devices behind one address cannot share them. */
    record Fixed(PortRange ports) implements PoolKind {
    }

    /**
     * Ports forwarded once per public address, to the first device of {@code group} behind it
     * (Allworx BLF 2088); later devices of the group do without.
     */
    record PerAddress(PortRange ports, String group) implements PoolKind {
    }

    /**
     * Where an allocatable pool may live: the vendor default and the bounds the device accepts.
     */
    record Window(PortRange defaultRange, PortRange bounds) {
        public Window {
            if (!bounds.contains(defaultRange)) {
                throw new IllegalArgumentException("default " + defaultRange + " is outside the bounds " + bounds);
            }
        }
    }

    /**
     * A range the allocator places: the vendor default when free, else the next free aligned
     * block above it, sized by the first of {@code sizes} whose parameters all have values
     * (else the default range whole). {@code selector}, when set, names a choice parameter
     * picking the window (Windows 2003 vs 2008 dynamic ranges). {@code maxSize}, when not 0, is
     * the widest range the vendor documents for an unsized pool, which a site may pin.
     */
    record Allocatable(Window window, String selector, Map<String, Window> windows, List<SizeExpr> sizes, int align,
                       int maxSize) implements PoolKind {

        public Allocatable {
            // Sorted: Map.copyOf would iterate in an order that changes from one JVM run to the next.
            windows = windows == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(windows));
            sizes = List.copyOf(sizes);
            if (align < 1) {
                throw new IllegalArgumentException("align must be at least 1");
            }
            if (maxSize < 0) {
                throw new IllegalArgumentException("max-size must not be negative");
            }
        }

        /** The formula that sizes this pool for these parameter values, if any applies. */
        public Optional<SizeExpr> sizeFor(Map<String, Long> numbers) {
            return sizes.stream().filter(e -> e.evaluate(numbers).isPresent()).findFirst();
        }

        /** The size for these parameter values: the first formula that applies, else the default range's size. */
        public long size(Map<String, String> params, Map<String, Long> numbers) {
            return sizeFor(numbers).flatMap(e -> e.evaluate(numbers)).orElse((long) windowFor(params).defaultRange().size());
        }

        /** The window for a device with these parameter values (selector values are validated before). */
        public Window windowFor(Map<String, String> params) {
            if (selector == null) {
                return window;
            }
            Window w = windows.get(params.get(selector));
            return w != null ? w : window;
        }
    }
}
