package org.opendws.snapshot.contract.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendws.snapshot.contract.ProviderStates.PROJECT_ID;
import static org.opendws.snapshot.contract.ProviderStates.SNAPSHOT_ID;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.ABSENT_SNAPSHOT;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.ALLOWED_KEY;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.CLUSTER;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.EXAMPLE_SNAPSHOT_ID;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.INVALID_SNAPSHOT_ID;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.OTHER_PROJECTS_KEY;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.PROJECT;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.SNAPSHOT_NAME;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.allowedKey;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.assertServiceError;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.notAllowedKey;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.respond;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.signed;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.signedToTheSnapshot;
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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opendws.snapshot.client.DwsSnapshotClient;
import org.opendws.snapshot.client.Snapshot;
import org.opendws.snapshot.client.SnapshotStatus;
import org.opendws.snapshot.client.SnapshotType;
import org.opendws.snapshot.client.error.BadRequestException;
import org.opendws.snapshot.client.error.ForbiddenException;
import org.opendws.snapshot.client.error.InternalServerErrorException;
import org.opendws.snapshot.client.error.ServiceUnavailableException;
import org.opendws.snapshot.client.error.UnauthorizedException;
import org.opendws.snapshot.contract.Pacts;
import org.opendws.snapshot.contract.ProviderStates;

/**
 * listSnapshotDetails, GET /v1.0/{project_id}/snapshots/{snapshot_id}: the client against Pact's
 * mock server, for a snapshot in each state of its lifecycle, automated, unknown or named by an id
 * that is not a UUID. The snapshot's id comes from the provider state that stores it.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Pacts.PROVIDER, pactVersion = PactSpecVersion.V4)
public class ListSnapshotDetailsConsumerPactTest {

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact available(PactDslWithProvider provider) {
        return detail(provider, Pacts.DETAIL_AVAILABLE, "AVAILABLE", "MANUAL");
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact creating(PactDslWithProvider provider) {
        return detail(provider, Pacts.DETAIL_CREATING, "CREATING", "MANUAL");
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact unavailableSnapshot(PactDslWithProvider provider) {
        return detail(provider, Pacts.DETAIL_UNAVAILABLE, "UNAVAILABLE", "MANUAL");
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact automated(PactDslWithProvider provider) {
        return detail(provider, Pacts.DETAIL_AUTOMATED, "AVAILABLE", "AUTO");
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact unknown(PactDslWithProvider provider) {
        return respond(
                signed(
                        allowedKey(provider)
                                .given(
                                        ProviderStates.SNAPSHOT_ABSENT,
                                        Map.of(PROJECT_ID, PROJECT, SNAPSHOT_ID, ABSENT_SNAPSHOT))
                                .uponReceiving(Pacts.DETAIL_UNKNOWN),
                        "GET",
                        path(ABSENT_SNAPSHOT),
                        ALLOWED_KEY),
                400,
                ConsumerPacts.error("DWS.5149", "Snapshot " + ABSENT_SNAPSHOT + " does not exist in this project."));
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact invalidId(PactDslWithProvider provider) {
        return respond(
                signed(
                        allowedKey(provider).uponReceiving(Pacts.DETAIL_INVALID_ID),
                        "GET",
                        path(INVALID_SNAPSHOT_ID),
                        ALLOWED_KEY),
                400,
                ConsumerPacts.error("DWS.5149", "snapshot_id: must match a UUID (rejected value: snap-1)"));
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact badSignature(PactDslWithProvider provider) {
        return respond(
                signedToTheSnapshot(
                        withSnapshot(allowedKey(provider), "AVAILABLE", "MANUAL")
                                .given(ProviderStates.SIGNED_WITH_ANOTHER_SECRET_KEY)
                                .uponReceiving(Pacts.DETAIL_BAD_SIGNATURE),
                        "GET",
                        ALLOWED_KEY),
                401,
                ConsumerPacts.badSignature());
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact projectNotAllowed(PactDslWithProvider provider) {
        return respond(
                signedToTheSnapshot(
                        withSnapshot(notAllowedKey(provider), "AVAILABLE", "MANUAL")
                                .uponReceiving(Pacts.DETAIL_PROJECT_NOT_ALLOWED),
                        "GET",
                        OTHER_PROJECTS_KEY),
                403,
                ConsumerPacts.notAllowed());
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact internalError(PactDslWithProvider provider) {
        return respond(
                signedToTheSnapshot(
                        withSnapshot(allowedKey(provider), "AVAILABLE", "MANUAL")
                                .given(ProviderStates.FAILING)
                                .uponReceiving(Pacts.DETAIL_INTERNAL_ERROR),
                        "GET",
                        ALLOWED_KEY),
                500,
                ConsumerPacts.internalError());
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact unavailableService(PactDslWithProvider provider) {
        return respond(
                signedToTheSnapshot(
                        withSnapshot(allowedKey(provider), "AVAILABLE", "MANUAL")
                                .given(ProviderStates.UNAVAILABLE)
                                .uponReceiving(Pacts.DETAIL_UNAVAILABLE_SERVICE),
                        "GET",
                        ALLOWED_KEY),
                503,
                ConsumerPacts.serviceUnavailable());
    }

    @Test
    @PactTestFor(pactMethod = "available")
    void readsAnAvailableSnapshot(MockServer server) {
        Snapshot snapshot = detailOf(server);

        assertThat(snapshot.status()).isEqualTo(SnapshotStatus.AVAILABLE);
        assertThat(snapshot.type()).isEqualTo(SnapshotType.MANUAL);
        assertThat(snapshot.finished()).isNotNull();
        assertThat(snapshot.size()).isEqualTo(500.0);
    }

    @Test
    @PactTestFor(pactMethod = "creating")
    void readsASnapshotBeingTaken(MockServer server) {
        Snapshot snapshot = detailOf(server);

        assertThat(snapshot.status()).isEqualTo(SnapshotStatus.CREATING);
        assertThat(snapshot.finished()).isNull();
    }

    @Test
    @PactTestFor(pactMethod = "unavailableSnapshot")
    void readsAFailedSnapshot(MockServer server) {
        assertThat(detailOf(server).status()).isEqualTo(SnapshotStatus.UNAVAILABLE);
    }

    @Test
    @PactTestFor(pactMethod = "automated")
    void readsAnAutomatedSnapshot(MockServer server) {
        assertThat(detailOf(server).type()).isEqualTo(SnapshotType.AUTO);
    }

    @Test
    @PactTestFor(pactMethod = "unknown")
    void throwsBadRequestDws5149ForAnUnknownSnapshot(MockServer server) {
        try (DwsSnapshotClient client = CreateSnapshotConsumerPactTest.client(server, ALLOWED_KEY, true)) {
            assertServiceError(
                    () -> client.listSnapshotDetails(ABSENT_SNAPSHOT), BadRequestException.class, 400, "DWS.5149");
        }
    }

    @Test
    @PactTestFor(pactMethod = "invalidId")
    void throwsBadRequestDws5149ForAnIdThatIsNotAUuid(MockServer server) {
        // validation off: the client would refuse the id itself; here the service must
        try (DwsSnapshotClient client = CreateSnapshotConsumerPactTest.client(server, ALLOWED_KEY, false)) {
            assertServiceError(
                    () -> client.listSnapshotDetails(INVALID_SNAPSHOT_ID), BadRequestException.class, 400, "DWS.5149");
        }
    }

    @Test
    @PactTestFor(pactMethod = "badSignature")
    void throwsUnauthorizedForABadSignature(MockServer server) {
        try (DwsSnapshotClient client = CreateSnapshotConsumerPactTest.client(server, ALLOWED_KEY, true)) {
            assertServiceError(
                    () -> client.listSnapshotDetails(EXAMPLE_SNAPSHOT_ID),
                    UnauthorizedException.class,
                    401,
                    "APIGW.0301");
        }
    }

    @Test
    @PactTestFor(pactMethod = "projectNotAllowed")
    void throwsForbiddenForAProjectTheKeyMayNotUse(MockServer server) {
        try (DwsSnapshotClient client = CreateSnapshotConsumerPactTest.client(server, OTHER_PROJECTS_KEY, true)) {
            assertServiceError(
                    () -> client.listSnapshotDetails(EXAMPLE_SNAPSHOT_ID), ForbiddenException.class, 403, "DWS.0015");
        }
    }

    @Test
    @PactTestFor(pactMethod = "internalError")
    void throwsInternalServerErrorOnAFailure(MockServer server) {
        try (DwsSnapshotClient client = CreateSnapshotConsumerPactTest.client(server, ALLOWED_KEY, true)) {
            assertServiceError(
                    () -> client.listSnapshotDetails(EXAMPLE_SNAPSHOT_ID),
                    InternalServerErrorException.class,
                    500,
                    "DWS.0005");
        }
    }

    @Test
    @PactTestFor(pactMethod = "unavailableService")
    void throwsServiceUnavailableWhenUnavailable(MockServer server) {
        try (DwsSnapshotClient client = CreateSnapshotConsumerPactTest.client(server, ALLOWED_KEY, true)) {
            assertServiceError(
                    () -> client.listSnapshotDetails(EXAMPLE_SNAPSHOT_ID),
                    ServiceUnavailableException.class,
                    503,
                    "DWS.0005");
        }
    }

    private static V4Pact detail(PactDslWithProvider provider, String description, String status, String type) {
        PactDslJsonBody body = new PactDslJsonBody();
        snapshot(body.object("snapshot"), SNAPSHOT_NAME, status, type).closeObject();
        return respond(
                signedToTheSnapshot(
                        withSnapshot(allowedKey(provider), status, type).uponReceiving(description),
                        "GET",
                        ALLOWED_KEY),
                200,
                body);
    }

    /** The detail of the state's snapshot; the common fields checked once here. */
    private static Snapshot detailOf(MockServer server) {
        try (DwsSnapshotClient client = CreateSnapshotConsumerPactTest.client(server, ALLOWED_KEY, true)) {
            Snapshot snapshot = client.listSnapshotDetails(EXAMPLE_SNAPSHOT_ID);
            assertThat(snapshot.id()).isEqualTo(EXAMPLE_SNAPSHOT_ID);
            assertThat(snapshot.name()).isEqualTo(SNAPSHOT_NAME);
            assertThat(snapshot.clusterId()).isEqualTo(CLUSTER);
            assertThat(snapshot.started()).isNotNull();
            return snapshot;
        }
    }

    static String path(String snapshotId) {
        return "/v1.0/" + PROJECT + "/snapshots/" + snapshotId;
    }
}
