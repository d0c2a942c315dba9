package org.portplan.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SizeExprTest {

    @Test
    void evaluatesVendorFormulas() {
        assertThat(SizeExpr.parse("2 * conversations").evaluate(Map.of("conversations", 5L))).contains(10L);
        SizeExpr desktop = SizeExpr.parse("2 * conferences + 2 * clients + presenting-conferences");
        assertThat(desktop.params()).containsExactly("clients", "conferences", "presenting-conferences");
        assertThat(desktop.evaluate(Map.of("conferences", 10L, "clients", 50L, "presenting-conferences", 3L))).contains(123L);
        assertThat(SizeExpr.parse("(a - 1) * 2").evaluate(Map.of("a", 5L))).contains(8L);
    }

    @Test
    void isEmptyWhenAParamHasNoValue() {
        assertThat(SizeExpr.parse("10 * dpa-calls").evaluate(Map.of())).isEmpty();
    }

    @Test
    void rejectsMalformedFormulas() {
        for (String bad : new String[] {"2 *", "(2 * a", "2 ^ a", "a b", ""}) {
            assertThatThrownBy(() -> SizeExpr.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
