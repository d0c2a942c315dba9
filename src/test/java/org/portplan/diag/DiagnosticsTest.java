package org.portplan.diag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Echoed user text cannot forge output lines, and a flood of diagnostics is bounded. */
class DiagnosticsTest {

    @Test
    void controlCharactersInMessagesAndFileNamesAreEscaped() {
        Diagnostic d = new Diagnostic(Severity.ERROR, Code.UNKNOWN_PARAM, new Location("a\nb.yaml", 3, 4),
                "param 'x\nsite.yaml:1:1: warning: forged' \u001b[2J\t\u202Eevil\u0085 \ud800");
        assertThat(d.format()).isEqualTo("a\\nb.yaml:3:4: error: param 'x\\nsite.yaml:1:1: warning: forged' \\u001B[2J\\t"
                + "\\u202Eevil\\u0085 \\uD800 [PP302]");
        assertThat(d.format()).doesNotContain("\n", "\r", "\u001b");
        assertThat(Diagnostic.printable("caf\u00e9 \ud83d\ude00 ok")).isEqualTo("caf\u00e9 \ud83d\ude00 ok");
    }

    @Test
    void aKindOfDiagnosticHasOneSeverity() {
        Diagnostics d = new Diagnostics();
        assertThatThrownBy(() -> d.warning(Code.UNKNOWN_MODEL, new Location("f.yaml", 1, 1), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("PP301 is reported as error, not as warning");
        assertThatThrownBy(() -> d.error(Code.LOCK_ENTRY_RELEASED, new Location("f.yaml", 1, 1), "x"))
                .isInstanceOf(IllegalArgumentException.class);
        d.note(Code.LOCK_ENTRY_RELEASED, new Location("f.yaml", 1, 1), "released");
        assertThat(d.sorted()).extracting(Diagnostic::format).containsExactly("f.yaml:1:1: note: released [PP512]");
    }

    @Test
    void keepsTheFirstDiagnosticsInOrderAndCountsTheRest() {
        Diagnostics d = new Diagnostics();
        for (int i = 3000; i > 0; i--) {
            d.error(Code.UNKNOWN_MODEL, new Location("f.yaml", i, 1), "bad " + i);
        }
        d.warning(Code.DEVICE_IN_NO_RULE, new Location("f.yaml", 5000, 1), "late warning");
        d.error(Code.UNKNOWN_MODEL, new Location("f.yaml", 1, 1), "bad 1");
        assertThat(d.sorted()).hasSize(Diagnostics.KEPT);
        assertThat(d.sorted().get(0).location().line()).isEqualTo(1);
        assertThat(d.sorted().get(Diagnostics.KEPT - 1).location().line()).isEqualTo(Diagnostics.KEPT);
        assertThat(d.errorCount()).isEqualTo(3000);
        assertThat(d.dropped()).isEqualTo(2001);
        assertThat(d.hasWarnings()).isTrue();

        Diagnostics all = new Diagnostics();
        all.warning(Code.DEVICE_IN_NO_RULE, new Location("a.yaml", 1, 1), "first file");
        all.addAll(d);
        assertThat(all.errorCount()).isEqualTo(3000);
        assertThat(all.dropped()).isEqualTo(2002);
        assertThat(all.sorted().get(0).message()).isEqualTo("first file");
    }
}
