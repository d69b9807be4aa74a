package org.opendws.snapshot.contract.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.opendws.snapshot.contract.document.DocumentCheck.keys;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.core.http.HttpConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opendws.snapshot.contract.document.DocumentCheck;
import org.opendws.snapshot.contract.sdk.SdkModel.CreateSnapshotRequest;
import org.opendws.snapshot.contract.sdk.SdkModel.CreateSnapshotResponse;
import org.opendws.snapshot.contract.sdk.SdkModel.DeleteSnapshotRequest;
import org.opendws.snapshot.contract.sdk.SdkModel.DeleteSnapshotResponse;
import org.opendws.snapshot.contract.sdk.SdkModel.ListClusterSnapshotsRequest;
import org.opendws.snapshot.contract.sdk.SdkModel.ListClusterSnapshotsResponse;
import org.opendws.snapshot.contract.sdk.SdkModel.ListSnapshotDetailsRequest;
import org.opendws.snapshot.contract.sdk.SdkModel.ListSnapshotDetailsResponse;
import org.opendws.snapshot.contract.sdk.SdkModel.ListSnapshotsRequest;
import org.opendws.snapshot.contract.sdk.SdkModel.ListSnapshotsResponse;
import org.opendws.snapshot.contract.sdk.SdkModel.SnapshotDetail;
import org.opendws.snapshot.contract.sdk.SdkModel.StreamedCreateSnapshotRequest;
import org.opendws.snapshot.mock.DwsMockServer;
import org.opendws.snapshot.mock.JournalEntry;
import org.opendws.snapshot.mock.World;
import org.opendws.snapshot.mock.junit.DwsMockExtension;

/**
 * The official Huawei Cloud Java SDK's core (not our client, not our signer) signs and sends every
 * operation of the document to the mock (default world, AK/SK): the mock must accept what the
 * client most real users run sends (its {@code Content-Type}, its signed headers
 * {@code host;user-agent;x-project-id;x-sdk-date}, its body framing), and each answer, as the core
 * received it, must be what the document says.
 */
class OfficialSdkTest {
    @RegisterExtension
    static final DwsMockExtension MOCK = new DwsMockExtension();

    private static final OpenApiInteractionValidator DOCUMENT =
            DocumentCheck.strictValidator(DocumentCheck.documentText());
    private static final String PROJECT = World.DEFAULT_PROJECT_ID;
    private static final String CLUSTER = World.DEFAULT_CLUSTER_ID;

    private final SdkExchangeRecorder recorder = new SdkExchangeRecorder();
    private SdkSnapshotClient sdk;

    @BeforeEach
    void buildTheSdkClient() {
        DwsMockServer mock = MOCK.server();
        // as a user builds the generated DwsClient, but with the mock's plain-HTTP endpoint
        // instead of a region (the core keeps an endpoint that starts with "http" as it is)
        sdk = SdkSnapshotClient.newBuilder()
                .withCredential(new BasicCredentials()
                        .withAk(World.DEFAULT_ACCESS_KEY)
                        .withSk(World.DEFAULT_SECRET_KEY)
                        .withProjectId(PROJECT))
                .withEndpoints(List.of(mock.baseUrl()))
                .withHttpConfig(HttpConfig.getDefaultHttpConfig().addHttpListener(recorder))
                .build();
    }

    @Test
    void createSnapshot() {
        CreateSnapshotResponse created =
                sdk.createSnapshot(CreateSnapshotRequest.of("sdk-snapshot-1", CLUSTER, "by the SDK"));

        assertThat(created.getHttpStatusCode()).isEqualTo(200);
        assertThat(created.snapshot.id).matches(UUID_REGEX);
        assertThat(created.xRequestId).isNotBlank();
        assertThat(MOCK.server().snapshots())
                .singleElement()
                .satisfies(s -> assertThat(s.toString()).contains(created.snapshot.id));
        JournalEntry received = lastReceived();
        assertThat(received.headers().get("content-type")).containsExactly("application/json;charset=UTF-8");
        assertThat(recorder.sent().headers().get("Authorization"))
                .singleElement()
                .asString()
                .contains("SignedHeaders=host;user-agent;x-project-id;x-sdk-date,");
        assertThat(received.headers()).containsKey("content-length");
        assertConformsToTheDocument();
    }

    @Test
    void createSnapshotWithAStreamedChunkedBody() {
        CreateSnapshotResponse created = sdk.createSnapshot(new StreamedCreateSnapshotRequest(streamedJson(), true));

        assertThat(created.getHttpStatusCode()).isEqualTo(200);
        assertThat(lastReceived().headers().get("transfer-encoding")).containsExactly("chunked");
        assertThat(lastReceived().headers()).doesNotContainKey("content-length");
        assertThat(MOCK.server().snapshots()).hasSize(1);
    }

    /**
     * Not the mock's doing: the core (3.1.192) drains a stream body for its HTTP listeners before
     * sending it, so a stream that cannot rewind goes out empty after its signature covered the
     * whole body. The mock rightly answers 401, and stores nothing.
     */
    @Test
    void aStreamedBodyIsReadTwiceByTheCore() {
        ClientRequestException e = catchThrowableOfType(
                ClientRequestException.class,
                () -> sdk.createSnapshot(new StreamedCreateSnapshotRequest(streamedJson(), false)));

        assertThat(e.getHttpStatusCode()).isEqualTo(401);
        assertThat(e.getErrorMsg()).contains("the signature does not match the request");
        assertThat(MOCK.server().snapshots()).isEmpty();
    }

    @Test
    void createSnapshotOfAnUnknownClusterIs404() {
        ClientRequestException e = catchThrowableOfType(
                ClientRequestException.class,
                () -> sdk.createSnapshot(CreateSnapshotRequest.of("sdk-snapshot-1", ABSENT_CLUSTER, null)));

        assertError(e, 404, "DWS.0015");
    }

    @Test
    void listSnapshots() {
        String id = sdk.createSnapshot(CreateSnapshotRequest.of("sdk-snapshot-1", CLUSTER, "by the SDK")).snapshot.id;

        ListSnapshotsResponse list = sdk.listSnapshots(new ListSnapshotsRequest());

        // the core sends its Content-Type on a GET without a body too: the mock must not mind
        assertThat(lastReceived().headers().get("content-type")).containsExactly("application/json");
        assertThat(list.getHttpStatusCode()).isEqualTo(200);
        assertThat(list.count).isEqualTo(1);
        assertThat(list.snapshots).singleElement().satisfies(s -> {
            assertThat(s.id).isEqualTo(id);
            assertThat(s.name).isEqualTo("sdk-snapshot-1");
            assertThat(s.description).isEqualTo("by the SDK");
            assertThat(s.clusterId).isEqualTo(CLUSTER);
            assertThat(s.clusterName).isEqualTo("dws-demo");
            assertThat(s.type).isEqualTo("MANUAL");
        });
        assertConformsToTheDocument();
    }

    @Test
    void listClusterSnapshotsWithLimitOffsetSortKeyAndSortDir() {
        for (String name : List.of("sdk-c", "sdk-a", "sdk-d", "sdk-b")) {
            sdk.createSnapshot(CreateSnapshotRequest.of(name, CLUSTER, null));
        }
        ListClusterSnapshotsRequest secondPage = new ListClusterSnapshotsRequest(CLUSTER);
        secondPage.limit = 2;
        secondPage.offset = 1;
        secondPage.sortKey = "name";
        secondPage.sortDir = "asc";

        ListClusterSnapshotsResponse page = sdk.listClusterSnapshots(secondPage);

        assertThat(recorder.sent().uri().getRawQuery().split("&"))
                .containsExactlyInAnyOrder("limit=2", "offset=1", "sort_key=name", "sort_dir=asc");
        assertThat(page.snapshots).extracting(s -> s.name).containsExactly("sdk-c", "sdk-d");
        assertThat(page.count).isEqualTo(4);
        assertThat(page.projectId).isEqualTo(PROJECT);
        assertThat(page.clusterId).isEqualTo(CLUSTER);
        assertConformsToTheDocument();
    }

    @Test
    void listClusterSnapshotsOfAnUnknownClusterIs404Dws0047() {
        ClientRequestException e = catchThrowableOfType(
                ClientRequestException.class,
                () -> sdk.listClusterSnapshots(new ListClusterSnapshotsRequest(ABSENT_CLUSTER)));

        assertError(e, 404, "DWS.0047");
    }

    @Test
    void listSnapshotDetailsFollowsTheLifecycle() {
        MOCK.server().clock().freeze();
        String id = sdk.createSnapshot(CreateSnapshotRequest.of("sdk-snapshot-1", CLUSTER, null)).snapshot.id;

        SnapshotDetail creating = sdk.listSnapshotDetails(new ListSnapshotDetailsRequest(id)).snapshot;
        assertConformsToTheDocument();
        MOCK.server().clock().advance(Duration.ofSeconds(5)); // the default creation time
        ListSnapshotDetailsResponse available = sdk.listSnapshotDetails(new ListSnapshotDetailsRequest(id));

        assertThat(creating.status).isEqualTo("CREATING");
        assertThat(creating.finished).isNull();
        assertThat(creating.size).isZero();
        assertThat(available.getHttpStatusCode()).isEqualTo(200);
        assertThat(available.xRequestId).isNotBlank();
        assertThat(available.snapshot.status).isEqualTo("AVAILABLE");
        assertThat(available.snapshot.finished).isNotNull();
        assertThat(available.snapshot.size).isEqualTo(500.0);
        assertConformsToTheDocument();
    }

    @Test
    void listSnapshotDetailsOfAnUnknownSnapshotIs400Dws5149() {
        ClientRequestException e = catchThrowableOfType(
                ClientRequestException.class,
                () -> sdk.listSnapshotDetails(new ListSnapshotDetailsRequest(ABSENT_SNAPSHOT)));

        assertError(e, 400, "DWS.5149");
    }

    @Test
    void deleteSnapshot() {
        MOCK.server().clock().freeze();
        String id = sdk.createSnapshot(CreateSnapshotRequest.of("sdk-snapshot-1", CLUSTER, null)).snapshot.id;
        MOCK.server().clock().advance(Duration.ofSeconds(5));

        DeleteSnapshotResponse deleted = sdk.deleteSnapshot(new DeleteSnapshotRequest(id));

        assertThat(deleted.getHttpStatusCode()).isEqualTo(202);
        assertThat(deleted.xRequestId).isNotBlank();
        assertThat(lastReceived().method()).isEqualTo("DELETE");
        assertConformsToTheDocument();
        assertThat(MOCK.server().snapshots()).isEmpty();
        assertError(
                catchThrowableOfType(
                        ClientRequestException.class,
                        () -> sdk.listSnapshotDetails(new ListSnapshotDetailsRequest(id))),
                400,
                "DWS.5149");
    }

    @Test
    void deleteSnapshotOfAnUnknownSnapshotIs400Dws0001() {
        ClientRequestException e = catchThrowableOfType(
                ClientRequestException.class, () -> sdk.deleteSnapshot(new DeleteSnapshotRequest(ABSENT_SNAPSHOT)));

        assertError(e, 400, "DWS.0001");
    }

    // ---- helpers ----

    private static final String ABSENT_CLUSTER = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    private static final String ABSENT_SNAPSHOT = "0f6a4c1e-9b2d-4e3f-8a5b-6c7d8e9f0a1b";

    private static String streamedJson() {
        return "{\"snapshot\":{\"name\":\"sdk-streamed-1\",\"cluster_id\":\"" + CLUSTER + "\"}}";
    }

    private static final String UUID_REGEX = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private void assertError(ClientRequestException e, int status, String errorCode) {
        assertThat(e).as("the core's exception").isNotNull();
        assertThat(e.getHttpStatusCode()).isEqualTo(status);
        assertThat(e.getErrorCode()).isEqualTo(errorCode);
        assertThat(e.getRequestId()).isNotBlank();
        assertConformsToTheDocument();
    }

    private void assertConformsToTheDocument() {
        assertThat(keys(recorder.validate(DOCUMENT)))
                .as(
                        "findings of %s %s -> %s",
                        recorder.sent().method(), recorder.sent().uri(), recorder.received())
                .isEmpty();
    }

    private static JournalEntry lastReceived() {
        List<JournalEntry> journal = MOCK.server().journal();
        return journal.get(journal.size() - 1);
    }
}
