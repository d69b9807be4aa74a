package org.opendws.snapshot.contract.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.opendws.snapshot.contract.document.DocumentCheck.keys;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opendws.snapshot.contract.Pacts;
import org.opendws.snapshot.contract.document.DocumentCheck;
import org.opendws.snapshot.contract.provider.SnapshotServiceVerification;

/**
 * Drift 1: the server answers {@code {"snapshot":{"snapshot_id":...}}} instead of
 * {@code {"snapshot":{"id":...}}}. The real mock, behind a proxy that renames the field, goes
 * through the same provider verification as {@code SnapshotServiceProviderIT}: exactly the
 * interaction that creates a snapshot must fail, and the document must reject the answer.
 */
class ServerRenamesIdIT {
    /** Between Pact's verifier and the mock; {@link RenamingServerVerification} points it at its mock. */
    static TamperingProxy renaming;

    private static EngineExecutionResults results;

    @BeforeAll
    static void verifyTheDriftedServer() throws IOException {
        // only the create's answer, whose snapshot holds nothing but its id (a detail's has more)
        renaming = TamperingProxy.start(
                Set.of(),
                body -> body.replaceFirst(
                        "^\\{\"snapshot\":\\{\"id\":(\"[^\"]*\")}}$", "{\"snapshot\":{\"snapshot_id\":$1}}"));
        results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(RenamingServerVerification.class))
                .execute();
    }

    @AfterAll
    static void stopTheProxy() {
        renaming.close();
    }

    @Test
    void providerVerificationFailsTheCreatedInteractionAndOnlyIt() {
        List<Event> failed = results.testEvents().failed().list();
        assertThat(results.testEvents().started().count()).isEqualTo(Pacts.ALL.size());
        assertThat(failed).singleElement().satisfies(event -> {
            assertThat(event.getTestDescriptor().getDisplayName()).endsWith(" - " + Pacts.CREATED);
            assertThat(event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable))
                    .get()
                    .asString()
                    .contains("$.snapshot")
                    .contains("missing the following keys: id");
        });
    }

    @Test
    void theDocumentRejectsTheRenamedField() {
        TamperingProxy.Relayed created = renaming.relayed().stream()
                .filter(r -> r.responseBody().contains("\"snapshot_id\":"))
                .findFirst()
                .orElseThrow();
        assertThat(created.status()).isEqualTo(200);
        SimpleResponse.Builder response = new SimpleResponse.Builder(created.status()).withBody(created.responseBody());
        created.responseHeaders().forEach(response::withHeader);

        ValidationReport report = DocumentCheck.strictValidator(DocumentCheck.documentText())
                .validateResponse(created.path(), Request.Method.POST, response.build());

        assertThat(keys(report))
                .containsExactly(
                        "validation.response.body.schema.additionalProperties",
                        "validation.response.body.schema.required");
        assertThat(report.getMessages())
                .extracting(ValidationReport.Message::getMessage)
                .anySatisfy(message -> assertThat(message).contains("required").contains("[\"id\"]"));
    }

    /**
     * The provider verification, with the requests going through the renaming proxy; run by the
     * tests above only (its name is not one failsafe runs). The signature covers the mock's
     * {@code Host}, which is where the proxy forwards to.
     */
    static class RenamingServerVerification extends SnapshotServiceVerification {
        @BeforeAll
        void pointTheProxyAtTheMock() {
            renaming.forwardTo(mock.baseUrl());
        }

        @Override
        protected int targetPort() {
            return renaming.port();
        }

        @Override
        protected String signedAuthority(URI requestUri) {
            return URI.create(mock.baseUrl()).getAuthority();
        }
    }
}
