package org.opendws.snapshot.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.client.error.BadRequestException;
import org.opendws.snapshot.client.error.DwsClientErrorException;
import org.opendws.snapshot.client.error.DwsServerErrorException;
import org.opendws.snapshot.client.error.DwsServiceException;
import org.opendws.snapshot.client.error.DwsValidationException;
import org.opendws.snapshot.client.error.ForbiddenException;
import org.opendws.snapshot.client.error.InternalServerErrorException;
import org.opendws.snapshot.client.error.NotFoundException;
import org.opendws.snapshot.client.error.ServiceUnavailableException;
import org.opendws.snapshot.client.error.UnauthorizedException;
import org.opendws.snapshot.client.retry.RetryPolicy;

/** The client against a real local HTTP server (WireMock): the wire request, every answer, retries. */
@Timeout(
        value = 60,
        unit = TimeUnit.SECONDS,
        threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang fails, not sticks
class DwsSnapshotClientTest {
    static final String AK = "MOCKACCESSKEY0000000";
    static final String SK = "MockSecretKeyForLocalDevelopmentOnly0000";
    static final String PROJECT = "89cd04f168b84af6be287f71730fdb4b";
    static final String CLUSTER = "44b277eb-39be-4921-be31-3d61b43651d7";
    static final String PATH = "/v1.0/" + PROJECT + "/snapshots";
    static final String SNAPSHOT_ID = "2a4d0f86-67cd-408a-8b66-017454fb7793";
    static final String REQUEST_ID = "0b8f6c4e2f1a4c8f9d3e7a6b5c4d3e2f";
    /** The exact body of the reference file's signing vectors. */
    static final String VECTOR_BODY =
            "{\"snapshot\":{\"name\":\"snapshot-3\",\"cluster_id\":\"44b277eb-39be-4921-be31-3d61b43651d7\","
                    + "\"description\":\"Snapshot-3 description\"}}";

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    private DwsSnapshotClient.Builder client() {
        return DwsSnapshotClient.builder()
                .endpoint(SERVER.baseUrl())
                .credentials(Credentials.akSk(AK, SK))
                .projectId(PROJECT)
                .environment(name -> null)
                .sleeper(sleeps::add);
    }

    private static void answer(int status, String body) {
        SERVER.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-Request-Id", REQUEST_ID)
                        .withBody(body)));
    }

    private static void answerCreated() {
        answer(200, SpecDocument.responseExample(200).toString());
    }

    private static List<WireRequest> received() {
        List<ServeEvent> events = new ArrayList<>(SERVER.getAllServeEvents());
        java.util.Collections.reverse(events); // WireMock lists the newest first
        return events.stream().map(event -> new WireRequest(event.getRequest())).toList();
    }

    @Test
    void createsASnapshotAndReturnsItsIdAndRequestId() {
        answerCreated();
        try (DwsSnapshotClient client = client().build()) {
            CreatedSnapshot created = client.createSnapshot("snapshot-3", CLUSTER, "Snapshot-3 description");

            assertThat(created).isEqualTo(new CreatedSnapshot(SNAPSHOT_ID, REQUEST_ID));
        }
    }

    @Test
    void theWireRequestIsSignedSoThatAVerifierAcceptsIt() throws Exception {
        answerCreated();
        try (DwsSnapshotClient client = client().build()) {
            client.createSnapshot("snapshot-3", CLUSTER, "Snapshot-3 description");
        }

        assertThat(received()).hasSize(1);
        WireRequest request = received().get(0);
        assertThat(request.received().getMethod().getName()).isEqualTo("POST");
        assertThat(request.received().getUrl()).isEqualTo(PATH);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("X-Project-Id")).isEqualTo(PROJECT);
        assertThat(request.header("Host")).isEqualTo("localhost:" + SERVER.getPort());
        assertThat(request.header("X-Sdk-Date")).matches("\\d{8}T\\d{6}Z");
        assertThat(request.received().getBody()).isEqualTo(VECTOR_BODY.getBytes(StandardCharsets.UTF_8));
        assertThat(new ObjectMapper().readTree(request.received().getBody())).isEqualTo(SpecDocument.requestExample());
        assertThat(request.received().containsHeader("X-Auth-Token")).isFalse();
        assertThat(request.received().containsHeader("X-Security-Token")).isFalse();

        assertThat(request.accessKey()).isEqualTo(AK);
        assertThat(request.signedHeaders()).containsExactly("content-type", "host", "x-project-id", "x-sdk-date");
        assertThat(request.recomputedSignature(SK)).isEqualTo(request.sentSignature());
        assertThat(request.recomputedSignature("another secret key")).isNotEqualTo(request.sentSignature());
    }

    @Test
    void anAbsentDescriptionIsLeftOutOfTheBody() {
        answerCreated();
        try (DwsSnapshotClient client = client().build()) {
            client.createSnapshot("snapshot-3", CLUSTER);
        }

        assertThat(new String(received().get(0).received().getBody(), StandardCharsets.UTF_8))
                .isEqualTo("{\"snapshot\":{\"name\":\"snapshot-3\",\"cluster_id\":\"" + CLUSTER + "\"}}");
    }

    @Test
    void temporaryCredentialsSendAndSignTheSecurityToken() {
        answerCreated();
        try (DwsSnapshotClient client = client().credentials(Credentials.akSk(AK, SK, "session-token-123"))
                .build()) {
            client.createSnapshot("snapshot-3", CLUSTER);
        }

        WireRequest request = received().get(0);
        assertThat(request.header("X-Security-Token")).isEqualTo("session-token-123");
        assertThat(request.signedHeaders())
                .containsExactly("content-type", "host", "x-project-id", "x-sdk-date", "x-security-token");
        assertThat(request.recomputedSignature(SK)).isEqualTo(request.sentSignature());
    }

    @Test
    void anIamTokenIsSentAsXAuthTokenWithoutSignature() {
        answerCreated();
        try (DwsSnapshotClient client =
                client().credentials(Credentials.token("iam-token-abc")).build()) {
            assertThat(client.createSnapshot("snapshot-3", CLUSTER).id()).isEqualTo(SNAPSHOT_ID);
        }

        WireRequest request = received().get(0);
        assertThat(request.header("X-Auth-Token")).isEqualTo("iam-token-abc");
        assertThat(request.received().containsHeader("Authorization")).isFalse();
        assertThat(request.received().containsHeader("X-Sdk-Date")).isFalse();
    }

    @Test
    void credentialsAndProjectIdComeFromTheEnvironmentWhenNotGiven() {
        String envProject = "0123456789abcdef0123456789abcdef";
        SERVER.stubFor(post(urlPathEqualTo("/v1.0/" + envProject + "/snapshots"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(SpecDocument.responseExample(200).toString())));
        Map<String, String> environment = Map.of(
                "HUAWEICLOUD_SDK_AK",
                "ENVACCESSKEY",
                "HUAWEICLOUD_SDK_SK",
                "env-secret",
                "HUAWEICLOUD_SDK_PROJECT_ID",
                envProject,
                "CLOUD_SDK_AK",
                "OTHERACCESSKEY",
                "CLOUD_SDK_SK",
                "other-secret");
        try (DwsSnapshotClient client = DwsSnapshotClient.builder()
                .endpoint(SERVER.baseUrl())
                .environment(environment::get)
                .build()) {
            assertThat(client.projectId()).isEqualTo(envProject);
            client.createSnapshot("snapshot-3", CLUSTER);
        }

        WireRequest request = received().get(0);
        assertThat(request.header("X-Project-Id")).isEqualTo(envProject);
        assertThat(request.accessKey()).isEqualTo("ENVACCESSKEY");
        assertThat(request.recomputedSignature("env-secret")).isEqualTo(request.sentSignature());
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 403, 404, 500, 503})
    void everyDocumentedErrorStatusHasItsOwnException(int status) {
        JsonNode example = SpecDocument.responseExample(status);
        answer(status, example.toString());

        DwsServiceException e;
        try (DwsSnapshotClient client = client().build()) {
            e = catchThrowableOfType(DwsServiceException.class, () -> client.createSnapshot("snapshot-3", CLUSTER));
        }

        Class<?> expected = Map.<Integer, Class<?>>of(
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
                        ServiceUnavailableException.class)
                .get(status);
        assertThat(e)
                .isExactlyInstanceOf(expected)
                .isInstanceOf(status < 500 ? DwsClientErrorException.class : DwsServerErrorException.class);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.errorCode()).isEqualTo(example.get("error_code").asText());
        assertThat(e.errorMessage()).isEqualTo(example.get("error_msg").asText());
        assertThat(e.requestId()).isEqualTo(REQUEST_ID);
        assertThat(e.rawBody()).isEqualTo(example.toString());
        assertThat(e.getMessage()).contains("HTTP " + status, e.errorCode(), e.errorMessage(), REQUEST_ID);
        assertThat(received()).hasSize(1);
    }

    @Test
    void theRequestIdComesFromTheBodyWhenTheHeaderIsMissing() {
        SERVER.stubFor(
                post(urlPathEqualTo(PATH))
                        .willReturn(
                                aResponse()
                                        .withStatus(404)
                                        .withBody(
                                                "{\"error_code\":\"DWS.0015\",\"error_msg\":\"no such cluster\",\"request_id\":\"from-body\"}")));
        try (DwsSnapshotClient client = client().build()) {
            NotFoundException e =
                    catchThrowableOfType(NotFoundException.class, () -> client.createSnapshot("snapshot-3", CLUSTER));
            assertThat(e.requestId()).isEqualTo("from-body");
        }
    }

    @Test
    void undocumentedStatusesStillSplitIntoClientAndServerErrors() {
        try (DwsSnapshotClient client = client().build()) {
            answer(409, "{\"error_code\":\"DWS.0011\",\"error_msg\":\"another operation is running\"}");
            DwsServiceException conflict =
                    catchThrowableOfType(DwsServiceException.class, () -> client.createSnapshot("snapshot-3", CLUSTER));
            assertThat(conflict).isExactlyInstanceOf(DwsClientErrorException.class);
            assertThat(conflict.status()).isEqualTo(409);
            assertThat(conflict.errorCode()).isEqualTo("DWS.0011");

            answer(504, "{\"error_code\":\"APIGW.0208\",\"error_msg\":\"gateway timeout\"}");
            DwsServiceException gateway =
                    catchThrowableOfType(DwsServiceException.class, () -> client.createSnapshot("snapshot-3", CLUSTER));
            assertThat(gateway).isExactlyInstanceOf(DwsServerErrorException.class);
            assertThat(gateway.status()).isEqualTo(504);
        }
    }

    @Test
    void anErrorBodyThatIsNotJsonStillGivesStatusRequestIdAndRawBody() {
        String html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        SERVER.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(502)
                        .withHeader("Content-Type", "text/html")
                        .withHeader("X-Request-Id", "gw-7")
                        .withBody(html)));
        try (DwsSnapshotClient client = client().build()) {
            DwsServiceException e =
                    catchThrowableOfType(DwsServiceException.class, () -> client.createSnapshot("snapshot-3", CLUSTER));

            assertThat(e).isExactlyInstanceOf(DwsServerErrorException.class);
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.requestId()).isEqualTo("gw-7");
            assertThat(e.rawBody()).isEqualTo(html);
            assertThat(e.errorCode()).isNull();
            assertThat(e.errorMessage()).isNull();
            assertThat(e.getMessage()).contains("HTTP 502", "not the documented JSON", "502 Bad Gateway", "gw-7");
        }
    }

    @Test
    void anEmptyErrorBodyIsReportedAsSuch() {
        SERVER.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse().withStatus(500).withHeader("X-Request-Id", "r-1")));
        try (DwsSnapshotClient client = client().build()) {
            InternalServerErrorException e = catchThrowableOfType(
                    InternalServerErrorException.class, () -> client.createSnapshot("snapshot-3", CLUSTER));
            assertThat(e.rawBody()).isEmpty();
            assertThat(e.getMessage()).isEqualTo("HTTP 500 with an empty body (request id: r-1)");
        }
    }

    @ParameterizedTest(name = "200 with body {0}")
    @ValueSource(strings = {"not json", "{}", "{\"snapshot\":{}}", "null", ""})
    void aSuccessWithoutTheDocumentedBodyIsAnError(String body) {
        answer(200, body);
        try (DwsSnapshotClient client = client().build()) {
            DwsServiceException e =
                    catchThrowableOfType(DwsServiceException.class, () -> client.createSnapshot("snapshot-3", CLUSTER));
            assertThat(e).isExactlyInstanceOf(DwsServiceException.class);
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.requestId()).isEqualTo(REQUEST_ID);
            assertThat(e.rawBody()).isEqualTo(body);
        }
    }

    @Test
    void anInvalidRequestIsRefusedBeforeAnythingIsSent() {
        answerCreated();
        try (DwsSnapshotClient client = client().build()) {
            DwsValidationException e = catchThrowableOfType(
                    DwsValidationException.class, () -> client.createSnapshot("1abc", "not-a-uuid", "a<b"));
            assertThat(e.violations())
                    .extracting(DwsValidationException.Violation::field)
                    .containsOnly("snapshot.name", "snapshot.cluster_id", "snapshot.description");
        }
        try (DwsSnapshotClient client = client().projectId("NOT-A-PROJECT").build()) {
            DwsValidationException e = catchThrowableOfType(
                    DwsValidationException.class, () -> client.createSnapshot("snapshot-3", CLUSTER));
            assertThat(e.violations())
                    .extracting(DwsValidationException.Violation::field)
                    .containsOnly("project_id");
        }
        assertThat(SERVER.getAllServeEvents()).isEmpty();
    }

    @Test
    void validationCanBeSwitchedOff() {
        answer(400, SpecDocument.responseExample(400).toString());
        try (DwsSnapshotClient client = client().validation(false).build()) {
            assertThatThrownBy(() -> client.createSnapshot("1abc", CLUSTER)).isInstanceOf(BadRequestException.class);
        }
        assertThat(new String(received().get(0).received().getBody(), StandardCharsets.UTF_8))
                .contains("\"name\":\"1abc\"");
    }

    @Test
    void a503IsRetriedWhenAskedWithGrowingBackoffAndEachAttemptSignedAnew() {
        String flaky = "flaky";
        SERVER.stubFor(post(urlPathEqualTo(PATH))
                .inScenario(flaky)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(503)
                        .withBody(SpecDocument.responseExample(503).toString()))
                .willSetStateTo("second"));
        SERVER.stubFor(post(urlPathEqualTo(PATH))
                .inScenario(flaky)
                .whenScenarioStateIs("second")
                .willReturn(aResponse()
                        .withStatus(503)
                        .withBody(SpecDocument.responseExample(503).toString()))
                .willSetStateTo("third"));
        SERVER.stubFor(post(urlPathEqualTo(PATH))
                .inScenario(flaky)
                .whenScenarioStateIs("third")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("X-Request-Id", "third-try")
                        .withBody(SpecDocument.responseExample(200).toString())));
        RetryPolicy policy = RetryPolicy.builder()
                .maxAttempts(3)
                .retryOn503(true)
                .baseDelay(Duration.ofMillis(100))
                .maxDelay(Duration.ofSeconds(1))
                .jitter(0.5)
                .build();

        try (DwsSnapshotClient client = client().retryPolicy(policy).build()) {
            assertThat(client.createSnapshot("snapshot-3", CLUSTER))
                    .isEqualTo(new CreatedSnapshot(SNAPSHOT_ID, "third-try"));
        }

        assertThat(received())
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.recomputedSignature(SK)).isEqualTo(r.sentSignature()));
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void a500IsRetriedWhenAskedUntilTheAttemptsRunOut() {
        answer(500, SpecDocument.responseExample(500).toString());
        RetryPolicy policy = RetryPolicy.builder()
                .maxAttempts(4)
                .retryOn500(true)
                .baseDelay(Duration.ofMillis(100))
                .maxDelay(Duration.ofMillis(250))
                .jitter(0.2)
                .build();

        try (DwsSnapshotClient client = client().retryPolicy(policy).build()) {
            assertThatThrownBy(() -> client.createSnapshot("snapshot-3", CLUSTER))
                    .isInstanceOf(InternalServerErrorException.class);
        }

        assertThat(received()).hasSize(4);
        assertThat(sleeps).hasSize(3);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(80), Duration.ofMillis(100));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(160), Duration.ofMillis(200));
        assertThat(sleeps.get(2)).isBetween(Duration.ofMillis(200), Duration.ofMillis(250)); // capped at maxDelay
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 503})
    void serverErrorsAreNotRetriedByDefault(int status) {
        answer(status, SpecDocument.responseExample(status).toString());
        try (DwsSnapshotClient client = client().build()) {
            assertThatThrownBy(() -> client.createSnapshot("snapshot-3", CLUSTER))
                    .isInstanceOf(DwsServerErrorException.class);
        }
        assertThat(received()).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 403, 404, 409, 429})
    void clientErrorsAreNeverRetried(int status) {
        answer(status, "{\"error_code\":\"X\",\"error_msg\":\"y\"}");
        RetryPolicy eager = RetryPolicy.builder()
                .maxAttempts(5)
                .retryOn500(true)
                .retryOn503(true)
                .build();
        try (DwsSnapshotClient client = client().retryPolicy(eager).build()) {
            assertThatThrownBy(() -> client.createSnapshot("snapshot-3", CLUSTER))
                    .isInstanceOf(DwsClientErrorException.class);
        }
        assertThat(received()).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void oneClientServesManyThreadsAtOnce() throws Exception {
        answerCreated();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (DwsSnapshotClient client = client().build()) {
            List<Future<CreatedSnapshot>> calls = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                String name = "snap-" + i;
                calls.add(pool.submit(() -> client.createSnapshot(name, CLUSTER)));
            }
            for (Future<CreatedSnapshot> call : calls) {
                assertThat(call.get().id()).isEqualTo(SNAPSHOT_ID);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(received())
                .hasSize(80)
                .allSatisfy(r -> assertThat(r.recomputedSignature(SK)).isEqualTo(r.sentSignature()));
    }

    @Test
    void aClosedClientRefusesCalls() {
        DwsSnapshotClient client = client().build();
        client.close();
        client.close();
        assertThatThrownBy(() -> client.createSnapshot("snapshot-3", CLUSTER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(SERVER.getAllServeEvents()).isEmpty();
    }
}
