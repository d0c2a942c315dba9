package org.portplan.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.portplan.TestSupport;
import org.portplan.diag.Diagnostic;
import org.portplan.diag.Diagnostics;

/** Model settings and instructions: their 'when', 'kind', sources and value placeholders are checked where written. */
class CatalogConditionsTest {

    private static final String BASE = """
            vendor: Test
            documents:
              doc: {title: A document}
            roles:
              registrar: {title: A registrar}
            features:
              provisioning: {description: Phones download their configuration.}
            models:
              server:
                title: A server
                source: {document: doc, section: "1"}
                pools:
                  sip: {protocol: udp, port: 5060, purpose: SIP, source: {document: doc, section: "1"}}
              phone:
                title: A phone
                source: {document: doc, section: "1"}
            %s
            flows:
              phone.to-server:
                from: phone
                to: server
                ports: [udp sip]
                purpose: registration
                source: {document: doc, section: "2"}
              server.to-registrar:
                from: server
                to: registrar
                ports: [udp any]
                purpose: the server's own registrar
                source: {document: doc, section: "2"}
            """;

    private static List<String> errors(String modelBody) {
        Diagnostics d = new Diagnostics();
        TestSupport.catalog(BASE.formatted(modelBody), d);
        return d.sorted().stream().map(Diagnostic::format).toList();
    }

    @Test
    void aCorrectModelLoads() {
        assertThat(errors("""
                    settings:
                      - {where: "Menu / SIP", name: Server, value: "{role:server}:{role:server:sip}", when: phone.to-server,
                         source: {document: doc, section: "3"}}
                      - {name: Own address, value: "{address} {public-address} {netmask} {gateway}", source: {document: doc, section: "3"}}
                    instructions:
                      - {text: "Enable the TFTP helper.", kind: advice, when: [provisioning, phone.to-server], source: {document: doc, section: "4"}}
                """)).isEmpty();
    }

    @Test
    void whenNamesAFeatureOrAFlowOfTheModel() {
        assertThat(errors("""
                    instructions:
                      - {text: "a", when: provisoning, source: {document: doc, section: "4"}}
                      - {text: "b", when: server.to-registrar, source: {document: doc, section: "4"}}
                      - {text: "c", when: [], source: {document: doc, section: "4"}}
                """)).containsExactly(
                "test-catalog.yaml:18:27: error: model 'phone' instruction: 'when' names 'provisoning', which is neither a"
                        + " feature nor a flow (did you mean 'provisioning'?) [PP720]",
                "test-catalog.yaml:19:27: error: model 'phone' instruction: 'when' names flow 'server.to-registrar'"
                        + " (server -> registrar), which model 'phone' takes no part in (its roles: phone) [PP721]",
                "test-catalog.yaml:20:27: error: model 'phone' instruction: 'when' is empty; name a feature or a flow, or leave it out [PP117]");
    }

    @Test
    void kindIsNoteOrAdvice() {
        assertThat(errors("""
                    instructions:
                      - {text: "a", kind: advise, source: {document: doc, section: "4"}}
                """)).containsExactly("test-catalog.yaml:18:27: error: model 'phone' instruction: kind must be note or advice,"
                + " found 'advise' (did you mean 'advice'?) [PP118]");
    }

    @Test
    void placeholdersAreOnesTheSettingCanFill() {
        assertThat(errors("""
                    settings:
                      - {name: a, value: "{first}", source: {document: doc, section: "3"}}
                      - {name: b, value: "{adress}", source: {document: doc, section: "3"}}
                      - {name: c, value: "{role:registar}", source: {document: doc, section: "3"}}
                      - {name: d, value: "{role:server:sipp}", source: {document: doc, section: "3"}}
                      - {name: e, value: "{role:registrar:sip}", source: {document: doc, section: "3"}}
                """)).containsExactly(
                "test-catalog.yaml:18:26: error: model 'phone' setting: placeholder {first} is a pool's port, and a model"
                        + " setting has no pool; use {role:ROLE:POOL} for another party's ports [PP724]",
                "test-catalog.yaml:19:26: error: model 'phone' setting: placeholder {adress} is unknown (did you mean"
                        + " 'address'?); known: {address}, {public-address}, {netmask}, {gateway}, {first}, {last}, {count},"
                        + " {role:ROLE} and {role:ROLE:POOL} [PP724]",
                "test-catalog.yaml:20:26: error: model 'phone' setting: placeholder {role:registar} names unknown role"
                        + " 'registar' (did you mean 'registrar'?) [PP705]",
                "test-catalog.yaml:21:26: error: model 'phone' setting: placeholder {role:server:sipp}: model 'server'"
                        + " (role 'server') has no pool 'sipp' (did you mean 'sip'?) [PP707]",
                "test-catalog.yaml:22:26: error: model 'phone' setting: placeholder {role:registrar:sip}: role 'registrar'"
                        + " is played by no model, so it has no pools [PP706]");
    }

    @Test
    void aModelSettingCitesItsSource() {
        assertThat(errors("""
                    settings:
                      - {where: here, name: a, value: b}
                """)).containsExactly("test-catalog.yaml:18:9: error: model 'phone' setting is missing the required key 'source' [PP111]");
    }
}
