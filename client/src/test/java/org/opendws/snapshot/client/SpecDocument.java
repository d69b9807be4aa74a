package org.opendws.snapshot.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * The OpenAPI document as packaged in the api-spec artifact ({@code openapi/dws-snapshot.yaml} on
 * the test classpath), read independently of the generator, so tests can compare what the client
 * does with what the document says.
 */
final class SpecDocument {
    static final JsonNode ROOT = read();

    private SpecDocument() {}

    static JsonNode schema(String name) {
        return ROOT.path("components").path("schemas").path(name);
    }

    static JsonNode snapshotProperty(String property) {
        return schema("Snapshot").path("properties").path(property);
    }

    static JsonNode projectIdSchema() {
        return ROOT.path("components").path("parameters").path("ProjectId").path("schema");
    }

    static JsonNode createSnapshotOperation() {
        return ROOT.path("paths").path("/v1.0/{project_id}/snapshots").path("post");
    }

    /** The value of the first example the document gives for a response status of createSnapshot. */
    static JsonNode responseExample(int status) {
        JsonNode examples = createSnapshotOperation()
                .path("responses")
                .path(String.valueOf(status))
                .path("content")
                .path("application/json")
                .path("examples");
        return resolve(examples.elements().next()).path("value");
    }

    /** The operation with this {@code operationId}. */
    static JsonNode operation(String operationId) {
        for (JsonNode path : ROOT.path("paths")) {
            for (JsonNode operation : path) {
                if (operationId.equals(operation.path("operationId").asText())) {
                    return operation;
                }
            }
        }
        throw new IllegalArgumentException("no operation " + operationId + " in the document");
    }

    /** The response of an operation for a status, its {@code $ref} resolved. */
    static JsonNode response(String operationId, String status) {
        return resolve(operation(operationId).path("responses").path(status));
    }

    /** The values of every example the document gives for a response of an operation, by example name. */
    static java.util.Map<String, JsonNode> responseExamples(String operationId, String status) {
        java.util.Map<String, JsonNode> values = new java.util.LinkedHashMap<>();
        response(operationId, status)
                .path("content")
                .path("application/json")
                .path("examples")
                .fields()
                .forEachRemaining(example ->
                        values.put(example.getKey(), resolve(example.getValue()).path("value")));
        return values;
    }

    /** The value of the request example of createSnapshot. */
    static JsonNode requestExample() {
        JsonNode examples = createSnapshotOperation()
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("examples");
        return resolve(examples.elements().next()).path("value");
    }

    /** The node a {@code $ref} points to, or the node itself. */
    static JsonNode resolve(JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        JsonNode target = ROOT;
        for (String part : node.get("$ref").asText().substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }

    /** Whether a string value satisfies a string schema's pattern, minLength and maxLength (in code points). */
    static boolean accepts(JsonNode stringSchema, String value) {
        int length = value.codePointCount(0, value.length());
        if (stringSchema.has("minLength")
                && length < stringSchema.get("minLength").asInt()) {
            return false;
        }
        if (stringSchema.has("maxLength")
                && length > stringSchema.get("maxLength").asInt()) {
            return false;
        }
        if (!stringSchema.has("pattern")) {
            return true;
        }
        // ECMA-262 semantics, as the document means: a final $ matches only at the very end
        // (in Java it would also match before a final line break)
        String pattern = stringSchema.get("pattern").asText().replaceAll("\\$$", "\\\\z");
        return Pattern.compile(pattern).matcher(value).find();
    }

    private static JsonNode read() {
        try (InputStream in = SpecDocument.class.getClassLoader().getResourceAsStream("openapi/dws-snapshot.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi/dws-snapshot.yaml is not on the test classpath");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
