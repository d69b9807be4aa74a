package org.opendws.snapshot.contract.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendws.snapshot.contract.document.DocumentCheck.keys;

import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.pact.PactLevelResolverFactory;
import com.atlassian.oai.validator.pact.PactRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.contract.Pacts;

/**
 * The document check: every interaction of the pact file, request and response, against the
 * packaged {@code openapi/dws-snapshot.yaml}, every finding an error.
 */
class PactConformsToTheDocumentIT {
    /**
     * Some requests break the document on purpose, to get the documented 400s: the document must
     * reject them for exactly that reason and no other.
     */
    /** {@code snap-1} as a snapshot id: too short, not the pattern, not a UUID (sorted keys). */
    private static final List<String> NOT_A_UUID = List.of(
            "validation.request.parameter.schema.format.uuid",
            "validation.request.parameter.schema.minLength",
            "validation.request.parameter.schema.pattern");

    private static final Map<String, List<String>> DELIBERATE_VIOLATIONS = Map.of(
            Pacts.INVALID_NAME, List.of("validation.request.body.schema.pattern"),
            Pacts.EMPTY_BODY, List.of("validation.request.body.missing"),
            Pacts.LIST_INVALID_PROJECT, List.of("validation.request.parameter.schema.pattern"),
            Pacts.PAGE_INVALID_LIMIT, List.of("validation.request.parameter.schema.minimum"),
            Pacts.DETAIL_INVALID_ID, NOT_A_UUID,
            Pacts.DELETE_INVALID_ID, NOT_A_UUID);

    private final String document = DocumentCheck.documentText();

    @Test
    void holdsOneInteractionPerDocumentedOutcomeEachWithAProviderState() {
        V4Pact pact = Pacts.load();
        List<V4Interaction.SynchronousHttp> interactions = pact.getInteractions().stream()
                .map(i -> (V4Interaction.SynchronousHttp) i)
                .toList();

        assertThat(interactions)
                .extracting(V4Interaction.SynchronousHttp::getDescription)
                .containsExactlyInAnyOrderElementsOf(Pacts.ALL);
        assertThat(interactions)
                .allSatisfy(i ->
                        assertThat(i.getProviderStates()).as(i.getDescription()).isNotEmpty());
        // every operation of the document, each with exactly its documented statuses
        SoftAssertions softly = new SoftAssertions();
        new OpenAPIV3Parser()
                .readContents(document, null, null)
                .getOpenAPI()
                .getPaths()
                .forEach((template, path) -> path.readOperationsMap().forEach((method, operation) -> {
                    Pattern uri = Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+"));
                    Set<String> statuses = interactions.stream()
                            .filter(i -> i.getRequest().getMethod().equalsIgnoreCase(method.name())
                                    && uri.matcher(i.getRequest().getPath()).matches())
                            .map(i -> String.valueOf(i.getResponse().getStatus()))
                            .collect(Collectors.toCollection(TreeSet::new));
                    softly.assertThat(statuses)
                            .as(operation.getOperationId())
                            .isEqualTo(new TreeSet<>(operation.getResponses().keySet()));
                }));
        softly.assertAll();
    }

    @Test
    void everyRequestAndResponseConformsToTheDocument() {
        Map<String, ValidationReport> reports = DocumentCheck.validatePactFile(DocumentCheck.strictValidator(document));

        assertThat(reports.keySet()).containsExactlyInAnyOrderElementsOf(Pacts.ALL);
        SoftAssertions softly = new SoftAssertions();
        reports.forEach((description, report) -> softly.assertThat(keys(report))
                .as("findings of '%s':%n%s", description, report.getMessages())
                .isEqualTo(DELIBERATE_VIOLATIONS.getOrDefault(description, List.of())));
        softly.assertAll();
    }

    @Test
    void theDocumentsSecurityIsChecked() {
        V4Interaction.SynchronousHttp created = Pacts.interaction(Pacts.load(), Pacts.CREATED);
        created.getRequest().getHeaders().remove("Authorization");

        ValidationReport report =
                DocumentCheck.strictValidator(document).validateRequest(PactRequest.of(created.getRequest()));

        assertThat(keys(report)).containsExactly("validation.request.security.missing");
    }

    @Test
    void aMissingResponseBodyIsAnErrorNotTheLibrarysPactDefaultOfANote() {
        V4Interaction.SynchronousHttp created = Pacts.interaction(Pacts.load(), Pacts.CREATED);
        SimpleResponse withoutBody = SimpleResponse.Builder.ok()
                .withHeader("X-Request-Id", "0b8f6c4e2f1a4c8f9d3e7a6b5c4d3e2f")
                .build();
        OpenApiInteractionValidator pactDefaults = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(PactLevelResolverFactory.create())
                .build();

        ValidationReport strict =
                DocumentCheck.strictValidator(document).validate(PactRequest.of(created.getRequest()), withoutBody);
        ValidationReport lenient = pactDefaults.validate(PactRequest.of(created.getRequest()), withoutBody);

        assertThat(keys(strict)).containsExactly("validation.response.body.missing");
        assertThat(strict.hasErrors()).isTrue();
        assertThat(lenient.hasErrors())
                .as("the library's Pact defaults let a missing body through")
                .isFalse();
    }
}
