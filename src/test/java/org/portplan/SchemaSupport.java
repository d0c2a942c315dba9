package org.portplan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The JSON Schemas under {@code schema/}, checked with a standard validator (networknt,
 * draft 2020-12) against YAML read by Jackson, as an editor's YAML language server would.
 */
public final class SchemaSupport {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final ObjectMapper JSON = new ObjectMapper();
    // Duplicate keys are a YAML error for editors too; without this Jackson keeps the last one.
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private SchemaSupport() {
    }

    public static Path file(String name) {
        return TestSupport.repo().resolve("schema").resolve(name);
    }

    public static JsonNode schemaNode(String name) throws IOException {
        return JSON.readTree(file(name).toFile());
    }

    public static JsonSchema schema(String name) throws IOException {
        return FACTORY.getSchema(schemaNode(name));
    }

    /** Problems of a schema against the draft 2020-12 meta-schema (bundled with the validator). */
    public static List<String> metaSchemaErrors(JsonNode schema) {
        JsonSchema meta = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        return messages(meta.validate(schema));
    }

    public static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    /** A YAML file as a JSON tree; an empty file is null, as for a YAML language server. */
    public static JsonNode yaml(Path file) throws IOException {
        JsonNode n = YAML.readTree(file.toFile());
        return n == null || n.isMissingNode() ? NullNode.getInstance() : n;
    }

    public static List<String> errors(JsonSchema schema, JsonNode document) {
        return messages(schema.validate(document));
    }

    /** Where the document fails, as instance locations ("$.firewalls.edge.platform"). */
    public static Set<String> failingLocations(JsonSchema schema, JsonNode document) {
        Set<String> out = new TreeSet<>();
        for (ValidationMessage m : schema.validate(document)) {
            out.add(m.getInstanceLocation().toString());
        }
        return out;
    }

    private static List<String> messages(Set<ValidationMessage> ms) {
        List<String> out = new ArrayList<>();
        for (ValidationMessage m : ms) {
            out.add(m.getMessage());
        }
        out.sort(null);
        return out;
    }

    /** JSON pointers of every object schema that lists its properties. */
    public static Set<String> objectSchemas(JsonNode schema) {
        Set<String> out = new TreeSet<>();
        collect(schema, "", out);
        return out;
    }

    private static void collect(JsonNode n, String pointer, Set<String> out) {
        if (n.isObject()) {
            if (n.has("properties") && n.get("properties").isObject()) {
                out.add(pointer);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                // Inside "properties" the keys are property names, not keywords: still walk into them.
                collect(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                collect(n.get(i), pointer + "/" + i, out);
            }
        }
    }

    /**
     * The keys a loader accepts are exactly the properties the schema lists, both ways: every
     * {@code *_KEYS} set of {@code loader} is mapped to a schema object, every schema object with
     * properties is mapped to a key set, and each pair names the same keys.
     */
    public static void assertKeySetsMatch(Class<?> loader, Map<String, Set<String>> byPointer, String schemaName)
            throws IOException, IllegalAccessException {
        JsonNode schema = schemaNode(schemaName);
        for (Field f : loader.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getName().endsWith("_KEYS") && Set.class.isAssignableFrom(f.getType())) {
                f.setAccessible(true);
                Object keys = f.get(null);
                assertThat(byPointer.values().stream().anyMatch(v -> v == keys))
                        .as("%s.%s is a key set the test does not map to a part of %s; map it to the schema object"
                                + " that describes the same YAML mapping", loader.getSimpleName(), f.getName(), schemaName)
                        .isTrue();
            }
        }
        assertThat(byPointer.keySet()).as("object schemas in %s that the test maps to a loader key set", schemaName)
                .containsExactlyInAnyOrderElementsOf(objectSchemas(schema));
        List<String> drift = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : new TreeMap<>(byPointer).entrySet()) {
            JsonNode props = schema.at(e.getKey() + "/properties");
            Set<String> inSchema = new TreeSet<>();
            props.fieldNames().forEachRemaining(inSchema::add);
            Set<String> onlyLoader = new TreeSet<>(e.getValue());
            onlyLoader.removeAll(inSchema);
            Set<String> onlySchema = new TreeSet<>(inSchema);
            onlySchema.removeAll(e.getValue());
            if (!onlyLoader.isEmpty()) {
                drift.add(loader.getSimpleName() + " accepts " + onlyLoader + " but " + schemaName + "#" + e.getKey()
                        + "/properties does not list them");
            }
            if (!onlySchema.isEmpty()) {
                drift.add(schemaName + "#" + e.getKey() + "/properties lists " + onlySchema + " but "
                        + loader.getSimpleName() + " does not accept them");
            }
        }
        assertThat(drift).as("the schema and the loader disagree").isEmpty();
    }

    /** The first line of a file. */
    public static String firstLine(Path file) throws IOException {
        return Files.readAllLines(file).get(0);
    }
}
