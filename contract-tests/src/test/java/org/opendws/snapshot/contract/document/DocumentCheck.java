package org.opendws.snapshot.contract.document;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.pact.PactProviderValidationResults;
import com.atlassian.oai.validator.pact.PactProviderValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.util.OpenApiLoader;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opendws.snapshot.contract.Pacts;
import org.opendws.snapshot.mock.hardening.SpecOracle;

/**
 * Checks pact interactions against the OpenAPI document with Atlassian's
 * swagger-request-validator, with no leniency: every finding is an error. Neither the library's
 * Pact defaults ({@code PactLevelResolverFactory} turns a missing response body and missing
 * required response fields into mere INFO) nor any {@code swagger-validator.properties},
 * {@code .swagger-validator} file or {@code swagger.*} system property can soften it.
 */
public final class DocumentCheck {
    /** The document as the api-spec artifact packages it. */
    public static final String DOCUMENT = "openapi/dws-snapshot.yaml";

    /** Every validation message at ERROR, whatever the environment configures. */
    public static final LevelResolver STRICT = SpecOracle.STRICT_LEVELS;

    private DocumentCheck() {}

    /** The packaged document's text, read from the classpath (the api-spec jar). */
    public static String documentText() {
        try (InputStream in = DocumentCheck.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(
                        DOCUMENT + " is not on the classpath: is dws-snapshot-api-spec a dependency?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A strict validator for a document's text. The document is loaded as the library loads it,
     * with one change: the library checks only an operation's own {@code security}, while OpenAPI
     * applies the top-level one to every operation that has none (as ours), so it is copied down;
     * otherwise a request without any credentials would conform.
     */
    public static OpenApiInteractionValidator strictValidator(String documentText) {
        ParseOptions options = new ParseOptions(); // the library's own defaults
        options.setResolve(true);
        options.setResolveFully(true);
        options.setResolveCombinators(false);
        OpenAPI api = new OpenApiLoader()
                .loadApi(OpenApiInteractionValidator.SpecSource.inline(documentText), List.of(), options);
        api.getPaths()
                .values()
                .forEach(path -> path.readOperations().forEach(operation -> {
                    if (operation.getSecurity() == null) {
                        operation.setSecurity(api.getSecurity());
                    }
                }));
        return OpenApiInteractionValidator.createFor(api)
                .withLevelResolver(STRICT)
                .build();
    }

    /** Validates request and response of every interaction of the pact file; by description, sorted. */
    public static Map<String, ValidationReport> validatePactFile(OpenApiInteractionValidator validator) {
        PactProviderValidationResults results = PactProviderValidator.createFor(validator)
                .withConsumer(Pacts.CONSUMER, Pacts.file().toString())
                .build()
                .validate();
        return new TreeMap<>(results.getConsumerResult(Pacts.CONSUMER)
                .orElseThrow(() -> new AssertionError("no validation result for " + Pacts.CONSUMER))
                .getInteractionResults());
    }

    /** The keys of a report's messages (e.g. {@code validation.request.body.missing}). */
    public static List<String> keys(ValidationReport report) {
        return report.getMessages().stream()
                .map(ValidationReport.Message::getKey)
                .sorted()
                .toList();
    }
}
