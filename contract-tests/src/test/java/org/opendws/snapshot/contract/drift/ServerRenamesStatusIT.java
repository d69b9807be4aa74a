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
 * Drift 4, of a new operation: the server's snapshot detail (listSnapshotDetails) answers
 * {@code "state"} where the document says {@code "status"}, the field a waiter polls. The real
 * mock, behind a proxy that renames the field in detail answers only, goes through the same
 * provider verification as {@code SnapshotServiceProviderIT}: exactly the four detail
 * interactions with a snapshot in the answer fail, naming the field, and the document rejects the
 * relayed answer.
 */
class ServerRenamesStatusIT {
    /** The detail interactions that answer a snapshot. */
    private static final List<String> DETAILS =
            List.of(Pacts.DETAIL_AVAILABLE, Pacts.DETAIL_CREATING, Pacts.DETAIL_UNAVAILABLE, Pacts.DETAIL_AUTOMATED);

    static TamperingProxy renaming;
    private static EngineExecutionResults results;

    @BeforeAll
    static void verifyTheDriftedServer() throws IOException {
        // a detail's answer is the one that starts with {"snapshot":{ and has a status
        renaming = TamperingProxy.start(
                Set.of(),
                body -> body.startsWith("{\"snapshot\":{") ? body.replace("\"status\":", "\"state\":") : body);
        results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(RenamingServerVerification.class))
                .execute();
    }

    @AfterAll
    static void stopTheProxy() {
        renaming.close();
    }

    @Test
    void providerVerificationFailsTheDetailInteractionsAndOnlyThem() {
        List<Event> failed = results.testEvents().failed().list();

        assertThat(results.testEvents().started().count()).isEqualTo(Pacts.ALL.size());
        assertThat(failed)
                .extracting(event -> event.getTestDescriptor().getDisplayName())
                .hasSize(DETAILS.size())
                .allSatisfy(name ->
                        assertThat(DETAILS).anySatisfy(d -> assertThat(name).endsWith(" - " + d)));
        assertThat(failed)
                .allSatisfy(event -> assertThat(
                                event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable))
                        .get()
                        .asString()
                        .contains("$.snapshot")
                        .contains("status"));
    }

    @Test
    void theDocumentRejectsTheRenamedField() {
        TamperingProxy.Relayed detail = renaming.relayed().stream()
                .filter(r -> r.responseBody().contains("\"state\":"))
                .findFirst()
                .orElseThrow();
        SimpleResponse.Builder response = new SimpleResponse.Builder(detail.status()).withBody(detail.responseBody());
        detail.responseHeaders().forEach(response::withHeader);

        ValidationReport report = DocumentCheck.strictValidator(DocumentCheck.documentText())
                .validateResponse(detail.path(), Request.Method.GET, response.build());

        assertThat(keys(report)).contains("validation.response.body.schema.required");
        assertThat(report.getMessages())
                .extracting(ValidationReport.Message::getMessage)
                .anySatisfy(message -> assertThat(message).contains("[\"status\"]"));
    }

    /** The provider verification through the renaming proxy; run by the tests above only. */
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
