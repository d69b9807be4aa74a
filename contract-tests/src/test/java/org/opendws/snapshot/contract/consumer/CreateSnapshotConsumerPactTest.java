package org.opendws.snapshot.contract.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.opendws.snapshot.contract.ProviderStates.ACCESS_KEY;
import static org.opendws.snapshot.contract.ProviderStates.CLUSTER_ID;
import static org.opendws.snapshot.contract.ProviderStates.NAME;
import static org.opendws.snapshot.contract.ProviderStates.PROJECT_ID;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opendws.snapshot.auth.AkSkSigner;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.auth.SignRequest;
import org.opendws.snapshot.client.CreatedSnapshot;
import org.opendws.snapshot.client.DwsSnapshotClient;
import org.opendws.snapshot.client.error.BadRequestException;
import org.opendws.snapshot.client.error.DwsServiceException;
import org.opendws.snapshot.client.error.ForbiddenException;
import org.opendws.snapshot.client.error.InternalServerErrorException;
import org.opendws.snapshot.client.error.NotFoundException;
import org.opendws.snapshot.client.error.ServiceUnavailableException;
import org.opendws.snapshot.client.error.UnauthorizedException;
import org.opendws.snapshot.client.retry.RetryPolicy;
import org.opendws.snapshot.contract.Pacts;
import org.opendws.snapshot.contract.ProviderStates;

/**
 * The consumer side: the real public client ({@link DwsSnapshotClient}) against Pact's mock
 * server, one interaction per documented outcome. Each test asserts what the client made of the
 * response; the interactions are written to {@code target/pacts} for the provider and document
 * checks.
 *
 * <p>Values that differ on every run (the signature, the signing time, request and snapshot ids)
 * are matched by regular expressions and written with fixed examples, so the pact file is the
 * same on every run.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Pacts.PROVIDER, pactVersion = PactSpecVersion.V4)
public class CreateSnapshotConsumerPactTest {
    /** The project of every interaction. */
    public static final String PROJECT = "89cd04f168b84af6be287f71730fdb4b";
    /** A cluster that exists in the project. */
    public static final String CLUSTER = "44b277eb-39be-4921-be31-3d61b43651d7";
    /** A cluster that does not. */
    public static final String ABSENT_CLUSTER = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    /** The access key the client signs with, allowed on the project. */
    public static final String ALLOWED_KEY = "MOCKACCESSKEY0000000";
    /** An access key that is valid but not allowed on the project. */
    public static final String OTHER_PROJECTS_KEY = "OTHERPROJECTSKEY0000";
    /**
     * The client's secret key. The pact never holds it: the provider signs with its own secret of
     * each access key, which is why it re-signs every request before replaying it.
     */
    static final String CONSUMER_SECRET_KEY = "consumer-side-secret-key";

    /** The name of the created snapshot: longer than 32 characters, on purpose (see the drift tests). */
    public static final String NEW_NAME = "nightly-warehouse-backup-before-migration";
    /** Its description. */
    public static final String DESCRIPTION = "Before the schema migration";
    /** A name used already in the project. */
    public static final String TAKEN_NAME = "snapshot-3";
    /** A name that breaks the document's pattern (it starts with a digit). */
    public static final String INVALID_NAME = "1abc";

    /** The path of the operation. */
    public static final String PATH = "/v1.0/" + PROJECT + "/snapshots";

    /** Examples written into the pact for values that differ on every run. */
    public static final String EXAMPLE_SDK_DATE = "20261128T045404Z";
    /** Example signature; never valid, the provider re-signs. */
    public static final String EXAMPLE_SIGNATURE = "9fe714d23f9f7bdb9ebcecc606871c2e8d8c485a49a0fd98ec17d616c404f7c3";
    /** Example request id of every answer. */
    public static final String EXAMPLE_REQUEST_ID = "0b8f6c4e2f1a4c8f9d3e7a6b5c4d3e2f";
    /** Example id of the created snapshot. */
    public static final String EXAMPLE_SNAPSHOT_ID = "2a4d0f86-67cd-408a-8b66-017454fb7793";

    /** {@code X-Sdk-Date}: {@code yyyyMMdd'T'HHmmss'Z'}. */
    static final String SDK_DATE_REGEX = "\\d{8}T\\d{6}Z";
    /**
     * The whole {@code Authorization} value, commas included: Pact JVM keeps it one value on both
     * sides (V4 pact files store header values as JSON arrays; its mock server splits only
     * headers known to hold lists, such as {@code Accept}).
     */
    public static final String AUTHORIZATION_REGEX = "SDK-HMAC-SHA256 Access=[A-Za-z0-9]+, "
            + "SignedHeaders=(content-type;)?host;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}";

    static final String REQUEST_ID_REGEX = "\\S+";
    static final String JSON_REGEX = "application/json(;.*)?";

    // ---- the interactions ----

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact created(PactDslWithProvider provider) {
        return respond(
                signed(clusterAndAllowedKey(provider).uponReceiving(Pacts.CREATED), ALLOWED_KEY)
                        .body(snapshot(NEW_NAME, CLUSTER, DESCRIPTION)),
                200,
                new PactDslJsonBody()
                        .object("snapshot")
                        .uuid("id", UUID.fromString(EXAMPLE_SNAPSHOT_ID))
                        .closeObject());
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact invalidName(PactDslWithProvider provider) {
        return respond(
                signed(clusterAndAllowedKey(provider).uponReceiving(Pacts.INVALID_NAME), ALLOWED_KEY)
                        .body(snapshot(INVALID_NAME, CLUSTER, null)),
                400,
                error("DWS.0001", "snapshot.name: must match ^[A-Za-z][A-Za-z0-9_-]*$ (rejected value: 1abc)"));
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact emptyBody(PactDslWithProvider provider) {
        return respond(
                signed(
                        provider.given(
                                        ProviderStates.ACCESS_KEY_ALLOWED,
                                        Map.of(ACCESS_KEY, ALLOWED_KEY, PROJECT_ID, PROJECT))
                                .uponReceiving(Pacts.EMPTY_BODY),
                        ALLOWED_KEY),
                400,
                error("DWS.0006", "The request body is empty."));
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact duplicateName(PactDslWithProvider provider) {
        return respond(
                signed(
                                clusterAndAllowedKey(provider)
                                        .given(
                                                ProviderStates.NAME_TAKEN,
                                                Map.of(PROJECT_ID, PROJECT, NAME, TAKEN_NAME, CLUSTER_ID, CLUSTER))
                                        .uponReceiving(Pacts.DUPLICATE_NAME),
                                ALLOWED_KEY)
                        .body(snapshot(TAKEN_NAME, CLUSTER, null)),
                400,
                error(
                        "DWS.0001",
                        "snapshot.name: a snapshot named snapshot-3 already exists in this project "
                                + "(names are compared without regard to case)"));
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact badSignature(PactDslWithProvider provider) {
        // The message must name the signature: the provider keeps this request's signature, and a
        // 401 for any other reason (unknown key, stale date, split header) would not prove this case.
        String message = "Incorrect IAM authentication information: the signature does not match the request "
                + "(check the canonical request, the SK and the signed headers)";
        return respond(
                signed(
                                clusterAndAllowedKey(provider)
                                        .given(ProviderStates.SIGNED_WITH_ANOTHER_SECRET_KEY)
                                        .uponReceiving(Pacts.BAD_SIGNATURE),
                                ALLOWED_KEY)
                        .body(snapshot(NEW_NAME, CLUSTER, null)),
                401,
                new PactDslJsonBody()
                        .stringValue("error_code", "APIGW.0301")
                        .stringMatcher("error_msg", ".*the signature does not match the request.*", message)
                        .stringMatcher("request_id", REQUEST_ID_REGEX, EXAMPLE_REQUEST_ID));
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact projectNotAllowed(PactDslWithProvider provider) {
        return respond(
                signed(
                                provider.given(
                                                ProviderStates.CLUSTER_EXISTS,
                                                Map.of(PROJECT_ID, PROJECT, CLUSTER_ID, CLUSTER))
                                        .given(
                                                ProviderStates.ACCESS_KEY_NOT_ALLOWED,
                                                Map.of(ACCESS_KEY, OTHER_PROJECTS_KEY, PROJECT_ID, PROJECT))
                                        .uponReceiving(Pacts.PROJECT_NOT_ALLOWED),
                                OTHER_PROJECTS_KEY)
                        .body(snapshot(NEW_NAME, CLUSTER, null)),
                403,
                error("DWS.0015", "The credential is not allowed on project " + PROJECT + "."));
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact unknownCluster(PactDslWithProvider provider) {
        return respond(
                signed(
                                provider.given(
                                                ProviderStates.ACCESS_KEY_ALLOWED,
                                                Map.of(ACCESS_KEY, ALLOWED_KEY, PROJECT_ID, PROJECT))
                                        .given(
                                                ProviderStates.CLUSTER_ABSENT,
                                                Map.of(PROJECT_ID, PROJECT, CLUSTER_ID, ABSENT_CLUSTER))
                                        .uponReceiving(Pacts.UNKNOWN_CLUSTER),
                                ALLOWED_KEY)
                        .body(snapshot(NEW_NAME, ABSENT_CLUSTER, null)),
                404,
                error("DWS.0015", "Cluster " + ABSENT_CLUSTER + " does not exist in this project."));
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact internalError(PactDslWithProvider provider) {
        return respond(
                signed(
                                clusterAndAllowedKey(provider)
                                        .given(ProviderStates.FAILING)
                                        .uponReceiving(Pacts.INTERNAL_ERROR),
                                ALLOWED_KEY)
                        .body(snapshot(NEW_NAME, CLUSTER, null)),
                500,
                error("DWS.0005", "Internal server error."));
    }

    @Pact(consumer = Pacts.CONSUMER)
    public V4Pact unavailable(PactDslWithProvider provider) {
        return respond(
                signed(
                                clusterAndAllowedKey(provider)
                                        .given(ProviderStates.UNAVAILABLE)
                                        .uponReceiving(Pacts.UNAVAILABLE),
                                ALLOWED_KEY)
                        .body(snapshot(NEW_NAME, CLUSTER, null)),
                503,
                error("DWS.0005", "The service is temporarily unavailable. Retry later."));
    }

    // ---- what the client makes of each answer ----

    @Test
    @PactTestFor(pactMethod = "created")
    void returnsTheNewSnapshotsIdAndTheRequestId(MockServer server) {
        try (DwsSnapshotClient client = client(server, ALLOWED_KEY, true)) {
            CreatedSnapshot created = createTheExample(client);

            assertThat(created.id()).isEqualTo(EXAMPLE_SNAPSHOT_ID);
            assertThat(created.requestId()).isEqualTo(EXAMPLE_REQUEST_ID);
        }
    }

    @Test
    @PactTestFor(pactMethod = "invalidName")
    void throwsBadRequestForAnInvalidName(MockServer server) {
        // validation off: the client would refuse this name itself; here the service must
        try (DwsSnapshotClient client = client(server, ALLOWED_KEY, false)) {
            assertServiceError(
                    () -> client.createSnapshot(INVALID_NAME, CLUSTER), BadRequestException.class, 400, "DWS.0001");
        }
    }

    @Test
    @PactTestFor(pactMethod = "emptyBody")
    void theServiceRefusesAnEmptyBody(MockServer server) throws Exception {
        // Sent raw: the client never sends a request without a body. Signed as the client signs.
        URI uri = URI.create(server.getUrl() + PATH);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Project-Id", PROJECT);
        Map<String, String> signature = new AkSkSigner()
                .sign(SignRequest.builder()
                        .method("POST")
                        .host(uri.getAuthority())
                        .rawPath(PATH)
                        .headers(headers)
                        .credentials(Credentials.akSk(ALLOWED_KEY, CONSUMER_SECRET_KEY))
                        .build())
                .headers();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        signature.forEach(request::header);

        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());

        JsonNode error = new ObjectMapper().readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("X-Request-Id")).contains(EXAMPLE_REQUEST_ID);
        assertThat(error.path("error_code").asText()).isEqualTo("DWS.0006");
        assertThat(error.path("request_id").asText()).isEqualTo(EXAMPLE_REQUEST_ID);
    }

    @Test
    @PactTestFor(pactMethod = "duplicateName")
    void throwsBadRequestForATakenName(MockServer server) {
        try (DwsSnapshotClient client = client(server, ALLOWED_KEY, true)) {
            assertServiceError(
                    () -> client.createSnapshot(TAKEN_NAME, CLUSTER), BadRequestException.class, 400, "DWS.0001");
        }
    }

    @Test
    @PactTestFor(pactMethod = "badSignature")
    void throwsUnauthorizedForABadSignature(MockServer server) {
        try (DwsSnapshotClient client = client(server, ALLOWED_KEY, true)) {
            DwsServiceException e = assertServiceError(
                    () -> client.createSnapshot(NEW_NAME, CLUSTER), UnauthorizedException.class, 401, "APIGW.0301");
            assertThat(e.errorMessage()).contains("the signature does not match the request");
        }
    }

    @Test
    @PactTestFor(pactMethod = "projectNotAllowed")
    void throwsForbiddenForAProjectTheKeyMayNotUse(MockServer server) {
        try (DwsSnapshotClient client = client(server, OTHER_PROJECTS_KEY, true)) {
            assertServiceError(
                    () -> client.createSnapshot(NEW_NAME, CLUSTER), ForbiddenException.class, 403, "DWS.0015");
        }
    }

    @Test
    @PactTestFor(pactMethod = "unknownCluster")
    void throwsNotFoundForAnUnknownCluster(MockServer server) {
        try (DwsSnapshotClient client = client(server, ALLOWED_KEY, true)) {
            assertServiceError(
                    () -> client.createSnapshot(NEW_NAME, ABSENT_CLUSTER), NotFoundException.class, 404, "DWS.0015");
        }
    }

    @Test
    @PactTestFor(pactMethod = "internalError")
    void throwsInternalServerErrorOnAFailure(MockServer server) {
        try (DwsSnapshotClient client = client(server, ALLOWED_KEY, true)) {
            assertServiceError(
                    () -> client.createSnapshot(NEW_NAME, CLUSTER),
                    InternalServerErrorException.class,
                    500,
                    "DWS.0005");
        }
    }

    @Test
    @PactTestFor(pactMethod = "unavailable")
    void throwsServiceUnavailableWhenUnavailable(MockServer server) {
        try (DwsSnapshotClient client = client(server, ALLOWED_KEY, true)) {
            assertServiceError(
                    () -> client.createSnapshot(NEW_NAME, CLUSTER), ServiceUnavailableException.class, 503, "DWS.0005");
        }
    }

    // ---- helpers, also used by the drift tests ----

    /** The client the consumer tests drive: no retries, so each interaction is received exactly once. */
    public static DwsSnapshotClient client(MockServer server, String accessKey, boolean validation) {
        return client(server.getUrl(), accessKey, validation);
    }

    /** The client, against any endpoint. */
    public static DwsSnapshotClient client(String endpoint, String accessKey, boolean validation) {
        return DwsSnapshotClient.builder()
                .endpoint(endpoint)
                .credentials(Credentials.akSk(accessKey, CONSUMER_SECRET_KEY))
                .projectId(PROJECT)
                .retryPolicy(RetryPolicy.none())
                .validation(validation)
                .build();
    }

    /** The call of the {@link Pacts#CREATED} interaction. */
    public static CreatedSnapshot createTheExample(DwsSnapshotClient client) {
        return client.createSnapshot(NEW_NAME, CLUSTER, DESCRIPTION);
    }

    /** The two states most interactions start from: the cluster exists, the client's key may use the project. */
    private static PactDslWithState clusterAndAllowedKey(PactDslWithProvider provider) {
        return provider.given(ProviderStates.CLUSTER_EXISTS, Map.of(PROJECT_ID, PROJECT, CLUSTER_ID, CLUSTER))
                .given(ProviderStates.ACCESS_KEY_ALLOWED, Map.of(ACCESS_KEY, ALLOWED_KEY, PROJECT_ID, PROJECT));
    }

    private static PactDslRequestWithPath signed(PactDslRequestWithoutPath request, String accessKey) {
        return request.method("POST")
                .path(PATH)
                .headers("Content-Type", "application/json", "Accept", "application/json", "X-Project-Id", PROJECT)
                .matchHeader("X-Sdk-Date", SDK_DATE_REGEX, EXAMPLE_SDK_DATE)
                .matchHeader(
                        "Authorization",
                        AUTHORIZATION_REGEX,
                        AkSkSigner.ALGORITHM + " Access=" + accessKey
                                + ", SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature="
                                + EXAMPLE_SIGNATURE);
    }

    private static V4Pact respond(PactDslRequestWithPath request, int status, DslPart body) {
        PactDslResponse response = request.willRespondWith()
                .status(status)
                .matchHeader("Content-Type", JSON_REGEX, "application/json")
                .matchHeader("X-Request-Id", REQUEST_ID_REGEX, EXAMPLE_REQUEST_ID)
                .body(body);
        return response.toPact(V4Pact.class);
    }

    private static DslPart snapshot(String name, String clusterId, String description) {
        PactDslJsonBody snapshot = new PactDslJsonBody()
                .object("snapshot")
                .stringValue("name", name)
                .stringValue("cluster_id", clusterId);
        if (description != null) {
            snapshot.stringValue("description", description);
        }
        return snapshot.closeObject();
    }

    private static DslPart error(String errorCode, String exampleMessage) {
        return new PactDslJsonBody()
                .stringValue("error_code", errorCode)
                .stringType("error_msg", exampleMessage)
                .stringMatcher("request_id", REQUEST_ID_REGEX, EXAMPLE_REQUEST_ID);
    }

    private static DwsServiceException assertServiceError(
            Runnable call, Class<? extends DwsServiceException> type, int status, String errorCode) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(type);
        DwsServiceException e = (DwsServiceException) thrown;
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.errorCode()).isEqualTo(errorCode);
        assertThat(e.requestId()).isEqualTo(EXAMPLE_REQUEST_ID);
        return e;
    }
}
