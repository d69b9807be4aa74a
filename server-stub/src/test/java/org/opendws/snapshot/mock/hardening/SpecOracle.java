package org.opendws.snapshot.mock.hardening;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolverFactory;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.opendws.snapshot.mock.world.World;

/**
 * The spec as an independent judge: the api-spec artifact's document itself, read by
 * swagger-request-validator, whose JSON-schema validation (java-json-tools, regular expressions
 * with ECMA-262 semantics through Rhino) shares no code with the client or the mock.
 */
public final class SpecOracle {
    /**
     * Additional properties are allowed, as JSON Schema and the spec (which never says
     * {@code additionalProperties: false}) have it; the validator forbids them unless told.
     */
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(document())
            .withLevelResolver(LevelResolverFactory.withAdditionalPropertiesIgnored())
            .build();

    private SpecOracle() {
    }

    /**
     * The spec's verdict on a create request.
     *
     * @param encodedProjectId the project id as it appears in the path (percent-encoded)
     * @param json             the body
     */
    public static ValidationReport validateCreate(String encodedProjectId, String json) {
        SimpleRequest request = SimpleRequest.Builder.post("/v1.0/" + encodedProjectId + "/snapshots")
                .withContentType("application/json")
                .withHeader("X-Auth-Token", World.DEFAULT_TOKEN)
                .withBody(json)
                .build();
        return VALIDATOR.validateRequest(request);
    }

    /** The document, from the api-spec artifact on the classpath. */
    static String document() {
        try (InputStream in = SpecOracle.class.getClassLoader().getResourceAsStream("openapi/dws-snapshot.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
