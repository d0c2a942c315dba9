package org.portplan.core;

import java.util.List;
import java.util.Optional;

/** An IPv4 address held as an unsigned 32-bit value, ordered numerically. */
public record Ipv4(long value) implements Comparable<Ipv4> {

    /** The largest value, 255.255.255.255. */
    public static final long MAX = 0xFFFF_FFFFL;

    /** Address blocks that never name one host: a site's interfaces, devices and public addresses avoid them. */
    private record Block(long first, long last, String what) {
    }

    private static final List<Block> NOT_A_HOST = List.of(
            new Block(0x0000_0000L, 0x00FF_FFFFL, "in 0.0.0.0/8, which means 'this network'"),
            new Block(0x7F00_0000L, 0x7FFF_FFFFL, "a loopback address (127.0.0.0/8)"),
            new Block(0xE000_0000L, 0xEFFF_FFFFL, "a multicast address (224.0.0.0/4)"),
            new Block(0xF000_0000L, 0xFFFF_FFFEL, "a reserved address (240.0.0.0/4)"),
            new Block(MAX, MAX, "the broadcast address"));

    /**
     * The first address from {@code first} to {@code last} that cannot be a host's address
     * (0.0.0.0/8, loopback, multicast, reserved, 255.255.255.255), with what it is:
     * "127.0.0.1 is a loopback address (127.0.0.0/8)".
     */
    public static Optional<String> notAHost(long first, long last) {
        for (Block b : NOT_A_HOST) {
            if (first <= b.last() && last >= b.first()) {
                return Optional.of(new Ipv4(Math.max(first, b.first())) + " is " + b.what());
            }
        }
        return Optional.empty();
    }

    /** {@link #notAHost(long, long)} for this address alone. */
    public Optional<String> notAHost() {
        return notAHost(value, value);
    }

    public Ipv4 {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("IPv4 value out of range: " + value);
        }
    }

    /**
     * Parses dotted-quad notation strictly: four decimal octets, no leading zeros,
     * because "010.0.0.1" means 8.0.0.1 to some tools and 10.0.0.1 to others.
     */
    public static Ipv4 parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new InvalidValue("not an IPv4 address: '" + text + "'");
        }
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (p.length() > 1 && p.charAt(0) == '0')) {
                throw new InvalidValue("not an IPv4 address: '" + text + "'");
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                throw new InvalidValue("not an IPv4 address: '" + text + "' (octet " + octet + " > 255)");
            }
            v = (v << 8) | octet;
        }
        return new Ipv4(v);
    }

    public Ipv4 plus(long n) {
        return new Ipv4(value + n);
    }

    @Override
    public int compareTo(Ipv4 o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return ((value >> 24) & 0xFF) + "." + ((value >> 16) & 0xFF) + "." + ((value >> 8) & 0xFF) + "." + (value & 0xFF);
    }
}
