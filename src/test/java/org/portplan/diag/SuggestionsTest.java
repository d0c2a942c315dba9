package org.portplan.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> KEYS = List.of("model", "address", "count", "public-address", "firewall", "params", "ports");

    @Test
    void suggestsTheNearName() {
        assertThat(Suggestions.nearest("adress", KEYS)).contains("address");
        assertThat(Suggestions.nearest("modle", KEYS)).contains("model");
        assertThat(Suggestions.nearest("public_address", KEYS)).contains("public-address");
        assertThat(Suggestions.nearest("allworx-phon", List.of("allworx-phone", "allworx-server"))).contains("allworx-phone");
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        assertThat(Suggestions.nearest("zzzzzz", KEYS)).isEmpty();
        assertThat(Suggestions.hint("zzzzzz", KEYS)).isEmpty();
    }

    @Test
    void ordersDiagnosticsByPlace() {
        Diagnostics d = new Diagnostics();
        d.error(Code.UNKNOWN_MODEL, new Location("b.yaml", 1, 1), "third");
        d.error(Code.UNKNOWN_MODEL, new Location("a.yaml", 9, 2), "second");
        d.warning(Code.DEVICE_IN_NO_RULE, new Location("a.yaml", 2, 5), "first");
        assertThat(d.sorted()).extracting(Diagnostic::message).containsExactly("first", "second", "third");
        assertThat(d.sorted().get(0).format()).isEqualTo("a.yaml:2:5: warning: first [PP603]");
        assertThat(d.errorCount()).isEqualTo(2);
    }
}
