package org.portplan.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CoreTypesTest {

    @Test
    void parsesAndPrintsAddresses() {
        assertThat(Ipv4.parse("10.10.0.21").toString()).isEqualTo("10.10.0.21");
        assertThat(Ipv4.parse("255.255.255.255").value()).isEqualTo(0xFFFF_FFFFL);
        assertThat(Ipv4.parse("10.0.0.9").compareTo(Ipv4.parse("10.0.0.10"))).isNegative();
    }

    @Test
    void rejectsAmbiguousOrMalformedAddresses() {
        for (String bad : new String[] {"010.0.0.1", "10.0.0", "10.0.0.256", "10.0.0.1.2", "a.b.c.d", "10..0.1", " 10.0.0.1", "1e1.0.0.1"}) {
            assertThatThrownBy(() -> Ipv4.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void cidrArithmetic() {
        Cidr c = Cidr.parse("10.10.0.1/24");
        assertThat(c.network()).isEqualTo(Ipv4.parse("10.10.0.0"));
        assertThat(c.broadcast()).isEqualTo(Ipv4.parse("10.10.0.255"));
        assertThat(c.netmask()).isEqualTo("255.255.255.0");
        assertThat(c.contains(Ipv4.parse("10.10.0.200"))).isTrue();
        assertThat(c.contains(Ipv4.parse("10.10.1.1"))).isFalse();
        assertThat(Cidr.parse("203.0.113.10/29").netmask()).isEqualTo("255.255.255.248");
        assertThat(Cidr.ANY.netmask()).isEqualTo("0.0.0.0");
        assertThat(Cidr.ANY.contains(Ipv4.parse("1.2.3.4"))).isTrue();
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void portRanges() {
        assertThat(PortRange.parse("16384-16393").size()).isEqualTo(10);
        assertThat(PortRange.parse("5060").isSingle()).isTrue();
        assertThat(PortRange.parse("16384-16393").format(":")).isEqualTo("16384:16393");
        assertThat(PortRange.parse("1-10").overlaps(PortRange.parse("10-20"))).isTrue();
        assertThat(PortRange.parse("1-10").overlaps(PortRange.parse("11-20"))).isFalse();
        for (String bad : new String[] {"0", "65536", "10-5", "-1", "abc", "5060-", "120002-12952"}) {
            assertThatThrownBy(() -> PortRange.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
