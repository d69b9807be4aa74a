package org.opendws.snapshot.contract.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendws.snapshot.contract.ProviderStates.CLUSTER_ID;
import static org.opendws.snapshot.contract.ProviderStates.COUNT;
import static org.opendws.snapshot.contract.ProviderStates.PROJECT_ID;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.ALLOWED_KEY;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.CLUSTER;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.EXAMPLE_REQUEST_ID;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.OTHER_PROJECTS_KEY;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.PROJECT;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.allowedKey;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.assertServiceError;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.notAllowedKey;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.respond;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.signed;
import static org.opendws.snapshot.contract.consumer.ConsumerPacts.snapshot;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opendws.snapshot.client.DwsSnapshotClient;
import org.opendws.snapshot.client.ListClusterSnapshotsRequest;
import org.opendws.snapshot.client.Snapshot;
import org.opendws.snapshot.client.SnapshotPage;
import org.opendws.snapshot.client.SortDir;
import org.opendws.snapshot.client.SortKey;
import org.opendws.snapshot.client.error.BadRequestException;
import org.opendws.snapshot.client.error.ForbiddenException;
import org.opendws.snapshot.client.error.InternalServerErrorException;
import org.opendws.snapshot.client.error.NotFoundException;
import org.opendws.snapshot.client.error.ServiceUnavailableException;
import org.opendws.snapshot.client.error.UnauthorizedException;
import org.opendws.snapshot.contract.Pacts;
import org.opendws.snapshot.contract.ProviderStates;

/**
 * listClusterSnapshots, GET /v1.0/{project_id}/clusters/{cluster_id}/snapshots with limit,
 * offset, sort_key and sort_dir: the client against Pact's mock server. The page asked for is the
 * second of two (offset counts pages) of five snapshots sorted by name, so the pact pins the
 * paging the document chose.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Pacts.PROVIDER, pactVersion = PactSpecVersion.V4)
public class ListClusterSnapshotsConsumerPactTest {
    static final String PATH = "/v1.0/" + PROJECT + "/clusters/" + CLUSTER + "/snapshots";
    static final String ABSENT_CLUSTER = CreateSnapshotConsumerPactTest.ABSENT_CLUSTER;
    static final String ABSENT_PATH = "/v1.0/" + PROJECT + "/clusters/" + ABSENT_CLUSTER + "/snapshots";
    static final int SNAPSHOTS = 5;

    /** The second page of two, by name, ascending. */
    static final ListClusterSnapshotsRequest SECOND_PAGE = ListClusterSnapshotsRequest.builder()
            .clusterId(CLUSTER)
            .limit(2)
            .offset(1)
            .sortKey(SortKey.NAME)
            .sortDir(SortDir.ASC)
            .build();

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact page(PactDslWithProvider provider) {
        PactDslJsonBody body = new PactDslJsonBody();
        snapshot(
                        snapshot(body.array("snapshots").object(), "snapshot-003", "AVAILABLE", "MANUAL")
                                .closeObject()
                                .asArray()
                                .object(),
                        "snapshot-004",
                        "AVAILABLE",
                        "MANUAL")
                .closeObject()
                .closeArray();
        body.stringValue("project_id", PROJECT)
                .stringValue("cluster_id", CLUSTER)
                .numberValue("count", SNAPSHOTS);
        return respond(
                secondPage(withSnapshots(allowedKey(provider)).uponReceiving(Pacts.PAGE), ALLOWED_KEY), 200, body);
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact invalidLimit(PactDslWithProvider provider) {
        return respond(
                signed(
                                withSnapshots(allowedKey(provider)).uponReceiving(Pacts.PAGE_INVALID_LIMIT),
                                "GET",
                                PATH,
                                ALLOWED_KEY)
                        .query("limit=0"),
                400,
                ConsumerPacts.error("DWS.0001", "limit: must be greater than or equal to 1 (rejected value: 0)"));
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact badSignature(PactDslWithProvider provider) {
        return respond(
                secondPage(
                        withSnapshots(allowedKey(provider))
                                .given(ProviderStates.SIGNED_WITH_ANOTHER_SECRET_KEY)
                                .uponReceiving(Pacts.PAGE_BAD_SIGNATURE),
                        ALLOWED_KEY),
                401,
                ConsumerPacts.badSignature());
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact projectNotAllowed(PactDslWithProvider provider) {
        return respond(
                secondPage(
                        withSnapshots(notAllowedKey(provider)).uponReceiving(Pacts.PAGE_PROJECT_NOT_ALLOWED),
                        OTHER_PROJECTS_KEY),
                403,
                ConsumerPacts.notAllowed());
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact unknownCluster(PactDslWithProvider provider) {
        return respond(
                signed(
                        allowedKey(provider)
                                .given(
                                        ProviderStates.CLUSTER_ABSENT,
                                        Map.of(PROJECT_ID, PROJECT, CLUSTER_ID, ABSENT_CLUSTER))
                                .uponReceiving(Pacts.PAGE_UNKNOWN_CLUSTER),
                        "GET",
                        ABSENT_PATH,
                        ALLOWED_KEY),
                404,
                ConsumerPacts.error("DWS.0047", "Cluster " + ABSENT_CLUSTER + " does not exist in this project."));
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact internalError(PactDslWithProvider provider) {
        return respond(
                secondPage(
                        withSnapshots(allowedKey(provider))
                                .given(ProviderStates.FAILING)
                                .uponReceiving(Pacts.PAGE_INTERNAL_ERROR),
                        ALLOWED_KEY),
                500,
                ConsumerPacts.internalError());
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact unavailable(PactDslWithProvider provider) {
        return respond(
                secondPage(
                        withSnapshots(allowedKey(provider))
                                .given(ProviderStates.UNAVAILABLE)
                                .uponReceiving(Pacts.PAGE_UNAVAILABLE),
                        ALLOWED_KEY),
                503,
                ConsumerPacts.serviceUnavailable());
    }

    @Test
    @PactTestFor(pactMethod = "page")
    void readsThePage(MockServer server) {
        try (DwsSnapshotClient client = CreateSnapshotConsumerPactTest.client(server, ALLOWED_KEY, true)) {
            SnapshotPage page = client.listClusterSnapshots(SECOND_PAGE);

            assertThat(page.snapshots()).extracting(Snapshot::name).containsExactly("snapshot-003", "snapshot-004");
            assertThat(page.count()).isEqualTo(SNAPSHOTS);
            assertThat(page.projectId()).isEqualTo(PROJECT);
            assertThat(page.clusterId()).isEqualTo(CLUSTER);
            assertThat(page.offset()).isEqualTo(1);
            assertThat(page.limit()).isEqualTo(2);
            assertThat(page.requestId()).isEqualTo(EXAMPLE_REQUEST_ID);
        }
    }

    @Test
    @PactTestFor(pactMethod = "invalidLimit")
    void throwsBadRequestForALimitOf0(MockServer server) {
        // validation off: the client would refuse the limit itself; here the service must
        try (DwsSnapshotClient client = CreateSnapshotConsumerPactTest.client(server, ALLOWED_KEY, false)) {
            assertServiceError(
                    () -> client.listClusterSnapshots(ListClusterSnapshotsRequest.builder()
                            .clusterId(CLUSTER)
                            .limit(0)
                            .build()),
                    BadRequestException.class,
                    400,
                    "DWS.0001");
        }
    }

    @Test
    @PactTestFor(pactMethod = "badSignature")
    void throwsUnauthorizedForABadSignature(MockServer server) {
        try (DwsSnapshotClient client = CreateSnapshotConsumerPactTest.client(server, ALLOWED_KEY, true)) {
            assertServiceError(
                    () -> client.listClusterSnapshots(SECOND_PAGE), UnauthorizedException.class, 401, "APIGW.0301");
        }
    }

    @Test
    @PactTestFor(pactMethod = "projectNotAllowed")
    void throwsForbiddenForAProjectTheKeyMayNotUse(MockServer server) {
        try (DwsSnapshotClient client = CreateSnapshotConsumerPactTest.client(server, OTHER_PROJECTS_KEY, true)) {
            assertServiceError(
                    () -> client.listClusterSnapshots(SECOND_PAGE), ForbiddenException.class, 403, "DWS.0015");
        }
    }

    @Test
    @PactTestFor(pactMethod = "unknownCluster")
    void throwsNotFoundForAnUnknownCluster(MockServer server) {
        try (DwsSnapshotClient client = CreateSnapshotConsumerPactTest.client(server, ALLOWED_KEY, true)) {
            assertServiceError(
                    () -> client.listClusterSnapshots(ListClusterSnapshotsRequest.of(ABSENT_CLUSTER)),
                    NotFoundException.class,
                    404,
                    "DWS.0047");
        }
    }

    @Test
    @PactTestFor(pactMethod = "internalError")
    void throwsInternalServerErrorOnAFailure(MockServer server) {
        try (DwsSnapshotClient client = CreateSnapshotConsumerPactTest.client(server, ALLOWED_KEY, true)) {
            assertServiceError(
                    () -> client.listClusterSnapshots(SECOND_PAGE),
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
                    () -> client.listClusterSnapshots(SECOND_PAGE), ServiceUnavailableException.class, 503, "DWS.0005");
        }
    }

    /** The cluster exists and holds five snapshots, snapshot-001 to snapshot-005. */
    private static PactDslWithState withSnapshots(PactDslWithState state) {
        return state.given(ProviderStates.CLUSTER_EXISTS, Map.of(PROJECT_ID, PROJECT, CLUSTER_ID, CLUSTER))
                .given(
                        ProviderStates.CLUSTER_HAS_SNAPSHOTS,
                        Map.of(PROJECT_ID, PROJECT, CLUSTER_ID, CLUSTER, COUNT, String.valueOf(SNAPSHOTS)));
    }

    private static PactDslRequestWithPath secondPage(PactDslRequestWithoutPath request, String accessKey) {
        return signed(request, "GET", PATH, accessKey).query("limit=2&offset=1&sort_key=name&sort_dir=asc");
    }
}
