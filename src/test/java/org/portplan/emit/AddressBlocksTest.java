package org.portplan.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.portplan.core.AddressSet;
import org.portplan.core.Cidr;
import org.portplan.core.Ipv4;

class AddressBlocksTest {

    private static Cidr c(String s) {
        return Cidr.parse(s);
    }

    @Test
    void mergesAdjacentHostsIntoRuns() {
        List<AddressSet.Run> runs = AddressSet.Run.of(List.of(c("10.0.0.31"), c("10.0.0.30"), c("10.0.0.32"), c("10.0.0.40")));
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).first()).isEqualTo(Ipv4.parse("10.0.0.30"));
        assertThat(runs.get(0).last()).isEqualTo(Ipv4.parse("10.0.0.32"));
        assertThat(runs.get(0).asCidr()).isEmpty();
        assertThat(runs.get(1).asCidr()).contains(c("10.0.0.40/32"));
    }

    @Test
    void blocksCoverExactlyTheAddresses() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            TreeSet<Long> wanted = new TreeSet<>();
            List<Cidr> input = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(30); i++) {
                long a = 0x0A000000L + random.nextInt(300);
                wanted.add(a);
                input.add(Cidr.host(new Ipv4(a)));
            }
            TreeSet<Long> covered = new TreeSet<>();
            for (Cidr b : AddressBlocks.blocks(input)) {
                for (long v = b.first().value(); v <= b.last().value(); v++) {
                    assertThat(covered.add(v)).as("blocks overlap at %s", new Ipv4(v)).isTrue();
                }
            }
            assertThat(covered).isEqualTo(wanted);
        }
    }

    @Test
    void commentTextIsSafe() {
        assertThat(Text.comment("a \"quoted\" $(rm -rf /) `x` back\\slash\nnew line", 200))
                .doesNotContain("\"", "$", "`", "\\", "\n");
        assertThat(Text.comment("x".repeat(300), 20)).hasSize(20).endsWith("...");
    }
}
