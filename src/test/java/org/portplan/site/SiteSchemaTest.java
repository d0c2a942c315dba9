package org.portplan.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.portplan.SchemaSupport.failingLocations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.networknt.schema.JsonSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.portplan.SchemaSupport;
import org.portplan.TestSupport;

/**
 * {@code schema/site.schema.json}: a valid draft 2020-12 schema that every example and golden
 * site satisfies, that rejects the bad sites whose problem is their shape, and that names
 * exactly the keys {@link SiteLoader} accepts.
 */
class SiteSchemaTest {

    private static final String SCHEMA = "site.schema.json";
    private static final String MODELINE = "# yaml-language-server: $schema=../../schema/site.schema.json";
    private static final Path ERRORS = Path.of("src/test/resources/errors");

    private enum Verdict { REJECTED, ACCEPTED, NOT_YAML }

    /** What the schema says about a bad site, why, and (when rejected) exactly where. */
    private record Expect(Verdict verdict, String why, Set<String> at) {
    }

    private static Map.Entry<String, Expect> rejected(String name, String why, String... at) {
        return Map.entry(name, new Expect(Verdict.REJECTED, why, Set.of(at)));
    }

    private static Map.Entry<String, Expect> accepted(String name, String why) {
        return Map.entry(name, new Expect(Verdict.ACCEPTED, why, Set.of()));
    }

    private static Map.Entry<String, Expect> notYaml(String name, String why) {
        return Map.entry(name, new Expect(Verdict.NOT_YAML, why, Set.of()));
    }

    /**
     * Every case under src/test/resources/errors, decided one by one. Shape errors (unknown key,
     * wrong type, value outside an enum, a range or a pattern) must fail the schema; what needs
     * the catalog or the allocator must not, or editors would flag what portplan accepts.
     */
    private static final Map<String, Expect> ERROR_CASES = new TreeMap<>(Map.ofEntries(
            accepted("address-clashes", "not a shape error: well-formed addresses; that two devices, a device and a"
                    + " public address, or a peer and a device share one takes the whole site"),
            accepted("control-in-key", "not a shape error: param names come from the catalog, so the schema leaves"
                    + " them open; portplan escapes the newline when it echoes the name"),
            notYaml("not-utf8", "not a shape error: not UTF-8 text, so not YAML"),
            notYaml("nul-byte", "not a shape error: a NUL byte is not allowed in YAML text"),
            rejected("one-pass", "shape: a platform outside the enum and a firewall without 'outside'; the models,"
                    + " params, pools and addresses of the other mistakes are the catalog's and the site's",
                    "$.firewalls.edge.platform", "$.firewalls.branch.interfaces"),
            accepted("reserved-addresses", "not a shape error: loopback, multicast and reserved addresses are"
                    + " well-formed; which ones may name a host is portplan's check"),
            rejected("bad-addresses", "shape: malformed addresses and a missing prefix length fail the address patterns"
                            + " (host bits set in a peer prefix is left to portplan)",
                    "$.devices.a.address", "$.devices.b.address", "$.firewalls.edge.interfaces.inside.address",
                    "$.firewalls.edge.interfaces.outside.address", "$.firewalls.edge.public-addresses[0]"),
            rejected("bad-ports-and-params", "shape: a port above 65535 and a count of 0 are out of range; which pools"
                            + " and params a model has, and their bounds, are the catalog's",
                    "$.devices.a.ports.sip", "$.devices.d.count"),
            notYaml("duplicate-keys", "not a shape error: duplicate keys are a YAML error, which the YAML parser (and"
                    + " yaml-language-server) reports before any schema applies"),
            rejected("empty-file", "shape: nothing where the site mapping must be", "$"),
            rejected("flows-and-features", "shape: a feature listed twice breaks uniqueItems; unknown features and flows,"
                    + " and which flows may be included or excluded, are the catalog's", "$.features"),
            accepted("infeasible", "not a shape error: well-formed; only allocation finds that 2000 phones do not fit"),
            notYaml("malformed-yaml", "not a shape error: not YAML at all"),
            rejected("not-a-mapping", "shape: a list where the site mapping must be", "$"),
            rejected("platform-and-names", "shape: platforms outside the enum, names outside the name pattern, an"
                            + " interface name over 15 characters, no 'outside' zone",
                    "$.site", "$.firewalls", "$.firewalls.edge.platform", "$.firewalls.-fw2.platform",
                    "$.firewalls.-fw2.interfaces", "$.firewalls.edge.interfaces.inside.name", "$.devices"),
            accepted("port-conflict", "not a shape error: well-formed; only allocation finds two devices pinned to"
                    + " overlapping ranges behind one address"),
            accepted("public-address-clash", "not a shape error: well-formed addresses; that two firewalls claim one"
                    + " takes the whole site"),
            notYaml("tab-indent", "not a shape error: not YAML (a tab in the indentation)"),
            rejected("unknown-keys", "shape: unknown keys, and the required keys they misspell",
                    "$", "$.firewalls.edge", "$.firewalls.edge.interfaces.outside", "$.devices.a", "$.devices.b"),
            accepted("unknown-model", "not a shape error: model and role ids come from the catalog, which --catalog"
                    + " replaces, so the schema leaves them open"),
            rejected("wrong-types", "shape: lists, scalars and mappings where another kind of value belongs",
                    "$.firewalls.edge.platform", "$.firewalls.edge.interfaces.inside", "$.firewalls.edge.public-addresses",
                    "$.devices.a.count", "$.devices.b", "$.devices.c.params", "$.devices.c.ports.sip", "$.peers",
                    "$.features")));

    @Test
    void isAValidDraft202012Schema() throws IOException {
        assertThat(SchemaSupport.metaSchemaErrors(SchemaSupport.schemaNode(SCHEMA))).isEmpty();
        // The meta-schema check is live: a misspelled type fails it.
        assertThat(SchemaSupport.metaSchemaErrors(SchemaSupport.json("{\"type\": \"objekt\"}"))).isNotEmpty();
    }

    private static List<Path> goodSites() throws IOException {
        List<Path> sites = new ArrayList<>();
        for (Path dir : List.of(Path.of("examples"), Path.of("src/test/resources/golden/cases"))) {
            try (Stream<Path> s = Files.list(TestSupport.repo().resolve(dir))) {
                s.sorted().forEach(d -> sites.add(dir.resolve(d.getFileName()).resolve("site.yaml")));
            }
        }
        return sites;
    }

    @TestFactory
    Stream<DynamicTest> everyExampleAndGoldenSiteValidates() throws IOException {
        JsonSchema schema = SchemaSupport.schema(SCHEMA);
        List<Path> sites = goodSites();
        assertThat(sites).hasSizeGreaterThanOrEqualTo(6);
        return sites.stream().map(site -> DynamicTest.dynamicTest(site.toString(), () ->
                assertThat(SchemaSupport.errors(schema, SchemaSupport.yaml(TestSupport.repo().resolve(site)))).isEmpty()));
    }

    @Test
    void everyExampleNamesTheSchemaOnItsFirstLine() throws IOException {
        try (Stream<Path> s = Files.list(TestSupport.repo().resolve("examples"))) {
            for (Path dir : s.sorted().toList()) {
                Path site = dir.resolve("site.yaml");
                assertThat(SchemaSupport.firstLine(site)).as(site.toString()).isEqualTo(MODELINE);
                assertThat(dir.resolve(MODELINE.substring(MODELINE.indexOf('=') + 1)).normalize())
                        .isEqualTo(SchemaSupport.file(SCHEMA).normalize());
            }
        }
    }

    @Test
    void everyErrorCaseIsDecided() throws IOException {
        try (Stream<Path> s = Files.list(TestSupport.repo().resolve(ERRORS))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .as("a new error case needs a line in ERROR_CASES: is it a shape error?")
                    .containsExactlyElementsOf(ERROR_CASES.keySet());
        }
    }

    @TestFactory
    Stream<DynamicTest> shapeErrorsFailTheSchemaAndOthersPassIt() throws IOException {
        JsonSchema schema = SchemaSupport.schema(SCHEMA);
        return ERROR_CASES.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey() + ": " + e.getValue().why(), () -> {
            Path site = TestSupport.repo().resolve(ERRORS).resolve(e.getKey()).resolve("site.yaml");
            switch (e.getValue().verdict()) {
                case NOT_YAML -> assertThatThrownBy(() -> SchemaSupport.yaml(site)).isInstanceOf(JsonProcessingException.class);
                case ACCEPTED -> assertThat(SchemaSupport.errors(schema, SchemaSupport.yaml(site))).isEmpty();
                case REJECTED -> assertThat(failingLocations(schema, SchemaSupport.yaml(site)))
                        .containsExactlyInAnyOrderElementsOf(e.getValue().at());
            }
        }));
    }

    @Test
    void namesExactlyTheKeysTheLoaderAccepts() throws Exception {
        SchemaSupport.assertKeySetsMatch(SiteLoader.class, Map.of(
                "", SiteLoader.SITE_KEYS,
                "/$defs/firewall", SiteLoader.FIREWALL_KEYS,
                "/$defs/interface", SiteLoader.INTERFACE_KEYS,
                "/$defs/device", SiteLoader.DEVICE_KEYS,
                "/$defs/peer", SiteLoader.PEER_KEYS), SCHEMA);
    }
}
