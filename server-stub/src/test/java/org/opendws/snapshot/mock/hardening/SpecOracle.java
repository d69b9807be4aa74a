package org.opendws.snapshot.mock.hardening;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelLoader;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.LevelResolverFactory;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opendws.snapshot.mock.World;

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
    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createForInlineApiSpecification(document())
                    .withLevelResolver(LevelResolverFactory.withAdditionalPropertiesIgnored())
                    .build();

    /**
     * Every validation message at ERROR, whatever a {@code swagger-validator.properties} or system
     * property would soften (contract-tests' document check uses it too).
     */
    public static final LevelResolver STRICT_LEVELS = LevelResolver.create()
            .withLoader(new LevelLoader() {
                @Override
                public Map<String, ValidationReport.Level> loadLevels() {
                    return Map.of();
                }

                @Override
                public Optional<ValidationReport.Level> defaultLevel() {
                    return Optional.empty();
                }
            })
            .withDefaultLevel(ValidationReport.Level.ERROR)
            .build();
    /** The same document judging answers with no leniency. */
    private static final OpenApiInteractionValidator STRICT =
            OpenApiInteractionValidator.createForInlineApiSpecification(document())
                    .withLevelResolver(STRICT_LEVELS)
                    .build();
    /**
     * The document's paths as the server matches them: case-sensitive (the validator matches
     * {@code /V1.0/...} too, a path the server has not), each variable one segment that is not a
     * dot segment (which the server removes before matching, {@code %2e} decoded).
     */
    private static final List<java.util.regex.Pattern> OPERATION_PATHS = operationPaths();
    /** What the validator says of a method and path the document has no operation for. */
    private static final Set<String> NOT_AN_OPERATION =
            Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

    private SpecOracle() {}

    /**
     * The document's findings on an answer (status, headers, body) to {@code method} on
     * {@code target}; empty also when the document has no operation for them (a path that is no
     * API, a method it lacks), whose answers only the error contract judges.
     */
    static List<String> findingsOnAnswer(String method, String target, RawConnection.Answer answer) {
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        if (OPERATION_PATHS.stream().noneMatch(p -> p.matcher(path).matches())) {
            return List.of();
        }
        SimpleResponse.Builder response =
                SimpleResponse.Builder.status(answer.status()).withBody(answer.text());
        answer.headers().forEach((name, values) -> response.withHeader(name, values));
        ValidationReport report;
        try {
            report = STRICT.validateResponse(path, Request.Method.valueOf(method), response.build());
        } catch (IllegalArgumentException notAMethodOfOpenApi) {
            return List.of();
        }
        List<String> findings = report.getMessages().stream()
                .map(m -> m.getKey() + ": " + m.getMessage())
                .toList();
        return report.getMessages().stream().anyMatch(m -> NOT_AN_OPERATION.contains(m.getKey()))
                ? List.of()
                : findings;
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

    @SuppressWarnings("unchecked")
    private static List<java.util.regex.Pattern> operationPaths() {
        Map<String, Object> root = new org.yaml.snakeyaml.Yaml().load(document());
        List<java.util.regex.Pattern> patterns = new java.util.ArrayList<>();
        for (String template : ((Map<String, Object>) root.get("paths")).keySet()) {
            StringBuilder regex = new StringBuilder();
            for (String part : template.split("(?=\\{)|(?<=})")) {
                regex.append(
                        part.startsWith("{")
                                ? "(?!(?:\\.|%2[eE]){1,2}(?:/|$))[^/]+"
                                : java.util.regex.Pattern.quote(part));
            }
            patterns.add(java.util.regex.Pattern.compile(regex.toString()));
        }
        return List.copyOf(patterns);
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
