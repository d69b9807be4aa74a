package org.opendws.snapshot.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.client.error.BadRequestException;
import org.opendws.snapshot.client.error.DwsServiceException;
import org.opendws.snapshot.client.error.DwsValidationException;
import org.opendws.snapshot.client.error.DwsValidationException.Violation;
import org.opendws.snapshot.client.error.ForbiddenException;
import org.opendws.snapshot.client.error.InternalServerErrorException;
import org.opendws.snapshot.client.error.NotFoundException;
import org.opendws.snapshot.client.error.ServiceUnavailableException;
import org.opendws.snapshot.client.error.UnauthorizedException;

/**
 * The list, detail and delete operations against a real local HTTP server (WireMock): the request
 * on the wire and its signature, the answers turned into records (the document's own examples,
 * times without {@code Z}, states this client does not know), every documented error, and
 * validation before anything is sent.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SnapshotOperationsTest {
    static final String AK = DwsSnapshotClientTest.AK;
    static final String SK = DwsSnapshotClientTest.SK;
    static final String PROJECT = DwsSnapshotClientTest.PROJECT;
    static final String CLUSTER = DwsSnapshotClientTest.CLUSTER;
    static final String SNAPSHOT_ID = DwsSnapshotClientTest.SNAPSHOT_ID;
    static final String REQUEST_ID = DwsSnapshotClientTest.REQUEST_ID;
    static final String SNAPSHOTS = "/v1.0/" + PROJECT + "/snapshots";
    static final String DETAIL = SNAPSHOTS + "/" + SNAPSHOT_ID;
    static final String CLUSTER_SNAPSHOTS = "/v1.0/" + PROJECT + "/clusters/" + CLUSTER + "/snapshots";
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static DwsSnapshotClient.Builder client() {
        return DwsSnapshotClient.builder()
                .endpoint(SERVER.baseUrl())
                .credentials(Credentials.akSk(AK, SK))
                .projectId(PROJECT)
                .environment(name -> null)
                .sleeper(delay -> {});
    }

    static void answer(MappingBuilder request, int status, Object body) {
        SERVER.stubFor(request.willReturn(aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Request-Id", REQUEST_ID)
                .withBody(body.toString())));
    }

    static List<WireRequest> received() {
        List<ServeEvent> events = new ArrayList<>(SERVER.getAllServeEvents());
        Collections.reverse(events); // WireMock lists the newest first
        return events.stream().map(event -> new WireRequest(event.getRequest())).toList();
    }

    static JsonNode example(String operationId, String status, String name) {
        return SpecDocument.responseExamples(operationId, status).get(name);
    }

    /** A request without a body: no body, no Content-Type, and a signature a verifier recomputes. */
    static void assertSignedWithoutBody(WireRequest request, String method, String url) {
        assertThat(request.received().getMethod().getName()).isEqualTo(method);
        assertThat(request.received().getUrl()).isEqualTo(url);
        assertThat(request.received().getBody()).isEmpty();
        assertThat(request.received().containsHeader("Content-Type")).isFalse();
        assertThat(request.header("X-Project-Id")).isEqualTo(PROJECT);
        assertThat(request.accessKey()).isEqualTo(AK);
        assertThat(request.signedHeaders()).containsExactly("host", "x-project-id", "x-sdk-date");
        assertThat(request.recomputedSignature(SK)).isEqualTo(request.sentSignature());
        assertThat(request.recomputedSignature("another secret key")).isNotEqualTo(request.sentSignature());
    }

    static final Snapshot EXAMPLE_AVAILABLE = new Snapshot(
            SNAPSHOT_ID,
            "snapshot-3",
            "Snapshot-3 description",
            Instant.parse("2026-12-08T03:59:23Z"),
            Instant.parse("2026-12-08T04:01:23Z"),
            500.0,
            SnapshotStatus.AVAILABLE,
            SnapshotType.MANUAL,
            CLUSTER,
            "dws-demo");

    // ---- listSnapshots

    @Test
    void listSnapshotsSendsASignedGetAndReadsTheDocumentsExample() {
        answer(get(urlPathEqualTo(SNAPSHOTS)), 200, example("listSnapshots", "200", "two-snapshots"));
        SnapshotList list;
        try (DwsSnapshotClient client = client().build()) {
            list = client.listSnapshots();
        }

        assertThat(list.count()).isEqualTo(2);
        assertThat(list.requestId()).isEqualTo(REQUEST_ID);
        assertThat(list.snapshots())
                .containsExactly(
                        EXAMPLE_AVAILABLE,
                        new Snapshot(
                                "6b3e1c1e-2d0f-4c37-9a3e-3f1f9b1c2d4e",
                                "snapshot-4",
                                "",
                                Instant.parse("2026-12-08T05:00:00Z"),
                                null,
                                0.0,
                                SnapshotStatus.CREATING,
                                SnapshotType.MANUAL,
                                CLUSTER,
                                "dws-demo"));
        assertThat(received()).singleElement().satisfies(r -> assertSignedWithoutBody(r, "GET", SNAPSHOTS));
    }

    // ---- listClusterSnapshots

    @Test
    void listClusterSnapshotsSendsEveryQueryParameterSignedAndReadsThePage() {
        answer(get(urlPathEqualTo(CLUSTER_SNAPSHOTS)), 200, example("listClusterSnapshots", "200", "first-page"));
        SnapshotPage page;
        try (DwsSnapshotClient client = client().build()) {
            page = client.listClusterSnapshots(ListClusterSnapshotsRequest.builder()
                    .clusterId(CLUSTER)
                    .limit(10)
                    .offset(2)
                    .sortKey(SortKey.NAME)
                    .sortDir(SortDir.ASC)
                    .build());
        }

        assertThat(page)
                .isEqualTo(new SnapshotPage(List.of(EXAMPLE_AVAILABLE), PROJECT, CLUSTER, 1, 2, 10, REQUEST_ID));
        assertThat(received())
                .singleElement()
                .satisfies(r -> assertSignedWithoutBody(
                        r, "GET", CLUSTER_SNAPSHOTS + "?limit=10&offset=2&sort_key=name&sort_dir=asc"));
    }

    @Test
    void listClusterSnapshotsLeavesOutWhatTheRequestDoesNotSay() {
        answer(get(urlPathEqualTo(CLUSTER_SNAPSHOTS)), 200, example("listClusterSnapshots", "200", "first-page"));
        SnapshotPage page;
        try (DwsSnapshotClient client = client().build()) {
            page = client.listClusterSnapshots(ListClusterSnapshotsRequest.of(CLUSTER));
            client.listClusterSnapshots(ListClusterSnapshotsRequest.builder()
                    .clusterId(CLUSTER)
                    .sortDir(SortDir.DESC)
                    .build());
        }

        assertThat(page.offset()).isZero();
        assertThat(page.limit()).isNull();
        assertThat(page.isLast()).isTrue();
        assertThat(received()).hasSize(2);
        assertSignedWithoutBody(received().get(0), "GET", CLUSTER_SNAPSHOTS);
        assertSignedWithoutBody(received().get(1), "GET", CLUSTER_SNAPSHOTS + "?sort_dir=desc");
    }

    // ---- listSnapshotDetails

    @Test
    void listSnapshotDetailsSendsASignedGetAndReadsTheDocumentsExamples() {
        try (DwsSnapshotClient client = client().build()) {
            answer(get(urlPathEqualTo(DETAIL)), 200, example("listSnapshotDetails", "200", "available"));
            assertThat(client.listSnapshotDetails(SNAPSHOT_ID)).isEqualTo(EXAMPLE_AVAILABLE);

            answer(get(urlPathEqualTo(DETAIL)), 200, example("listSnapshotDetails", "200", "creating"));
            Snapshot creating = client.listSnapshotDetails(SNAPSHOT_ID);
            assertThat(creating.status()).isEqualTo(SnapshotStatus.CREATING);
            assertThat(creating.finished()).isNull();
            assertThat(creating.size()).isZero();
        }
        assertThat(received()).hasSize(2).allSatisfy(r -> assertSignedWithoutBody(r, "GET", DETAIL));
    }

    @Test
    void timesAreReadWithOrWithoutZAndUnknownValuesDoNotFailTheAnswer() {
        ObjectNode body =
                (ObjectNode) example("listSnapshotDetails", "200", "available").deepCopy();
        ObjectNode snapshot = (ObjectNode) body.get("snapshot");
        snapshot.put("started", "2026-12-08T03:59:23"); // as older answers write it
        snapshot.put("finished", "2026-12-08T12:01:23.5+08:00");
        snapshot.put("status", "DELETING"); // a state this client does not know
        snapshot.put("type", "AUTOMATED"); // the older name of AUTO
        snapshot.put("new_field", "ignored");
        answer(get(urlPathEqualTo(DETAIL)), 200, body);
        try (DwsSnapshotClient client = client().build()) {
            Snapshot read = client.listSnapshotDetails(SNAPSHOT_ID);

            assertThat(read.started()).isEqualTo(Instant.parse("2026-12-08T03:59:23Z"));
            assertThat(read.finished()).isEqualTo(Instant.parse("2026-12-08T04:01:23.5Z"));
            assertThat(read.status()).isEqualTo(SnapshotStatus.UNKNOWN);
            assertThat(read.type()).isEqualTo(SnapshotType.AUTO);

            snapshot.put("type", "SHARED");
            snapshot.put("status", "available");
            snapshot.put("started", "yesterday");
            snapshot.remove("description");
            answer(get(urlPathEqualTo(DETAIL)), 200, body);
            read = client.listSnapshotDetails(SNAPSHOT_ID);
            assertThat(read.type()).isEqualTo(SnapshotType.UNKNOWN);
            assertThat(read.status()).isEqualTo(SnapshotStatus.AVAILABLE);
            assertThat(read.started()).isNull();
            assertThat(read.description()).isEmpty();
        }
    }

    @ParameterizedTest(name = "200 with body {0}")
    @ValueSource(strings = {"not json", "{}", "{\"snapshot\":{}}", "null", ""})
    void aDetailWithoutTheDocumentedBodyIsAnError(String body) {
        answer(get(urlPathEqualTo(DETAIL)), 200, body);
        try (DwsSnapshotClient client = client().build()) {
            DwsServiceException e =
                    catchThrowableOfType(DwsServiceException.class, () -> client.listSnapshotDetails(SNAPSHOT_ID));
            assertThat(e).isExactlyInstanceOf(DwsServiceException.class);
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.rawBody()).isEqualTo(body);
        }
    }

    // ---- deleteSnapshot

    @ParameterizedTest(name = "body \"{0}\"")
    @ValueSource(strings = {"", "{\"job_id\":null}"}) // newer SDKs model an optional body
    void deleteSnapshotSendsASignedDeleteAndTakesA202(String body) {
        SERVER.stubFor(delete(urlPathEqualTo(DETAIL))
                .willReturn(aResponse()
                        .withStatus(202)
                        .withHeader("X-Request-Id", REQUEST_ID)
                        .withBody(body)));
        try (DwsSnapshotClient client = client().build()) {
            client.deleteSnapshot(SNAPSHOT_ID);
        }
        assertThat(received()).singleElement().satisfies(r -> assertSignedWithoutBody(r, "DELETE", DETAIL));
    }

    // ---- every documented error of every new operation

    static Stream<Arguments> documentedErrors() {
        List<Arguments> errors = new ArrayList<>();
        for (String operation :
                List.of("listSnapshots", "listClusterSnapshots", "listSnapshotDetails", "deleteSnapshot")) {
            SpecDocument.operation(operation).path("responses").fieldNames().forEachRemaining(status -> {
                if (!status.startsWith("2")) {
                    SpecDocument.responseExamples(operation, status)
                            .forEach((name, value) ->
                                    errors.add(Arguments.of(operation, Integer.parseInt(status), name, value)));
                }
            });
        }
        return errors.stream();
    }

    static final Map<Integer, Class<?>> EXCEPTIONS = Map.of(
            400,
            BadRequestException.class,
            401,
            UnauthorizedException.class,
            403,
            ForbiddenException.class,
            404,
            NotFoundException.class,
            500,
            InternalServerErrorException.class,
            503,
            ServiceUnavailableException.class);

    @ParameterizedTest(name = "{0}: HTTP {1} {2}")
    @MethodSource("documentedErrors")
    void everyDocumentedErrorIsItsTypedException(String operation, int status, String name, JsonNode body) {
        answer(
                any(urlPathEqualTo(
                        operation.equals("listClusterSnapshots")
                                ? CLUSTER_SNAPSHOTS
                                : operation.equals("listSnapshots") ? SNAPSHOTS : DETAIL)),
                status,
                body);
        DwsServiceException e;
        try (DwsSnapshotClient client = client().build()) {
            e = catchThrowableOfType(DwsServiceException.class, () -> call(client, operation));
        }

        assertThat(e).isExactlyInstanceOf(EXCEPTIONS.get(status));
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.errorCode()).isEqualTo(body.get("error_code").asText());
        assertThat(e.errorMessage()).isEqualTo(body.get("error_msg").asText());
        assertThat(e.requestId()).isEqualTo(REQUEST_ID);
        assertThat(received()).hasSize(1);
    }

    @Test
    void theDocumentedErrorsIncludeTheSnapshotFamilysOwn() {
        assertThat(documentedErrors()
                        .map(a -> a.get()[0] + " " + a.get()[1] + " "
                                + ((JsonNode) a.get()[3]).get("error_code").asText()))
                .contains(
                        "listSnapshotDetails 400 DWS.5149",
                        "deleteSnapshot 400 DWS.0001",
                        "deleteSnapshot 400 DWS.5149",
                        "listClusterSnapshots 404 DWS.0047",
                        "listClusterSnapshots 400 DWS.0001");
    }

    private static void call(DwsSnapshotClient client, String operation) {
        switch (operation) {
            case "listSnapshots" -> client.listSnapshots();
            case "listClusterSnapshots" -> client.listClusterSnapshots(ListClusterSnapshotsRequest.of(CLUSTER));
            case "listSnapshotDetails" -> client.listSnapshotDetails(SNAPSHOT_ID);
            case "deleteSnapshot" -> client.deleteSnapshot(SNAPSHOT_ID);
            default -> throw new IllegalArgumentException(operation);
        }
    }

    // ---- validation before I/O

    static Stream<Arguments> invalidCalls() {
        ListClusterSnapshotsRequest.Builder valid =
                ListClusterSnapshotsRequest.builder().clusterId(CLUSTER);
        return Stream.of(
                invalid("snapshot_id", "snap-1", c -> c.listSnapshotDetails("snap-1")),
                invalid("snapshot_id", null, c -> c.listSnapshotDetails(null)),
                invalid("snapshot_id", SNAPSHOT_ID + "0", c -> c.deleteSnapshot(SNAPSHOT_ID + "0")),
                invalid(
                        "snapshot_id",
                        "../" + SNAPSHOT_ID.substring(3),
                        c -> c.deleteSnapshot("../" + SNAPSHOT_ID.substring(3))),
                invalid("snapshot_id", "not-a-uuid", c -> c.waitUntilAvailable("not-a-uuid")),
                invalid("cluster_id", null, c -> c.listClusterSnapshots(ListClusterSnapshotsRequest.of(null))),
                invalid(
                        "cluster_id",
                        "dws-demo",
                        c -> c.listClusterSnapshots(ListClusterSnapshotsRequest.of("dws-demo"))),
                invalid("limit", 0, c -> c.listClusterSnapshots(valid.limit(0).build())),
                invalid("limit", -5, c -> c.listClusterSnapshots(valid.limit(-5).build())),
                invalid(
                        "offset",
                        -1,
                        c -> c.listClusterSnapshots(valid.limit(10).offset(-1).build())),
                invalid(
                        "limit",
                        0,
                        c -> c.listClusterSnapshotsPaginator(
                                valid.limit(0).offset(0).build())),
                invalid(
                        "cluster_id",
                        null,
                        c -> c.listClusterSnapshotsPaginator(ListClusterSnapshotsRequest.of(null))));
    }

    private static Arguments invalid(String field, Object value, Consumer<DwsSnapshotClient> call) {
        return Arguments.of(field, value, call);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidCalls")
    void anInvalidParameterIsRefusedBeforeAnythingIsSent(String field, Object value, Consumer<DwsSnapshotClient> call) {
        answer(any(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()), 200, "{}");
        DwsValidationException e;
        try (DwsSnapshotClient client = client().build()) {
            e = catchThrowableOfType(DwsValidationException.class, () -> call.accept(client));
        }

        assertThat(e).isNotNull();
        assertThat(e.violations()).isNotEmpty().allSatisfy(v -> {
            assertThat(v.field()).isEqualTo(field);
            assertThat(v.rejectedValue()).isEqualTo(value);
        });
        assertThat(e.getMessage()).contains(field);
        assertThat(SERVER.getAllServeEvents()).isEmpty();
    }

    @Test
    void theRulesAreTheDocuments() {
        try (DwsSnapshotClient client = client().build()) {
            DwsValidationException e = catchThrowableOfType(
                    DwsValidationException.class,
                    () -> client.listClusterSnapshots(ListClusterSnapshotsRequest.builder()
                            .clusterId("x")
                            .limit(0)
                            .offset(-1)
                            .build()));
            assertThat(e.violations()).extracting(Violation::field).containsOnly("cluster_id", "limit", "offset");
            assertThat(e.violations())
                    .contains(
                            new Violation("limit", 0, "must be greater than or equal to 1"),
                            new Violation("offset", -1, "must be greater than or equal to 0"),
                            new Violation(
                                    "cluster_id",
                                    "x",
                                    "must match \""
                                            + SpecDocument.ROOT
                                                    .at("/components/parameters/ClusterId/schema/pattern")
                                                    .asText()
                                            + "\""));
            assertThat(e.getMessage()).startsWith("Invalid listClusterSnapshots request, not sent: ");

            DwsValidationException id =
                    catchThrowableOfType(DwsValidationException.class, () -> client.listSnapshotDetails("snap-1"));
            assertThat(id.violations())
                    .contains(new Violation(
                            "snapshot_id",
                            "snap-1",
                            "must match \""
                                    + SpecDocument.ROOT
                                            .at("/components/parameters/SnapshotId/schema/pattern")
                                            .asText() + "\""));
        }
        try (DwsSnapshotClient client = client().projectId("NOT-A-PROJECT").build()) {
            DwsValidationException e = catchThrowableOfType(DwsValidationException.class, client::listSnapshots);
            assertThat(e.violations()).extracting(Violation::field).containsOnly("project_id");
        }
        assertThat(SERVER.getAllServeEvents()).isEmpty();
    }

    @Test
    void withValidationOffAnInvalidIdIsSentAndTheServiceDecides() {
        answer(
                get(urlPathEqualTo(SNAPSHOTS + "/snap-1")),
                400,
                example("listSnapshotDetails", "400", "invalid-snapshot-id"));
        try (DwsSnapshotClient client = client().validation(false).build()) {
            BadRequestException e =
                    catchThrowableOfType(BadRequestException.class, () -> client.listSnapshotDetails("snap-1"));
            assertThat(e.errorCode()).isEqualTo("DWS.5149");
        }
        assertThat(received()).hasSize(1);
    }

    @Test
    void aClosedClientRefusesEveryCall() {
        DwsSnapshotClient client = client().build();
        client.close();
        for (Runnable call : List.<Runnable>of(
                client::listSnapshots,
                () -> client.listSnapshotDetails(SNAPSHOT_ID),
                () -> client.deleteSnapshot(SNAPSHOT_ID),
                () -> client.waitUntilAvailable(SNAPSHOT_ID),
                () -> client.listClusterSnapshots(ListClusterSnapshotsRequest.of(CLUSTER)),
                () -> client.listClusterSnapshotsPaginator(ListClusterSnapshotsRequest.of(CLUSTER)))) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(call::run))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        }
        assertThat(SERVER.getAllServeEvents()).isEmpty();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
