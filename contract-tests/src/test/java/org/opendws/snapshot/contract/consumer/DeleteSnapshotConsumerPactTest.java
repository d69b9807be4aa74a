package org.opendws.snapshot.contract.consumer;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.opendws.snapshot.contract.ProviderStates.PROJECT_ID;
import static org.opendws.snapshot.contract.ProviderStates.SNAPSHOT_ID;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.ABSENT_SNAPSHOT;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.ALLOWED_KEY;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.EXAMPLE_SNAPSHOT_ID;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.INVALID_SNAPSHOT_ID;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.OTHER_PROJECTS_KEY;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.PROJECT;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.allowedKey;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.assertServiceError;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.notAllowedKey;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.respond;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.respondWithoutBody;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.signed;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.signedToTheSnapshot;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.withSnapshot;

import au.com.dius.pact.consumer.MockServer;
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
import org.opendws.snapshot.client.error.BadRequestException;
import org.opendws.snapshot.client.error.ForbiddenException;
import org.opendws.snapshot.client.error.InternalServerErrorException;
import org.opendws.snapshot.client.error.ServiceUnavailableException;
import org.opendws.snapshot.client.error.UnauthorizedException;
import org.opendws.snapshot.contract.Pacts;
import org.opendws.snapshot.contract.ProviderStates;

/**
 * deleteSnapshot, DELETE /v1.0/{project_id}/snapshots/{snapshot_id}: the client against Pact's mock
 * server. Only an AVAILABLE (or UNAVAILABLE) manual snapshot is deleted; an automated one, one
 * still CREATING and one that does not exist are refused with 400 DWS.0001, an id that is not a
 * UUID with 400 DWS.5149.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Pacts.PROVIDER, pactVersion = PactSpecVersion.V4)
public class DeleteSnapshotConsumerPactTest {

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact deleted(PactDslWithProvider provider) {
        return respondWithoutBody(
                signedToTheSnapshot(
                        withSnapshot(allowedKey(provider), "AVAILABLE", "MANUAL")
                                .uponReceiving(Pacts.DELETED),
                        "DELETE",
                        ALLOWED_KEY),
                202);
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact unknown(PactDslWithProvider provider) {
        return respond(
                signed(
                        allowedKey(provider)
                                .given(
                                        ProviderStates.SNAPSHOT_ABSENT,
                                        Map.of(PROJECT_ID, PROJECT, SNAPSHOT_ID, ABSENT_SNAPSHOT))
                                .uponReceiving(Pacts.DELETE_UNKNOWN),
                        "DELETE",
                        ListSnapshotDetailsConsumerPactTest.path(ABSENT_SNAPSHOT),
                        ALLOWED_KEY),
                400,
                ConsumerPacts.error(
                        "DWS.0001",
                        "Snapshot " + ABSENT_SNAPSHOT + " does not exist in this project (or was deleted already)."));
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact automated(PactDslWithProvider provider) {
        return respond(
                signedToTheSnapshot(
                        withSnapshot(allowedKey(provider), "AVAILABLE", "AUTO").uponReceiving(Pacts.DELETE_AUTOMATED),
                        "DELETE",
                        ALLOWED_KEY),
                400,
                ConsumerPacts.error(
                        "DWS.0001",
                        "Snapshot " + EXAMPLE_SNAPSHOT_ID
                                + " is automated (AUTO); only manual snapshots can be deleted."));
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact creating(PactDslWithProvider provider) {
        return respond(
                signedToTheSnapshot(
                        withSnapshot(allowedKey(provider), "CREATING", "MANUAL").uponReceiving(Pacts.DELETE_CREATING),
                        "DELETE",
                        ALLOWED_KEY),
                400,
                ConsumerPacts.error(
                        "DWS.0001",
                        "Snapshot " + EXAMPLE_SNAPSHOT_ID
                                + " is CREATING; delete it once it is AVAILABLE or UNAVAILABLE."));
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact invalidId(PactDslWithProvider provider) {
        return respond(
                signed(
                        allowedKey(provider).uponReceiving(Pacts.DELETE_INVALID_ID),
                        "DELETE",
                        ListSnapshotDetailsConsumerPactTest.path(INVALID_SNAPSHOT_ID),
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
                                .uponReceiving(Pacts.DELETE_BAD_SIGNATURE),
                        "DELETE",
                        ALLOWED_KEY),
                401,
                ConsumerPacts.badSignature());
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact projectNotAllowed(PactDslWithProvider provider) {
        return respond(
                signedToTheSnapshot(
                        withSnapshot(notAllowedKey(provider), "AVAILABLE", "MANUAL")
                                .uponReceiving(Pacts.DELETE_PROJECT_NOT_ALLOWED),
                        "DELETE",
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
                                .uponReceiving(Pacts.DELETE_INTERNAL_ERROR),
                        "DELETE",
                        ALLOWED_KEY),
                500,
                ConsumerPacts.internalError());
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact unavailable(PactDslWithProvider provider) {
        return respond(
                signedToTheSnapshot(
                        withSnapshot(allowedKey(provider), "AVAILABLE", "MANUAL")
                                .given(ProviderStates.UNAVAILABLE)
                                .uponReceiving(Pacts.DELETE_UNAVAILABLE),
                        "DELETE",
                        ALLOWED_KEY),
                503,
                ConsumerPacts.serviceUnavailable());
    }

    @Test
    @PactTestFor(pactMethod = "deleted")
    void deletesAnAvailableSnapshot(MockServer server) {
        try (DwsSnapshotClient client = CreateSnapshotConsumerPactTest.client(server, ALLOWED_KEY, true)) {
            assertThatCode(() -> client.deleteSnapshot(EXAMPLE_SNAPSHOT_ID)).doesNotThrowAnyException();
        }
    }

    @Test
    @PactTestFor(pactMethod = "unknown")
    void throwsBadRequestForAnUnknownSnapshot(MockServer server) {
        assertRefused(server, ABSENT_SNAPSHOT, true, "DWS.0001");
    }

    @Test
    @PactTestFor(pactMethod = "automated")
    void throwsBadRequestForAnAutomatedSnapshot(MockServer server) {
        assertRefused(server, EXAMPLE_SNAPSHOT_ID, true, "DWS.0001");
    }

    @Test
    @PactTestFor(pactMethod = "creating")
    void throwsBadRequestForASnapshotBeingTaken(MockServer server) {
        assertRefused(server, EXAMPLE_SNAPSHOT_ID, true, "DWS.0001");
    }

    @Test
    @PactTestFor(pactMethod = "invalidId")
    void throwsBadRequestDws5149ForAnIdThatIsNotAUuid(MockServer server) {
        // validation off: the client would refuse the id itself; here the service must
        assertRefused(server, INVALID_SNAPSHOT_ID, false, "DWS.5149");
    }

    @Test
    @PactTestFor(pactMethod = "badSignature")
    void throwsUnauthorizedForABadSignature(MockServer server) {
        try (DwsSnapshotClient client = CreateSnapshotConsumerPactTest.client(server, ALLOWED_KEY, true)) {
            assertServiceError(
                    () -> client.deleteSnapshot(EXAMPLE_SNAPSHOT_ID), UnauthorizedException.class, 401, "APIGW.0301");
        }
    }

    @Test
    @PactTestFor(pactMethod = "projectNotAllowed")
    void throwsForbiddenForAProjectTheKeyMayNotUse(MockServer server) {
        try (DwsSnapshotClient client = CreateSnapshotConsumerPactTest.client(server, OTHER_PROJECTS_KEY, true)) {
            assertServiceError(
                    () -> client.deleteSnapshot(EXAMPLE_SNAPSHOT_ID), ForbiddenException.class, 403, "DWS.0015");
        }
    }

    @Test
    @PactTestFor(pactMethod = "internalError")
    void throwsInternalServerErrorOnAFailure(MockServer server) {
        try (DwsSnapshotClient client = CreateSnapshotConsumerPactTest.client(server, ALLOWED_KEY, true)) {
            assertServiceError(
                    () -> client.deleteSnapshot(EXAMPLE_SNAPSHOT_ID),
                    InternalServerErrorException.class,
                    500,
                    "DWS.0005");
        }
    }

    @Test
    @PactTestFor(pactMethod = "unavailable")
    void throwsServiceUnavailableWhenUnavailable(MockServer server) {
        try (DwsSnapshotClient client = CreateSnapshotConsumerPactTest.client(server, ALLOWED_KEY, true)) {
            assertServiceError(
                    () -> client.deleteSnapshot(EXAMPLE_SNAPSHOT_ID),
                    ServiceUnavailableException.class,
                    503,
                    "DWS.0005");
        }
    }

    private static void assertRefused(MockServer server, String snapshotId, boolean validation, String errorCode) {
        try (DwsSnapshotClient client = CreateSnapshotConsumerPactTest.client(server, ALLOWED_KEY, validation)) {
            assertServiceError(() -> client.deleteSnapshot(snapshotId), BadRequestException.class, 400, errorCode);
        }
    }
}
