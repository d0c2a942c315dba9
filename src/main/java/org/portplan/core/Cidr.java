package org.portplan.core;

import org.apache.commons.net.util.SubnetUtils;

/**
 * An IPv4 prefix. {@code address} keeps the host part as written (an interface's own
 * address), {@link #network()} gives the prefix itself.
 */
public record Cidr(Ipv4 address, int prefix) implements Comparable<Cidr> {

    public static final Cidr ANY = new Cidr(new Ipv4(0), 0);

    public Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix length out of range: /" + prefix);
        }
    }

    public static Cidr host(Ipv4 a) {
        return new Cidr(a, 32);
    }

    /** Parses "a.b.c.d/n" or a bare address (taken as /32). */
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return host(Ipv4.parse(text));
        }
        Ipv4 a = Ipv4.parse(text.substring(0, slash));
        String p = text.substring(slash + 1);
        if (p.isEmpty() || p.length() > 2 || !p.chars().allMatch(Character::isDigit)) {
            throw new InvalidValue("bad prefix length in '" + text + "'");
        }
        int n = Integer.parseInt(p);
        if (n > 32) {
            throw new InvalidValue("prefix length /" + n + " > 32 in '" + text + "'");
        }
        return new Cidr(a, n);
    }

    public long mask() {
        return prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
    }

    public Ipv4 network() {
        return new Ipv4(address.value() & mask());
    }

    public Ipv4 broadcast() {
        return new Ipv4(network().value() | (~mask() & 0xFFFF_FFFFL));
    }

    public Ipv4 first() {
        return network();
    }

    public Ipv4 last() {
        return broadcast();
    }

    public boolean contains(Ipv4 a) {
        return (a.value() & mask()) == network().value();
    }

    public boolean isHost() {
        return prefix == 32;
    }

    public boolean isNetworkAddress() {
        return address.equals(network());
    }

    /** Dotted netmask, as PIX wants it ("255.255.255.0"). */
    public String netmask() {
        if (prefix == 0) {
            return "0.0.0.0";
        }
        // SubnetUtils does the CIDR arithmetic for the common case; /0 is outside its domain.
        return new SubnetUtils(network() + "/" + prefix).getInfo().getNetmask();
    }

    /** The prefix itself in a.b.c.d/n form, host bits cleared. */
    public String networkString() {
        return network() + "/" + prefix;
    }

    @Override
    public int compareTo(Cidr o) {
        int c = network().compareTo(o.network());
        return c != 0 ? c : Integer.compare(prefix, o.prefix);
    }

    @Override
    public String toString() {
        return address + "/" + prefix;
    }
}
