package org.opendws.snapshot.mock.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The spec's examples and schemas, read by the tests themselves from the api-spec artifact's
 * resource (not through the server's code), to compare answers with.
 */
public final class SpecExamples {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> SPEC = load();

    private SpecExamples() {}

    /** The parsed document. */
    public static Map<String, Object> spec() {
        return SPEC;
    }

    /** The first example of a status's body, its request_id set to {@code requestId}. */
    @SuppressWarnings("unchecked")
    public static JsonNode example(int status, String requestId) {
        return example(status, null, requestId);
    }

    /** The named (or first) example of a status's body, its request_id set to {@code requestId}. */
    @SuppressWarnings("unchecked")
    public static JsonNode example(int status, String name, String requestId) {
        Map<String, Object> responses =
                (Map<String, Object>) get(SPEC, "paths", "/v1.0/{project_id}/snapshots", "post", "responses");
        Map<String, Object> examples = (Map<String, Object>) get(
                (Map<String, Object>) responses.get(String.valueOf(status)), "content", "application/json", "examples");
        Map<String, Object> example = (Map<String, Object>)
                (name == null ? examples.values().iterator().next() : examples.get(name));
        String ref = (String) example.get("$ref");
        String exampleName = ref.substring(ref.lastIndexOf('/') + 1);
        Object value = get(SPEC, "components", "examples", exampleName, "value");
        JsonNode node = JSON.valueToTree(value);
        if (node instanceof ObjectNode object && object.has("request_id")) {
            object.put("request_id", requestId);
        }
        return node;
    }

    /** Walks nested maps. */
    @SuppressWarnings("unchecked")
    public static Object get(Map<String, Object> node, String... keys) {
        Object current = node;
        for (String key : keys) {
            current = ((Map<String, Object>) current).get(key);
        }
        return current;
    }

    private static Map<String, Object> load() {
        try (InputStream in = SpecExamples.class.getClassLoader().getResourceAsStream("openapi/dws-snapshot.yaml")) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
