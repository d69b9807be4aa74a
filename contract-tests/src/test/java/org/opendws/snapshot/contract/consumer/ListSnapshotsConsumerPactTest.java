package org.opendws.snapshot.contract.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.ALLOWED_KEY;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.CLUSTER;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.EXAMPLE_REQUEST_ID;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.EXAMPLE_SNAPSHOT_ID;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.OTHER_PROJECTS_KEY;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.PROJECT;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.SNAPSHOT_NAME;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.allowedKey;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.assertServiceError;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.notAllowedKey;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.respond;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.signed;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.snapshot;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.withSnapshot;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.client.DwsSnapshotClient;
import org.opendws.snapshot.client.SnapshotList;
import org.opendws.snapshot.client.SnapshotStatus;
import org.opendws.snapshot.client.SnapshotType;
import org.opendws.snapshot.client.error.BadRequestException;
import org.opendws.snapshot.client.error.ForbiddenException;
import org.opendws.snapshot.client.error.InternalServerErrorException;
import org.opendws.snapshot.client.error.ServiceUnavailableException;
import org.opendws.snapshot.client.error.UnauthorizedException;
import org.opendws.snapshot.client.retry.RetryPolicy;
import org.opendws.snapshot.contract.Pacts;
import org.opendws.snapshot.contract.ProviderStates;

/** listSnapshots, GET /v1.0/{project_id}/snapshots: the client against Pact's mock server. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Pacts.PROVIDER, pactVersion = PactSpecVersion.V4)
public class ListSnapshotsConsumerPactTest {
    static final String PATH = "/v1.0/" + PROJECT + "/snapshots";
    /** A project id that breaks its rule (upper case), which the access key is allowed on all the same. */
    static final String INVALID_PROJECT = PROJECT.toUpperCase(Locale.ROOT);

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact listed(PactDslWithProvider provider) {
        PactDslJsonBody body = new PactDslJsonBody();
        snapshot(body.minArrayLike("snapshots", 1, 1), SNAPSHOT_NAME, "AVAILABLE", "MANUAL")
                .closeObject()
                .closeArray();
        body.integerType("count", 1);
        return respond(
                signed(
                        withSnapshot(allowedKey(provider), "AVAILABLE", "MANUAL")
                                .uponReceiving(Pacts.LISTED),
                        "GET",
                        PATH,
                        ALLOWED_KEY),
                200,
                body);
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact invalidProject(PactDslWithProvider provider) {
        return respond(
                signed(
                        provider.given(
                                        ProviderStates.ACCESS_KEY_ALLOWED,
                                        Map.of(
                                                ProviderStates.ACCESS_KEY,
                                                ALLOWED_KEY,
                                                ProviderStates.PROJECT_ID,
                                                INVALID_PROJECT))
                                .uponReceiving(Pacts.LIST_INVALID_PROJECT),
                        "GET",
                        "/v1.0/" + INVALID_PROJECT + "/snapshots",
                        ALLOWED_KEY,
                        INVALID_PROJECT),
                400,
                ConsumerPacts.error(
                        "DWS.0001", "project_id: must match ^[0-9a-f]{32}$ (rejected value: " + INVALID_PROJECT + ")"));
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact badSignature(PactDslWithProvider provider) {
        return respond(
                signed(
                        allowedKey(provider)
                                .given(ProviderStates.SIGNED_WITH_ANOTHER_SECRET_KEY)
                                .uponReceiving(Pacts.LIST_BAD_SIGNATURE),
                        "GET",
                        PATH,
                        ALLOWED_KEY),
                401,
                ConsumerPacts.badSignature());
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact projectNotAllowed(PactDslWithProvider provider) {
        return respond(
                signed(
                        notAllowedKey(provider).uponReceiving(Pacts.LIST_PROJECT_NOT_ALLOWED),
                        "GET",
                        PATH,
                        OTHER_PROJECTS_KEY),
                403,
                ConsumerPacts.notAllowed());
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact internalError(PactDslWithProvider provider) {
        return respond(
                signed(
                        allowedKey(provider).given(ProviderStates.FAILING).uponReceiving(Pacts.LIST_INTERNAL_ERROR),
                        "GET",
                        PATH,
                        ALLOWED_KEY),
                500,
                ConsumerPacts.internalError());
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact unavailable(PactDslWithProvider provider) {
        return respond(
                signed(
                        allowedKey(provider).given(ProviderStates.UNAVAILABLE).uponReceiving(Pacts.LIST_UNAVAILABLE),
                        "GET",
                        PATH,
                        ALLOWED_KEY),
                503,
                ConsumerPacts.serviceUnavailable());
    }

    @Test
    @PactTestFor(pactMethod = "listed")
    void listsTheSnapshots(MockServer server) {
        try (DwsSnapshotClient client = CreateSnapshotConsumerPactTest.client(server, ALLOWED_KEY, true)) {
            SnapshotList list = client.listSnapshots();

            assertThat(list.count()).isEqualTo(1);
            assertThat(list.requestId()).isEqualTo(EXAMPLE_REQUEST_ID);
            assertThat(list.snapshots()).singleElement().satisfies(s -> {
                assertThat(s.id()).isEqualTo(EXAMPLE_SNAPSHOT_ID);
                assertThat(s.name()).isEqualTo(SNAPSHOT_NAME);
                assertThat(s.status()).isEqualTo(SnapshotStatus.AVAILABLE);
                assertThat(s.type()).isEqualTo(SnapshotType.MANUAL);
                assertThat(s.clusterId()).isEqualTo(CLUSTER);
                assertThat(s.finished()).isAfter(s.started());
            });
        }
    }

    @Test
    @PactTestFor(pactMethod = "invalidProject")
    void throwsBadRequestForAProjectIdThatBreaksItsRule(MockServer server) {
        // validation off: the client would refuse the project id itself; here the service must
        try (DwsSnapshotClient client = DwsSnapshotClient.builder()
                .endpoint(server.getUrl())
                .credentials(Credentials.akSk(ALLOWED_KEY, CreateSnapshotConsumerPactTest.CONSUMER_SECRET_KEY))
                .projectId(INVALID_PROJECT)
                .retryPolicy(RetryPolicy.none())
                .validation(false)
                .build()) {
            assertServiceError(client::listSnapshots, BadRequestException.class, 400, "DWS.0001");
        }
    }

    @Test
    @PactTestFor(pactMethod = "badSignature")
    void throwsUnauthorizedForABadSignature(MockServer server) {
        try (DwsSnapshotClient client = CreateSnapshotConsumerPactTest.client(server, ALLOWED_KEY, true)) {
            assertServiceError(client::listSnapshots, UnauthorizedException.class, 401, "APIGW.0301");
        }
    }

    @Test
    @PactTestFor(pactMethod = "projectNotAllowed")
    void throwsForbiddenForAProjectTheKeyMayNotUse(MockServer server) {
        try (DwsSnapshotClient client = CreateSnapshotConsumerPactTest.client(server, OTHER_PROJECTS_KEY, true)) {
            assertServiceError(client::listSnapshots, ForbiddenException.class, 403, "DWS.0015");
        }
    }

    @Test
    @PactTestFor(pactMethod = "internalError")
    void throwsInternalServerErrorOnAFailure(MockServer server) {
        try (DwsSnapshotClient client = CreateSnapshotConsumerPactTest.client(server, ALLOWED_KEY, true)) {
            assertServiceError(client::listSnapshots, InternalServerErrorException.class, 500, "DWS.0005");
        }
    }

    @Test
    @PactTestFor(pactMethod = "unavailable")
    void throwsServiceUnavailableWhenUnavailable(MockServer server) {
        try (DwsSnapshotClient client = CreateSnapshotConsumerPactTest.client(server, ALLOWED_KEY, true)) {
            assertServiceError(client::listSnapshots, ServiceUnavailableException.class, 503, "DWS.0005");
        }
    }
}
