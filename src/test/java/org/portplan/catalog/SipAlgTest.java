package org.portplan.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.portplan.TestSupport;
import org.portplan.diag.Diagnostic;
import org.portplan.diag.Diagnostics;

/** The catalog's {@code sip-alg}: each vendor's word on the firewall's SIP ALG, with where it says so. */
class SipAlgTest {

    private static final String MODEL = """
            models:
              box:
                title: A box
                source: {document: doc, section: "1"}
            documents:
              doc: {title: The box manual}
            """;

    @Test
    void everyShippedModelCarriesItsVendorsStatementWithACitation() {
        Catalog catalog = TestSupport.catalog();
        assertThat(catalog.models().values()).allSatisfy(m -> {
            assertThat(m.sipAlg()).as("sip-alg of %s", m.id()).isNotNull();
            assertThat(catalog.documents()).as("document cited by the sip-alg of %s", m.id())
                    .containsKey(m.sipAlg().source().document());
            assertThat(m.sipAlg().source().note()).as("what the document says, for %s", m.id()).isNotBlank();
        });
        // None of the four vendors' documents takes a position; the catalog must not invent one.
        assertThat(catalog.models().values()).extracting(m -> m.sipAlg().wants()).containsOnly(SipAlg.Stance.UNSTATED);
    }

    @Test
    void aFileStatementReachesEachOfItsModels() {
        Diagnostics d = new Diagnostics();
        Optional<Catalog> c = TestSupport.catalog("vendor: Acme\nsip-alg: {wants: off, source: {document: doc, section: \"4.2\","
                + " note: turn SIP ALG off}}\n" + MODEL, d);
        assertThat(d.hasErrors()).as("%s", d.sorted()).isFalse();
        SipAlg s = c.orElseThrow().model("box").orElseThrow().sipAlg();
        assertThat(s.wants()).isEqualTo(SipAlg.Stance.OFF);
        assertThat(s.source().shortForm()).isEqualTo("doc sec. 4.2");
    }

    @Test
    void aModelOfAFileWithoutAStatementHasNone() {
        Diagnostics d = new Diagnostics();
        Optional<Catalog> c = TestSupport.catalog("vendor: Acme\n" + MODEL, d);
        assertThat(c.orElseThrow().model("box").orElseThrow().sipAlg()).isNull();
    }

    @Test
    void aBadStanceOrAMissingSourceIsALocatedError() {
        Diagnostics d = new Diagnostics();
        Optional<Catalog> c = TestSupport.catalog("vendor: Acme\nsip-alg: {wants: of}\n" + MODEL, d);
        assertThat(c).isEmpty();
        assertThat(d.sorted()).extracting(Diagnostic::format).containsExactly(
                "test-catalog.yaml:2:10: error: sip-alg is missing the required key 'source' [PP111]",
                "test-catalog.yaml:2:18: error: sip-alg wants must be one of off, on, unstated, found 'of' (did you mean 'off'?) [PP118]");
    }
}
