package org.portplan.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.portplan.SchemaSupport;
import org.portplan.TestSupport;

/**
 * {@code schema/catalog.schema.json}: a valid draft 2020-12 schema that every shipped catalog
 * file satisfies and names on its first line, that finds the shape errors of the broken test
 * catalog, and that names exactly the keys {@link CatalogLoader} accepts.
 */
class CatalogSchemaTest {

    private static final String SCHEMA = "catalog.schema.json";
    private static final String MODELINE = "# yaml-language-server: $schema=../schema/catalog.schema.json";

    @Test
    void isAValidDraft202012Schema() throws IOException {
        assertThat(SchemaSupport.metaSchemaErrors(SchemaSupport.schemaNode(SCHEMA))).isEmpty();
    }

    private static List<Path> shipped() throws IOException {
        try (Stream<Path> s = Files.list(TestSupport.repo().resolve("catalog"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyShippedCatalogFileValidatesAndNamesTheSchema() throws IOException {
        JsonSchema schema = SchemaSupport.schema(SCHEMA);
        List<Path> files = shipped();
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            assertThat(SchemaSupport.firstLine(f)).isEqualTo(MODELINE);
            assertThat(SchemaSupport.errors(schema, SchemaSupport.yaml(f))).isEmpty();
        }));
    }

    @Test
    void theBrokenCatalogFailsWhereItsShapeIsWrong() throws IOException {
        // Its other errors (an unknown document, a default outside bounds, unknown roles and
        // pools) need the whole catalog, so they are portplan's to find, not the schema's.
        JsonSchema schema = SchemaSupport.schema(SCHEMA);
        Path broken = TestSupport.repo().resolve("src/test/resources/catalogs/broken/bad.yaml");
        assertThat(SchemaSupport.failingLocations(schema, SchemaSupport.yaml(broken)))
                .containsExactlyInAnyOrder("$.models.phone.pools.rtp.protocol", "$.models.phone.pools.rtp.port");
    }

    @Test
    void namesExactlyTheKeysTheLoaderAccepts() throws Exception {
        SchemaSupport.assertKeySetsMatch(CatalogLoader.class, Map.ofEntries(
                Map.entry("", CatalogLoader.FILE_KEYS),
                Map.entry("/$defs/sipAlg", CatalogLoader.SIP_ALG_KEYS),
                Map.entry("/$defs/document", CatalogLoader.DOCUMENT_KEYS),
                Map.entry("/$defs/role", CatalogLoader.ROLE_KEYS),
                Map.entry("/$defs/feature", CatalogLoader.FEATURE_KEYS),
                Map.entry("/$defs/model", CatalogLoader.MODEL_KEYS),
                Map.entry("/$defs/param", CatalogLoader.PARAM_KEYS),
                Map.entry("/$defs/pool", CatalogLoader.POOL_KEYS),
                Map.entry("/$defs/window", CatalogLoader.WINDOW_KEYS),
                Map.entry("/$defs/setting", CatalogLoader.SETTING_KEYS),
                Map.entry("/$defs/instruction", CatalogLoader.INSTRUCTION_KEYS),
                Map.entry("/$defs/flow", CatalogLoader.FLOW_KEYS),
                Map.entry("/$defs/citation", CatalogLoader.CITATION_KEYS)), SCHEMA);
    }
}
