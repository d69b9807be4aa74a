package org.opendws.snapshot.contract.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendws.snapshot.contract.ProviderStates.ACCESS_KEY;
import static org.opendws.snapshot.contract.ProviderStates.CLUSTER_ID;
import static org.opendws.snapshot.contract.ProviderStates.COUNT;
import static org.opendws.snapshot.contract.ProviderStates.NAME;
import static org.opendws.snapshot.contract.ProviderStates.PROJECT_ID;
import static org.opendws.snapshot.contract.ProviderStates.SNAPSHOT_ID;
import static org.opendws.snapshot.contract.ProviderStates.STATUS;
import static org.opendws.snapshot.contract.ProviderStates.TYPE;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opendws.snapshot.auth.AkSkSigner;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.auth.SignRequest;
import org.opendws.snapshot.contract.Pacts;
import org.opendws.snapshot.contract.ProviderStates;
import org.opendws.snapshot.mock.DwsMockServer;
import org.opendws.snapshot.mock.SnapshotSeed;
import org.opendws.snapshot.mock.World;

/**
 * Replays every interaction of the pact against the real mock server, started in-process on a
 * free port with an empty world: each provider state builds what it says through the mock's
 * embedding API (clusters, credentials, faults) or its admin API (a stored snapshot), from the
 * state's parameters in the pact.
 *
 * <p>Before each replay the request is signed anew with the secret key the provider holds for the
 * request's access key, over the exact bytes and {@code Host} that are sent; the signing time is
 * the one in the pact, and the mock's clock stands at it. So a stale signature in the pact is never
 * why a case passes or fails. The one exception is the state
 * {@value ProviderStates#SIGNED_WITH_ANOTHER_SECRET_KEY}: that request keeps its signature.
 *
 * <p>Subclasses choose where the requests go ({@link #targetPort()}); {@code SnapshotServiceProviderIT}
 * sends them to the mock itself.
 */
@Provider(Pacts.PROVIDER)
@PactFolder("${" + Pacts.PACT_DIR_PROPERTY + ":target/pacts}")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SnapshotServiceVerification {
    private static final Pattern AUTHORIZATION =
            Pattern.compile("SDK-HMAC-SHA256 Access=([^,\\s]+), SignedHeaders=([^,\\s]+), Signature=\\S+");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The mock server, the provider under test. */
    protected DwsMockServer mock;

    private final ReplayClock clock = new ReplayClock();
    private final HttpClient admin = HttpClient.newHttpClient();
    private boolean keepSignature;

    @BeforeAll
    void startTheMock() {
        mock = DwsMockServer.builder()
                .world(World.builder().build()) // nothing but what the provider states put in
                .clock(clock)
                .port(0)
                .start();
    }

    @AfterAll
    void stopTheMock() {
        if (mock != null) {
            mock.close();
        }
    }

    @BeforeEach
    void resetTheMock(PactVerificationContext context) {
        mock.reset(); // runs before the provider states are set up
        // the states run before the replay: they too see the time the request was signed
        clock.set(signedAt(context.getInteraction()
                .asSynchronousRequestResponse()
                .getRequest()
                .getHeaders()
                .get(AkSkSigner.HEADER_SDK_DATE)
                .get(0)));
        keepSignature = false;
        context.setTarget(new HttpTestTarget(
                "127.0.0.1",
                targetPort(),
                "/",
                () -> provider -> HttpClients.custom()
                        // Pact's default client re-sends a POST answered 503 (Apache HttpClient 5 retries 429
                        // and 503): a replay must reach the provider exactly once
                        .disableAutomaticRetries()
                        .disableRedirectHandling()
                        .build()));
    }

    /** One invocation per interaction of the pact. */
    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void replaysTheInteraction(PactVerificationContext context, ClassicHttpRequest request) throws Exception {
        clock.set(signedAt(header(request, AkSkSigner.HEADER_SDK_DATE)));
        if (!keepSignature) {
            resign(request);
        }
        context.verifyInteraction();
        assertThat(mock.journal())
                .as("requests the mock received for this interaction")
                .hasSize(1);
    }

    /** The port the replayed requests go to. */
    protected int targetPort() {
        return mock.port();
    }

    /** The {@code Host} the server under verification receives, which the signature covers. */
    protected String signedAuthority(URI requestUri) {
        return requestUri.getAuthority();
    }

    // ---- provider states ----

    @State(ProviderStates.CLUSTER_EXISTS)
    void clusterExists(Map<String, Object> params) {
        mock.worldState().putCluster(param(params, PROJECT_ID), param(params, CLUSTER_ID));
    }

    @State(ProviderStates.CLUSTER_ABSENT)
    void clusterAbsent(Map<String, Object> params) {
        mock.worldState().removeCluster(param(params, PROJECT_ID), param(params, CLUSTER_ID));
    }

    @State(ProviderStates.ACCESS_KEY_ALLOWED)
    void accessKeyAllowed(Map<String, Object> params) {
        String accessKey = param(params, ACCESS_KEY);
        mock.worldState()
                .putCredential(new World.Credential(
                        accessKey, secretKeyOf(accessKey), null, Set.of(param(params, PROJECT_ID))));
    }

    @State(ProviderStates.ACCESS_KEY_NOT_ALLOWED)
    void accessKeyNotAllowed(Map<String, Object> params) {
        String accessKey = param(params, ACCESS_KEY);
        // valid, but allowed on no project (the state's project included)
        mock.worldState().putCredential(new World.Credential(accessKey, secretKeyOf(accessKey), null, Set.of()));
    }

    @State(ProviderStates.NAME_TAKEN)
    void nameTaken(Map<String, Object> params) throws IOException, InterruptedException {
        // the embedding API has no way to store a snapshot; the admin API has
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("project_id", param(params, PROJECT_ID));
        snapshot.put("name", param(params, NAME));
        snapshot.put("cluster_id", param(params, CLUSTER_ID));
        HttpResponse<String> response = admin.send(
                HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/__admin/snapshots"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(snapshot)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "POST /__admin/snapshots answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Answers the new snapshot's id, which the request's path takes (Pact's provider-state injection). */
    @State(ProviderStates.SNAPSHOT_EXISTS)
    Map<String, Object> snapshotExists(Map<String, Object> params) {
        String status = param(params, STATUS);
        SnapshotSeed.Builder seed = SnapshotSeed.builder()
                .projectId(param(params, PROJECT_ID))
                .clusterId(param(params, CLUSTER_ID))
                .name(param(params, NAME))
                .type(param(params, TYPE))
                .status(status);
        if (status.equals("CREATING")) {
            seed.started(mock.clock().now()); // still being taken when the request comes
        }
        return Map.of(SNAPSHOT_ID, mock.addSnapshot(seed.build()));
    }

    @State(ProviderStates.SNAPSHOT_ABSENT)
    void snapshotAbsent(Map<String, Object> params) {
        String id = param(params, SNAPSHOT_ID);
        assertThat(mock.snapshots()).noneMatch(s -> s.id().equals(id)); // the reset world holds none
    }

    @State(ProviderStates.CLUSTER_HAS_SNAPSHOTS)
    void clusterHasSnapshots(Map<String, Object> params) {
        int count = Integer.parseInt(param(params, COUNT));
        Instant now = mock.clock().now();
        for (int i = 1; i <= count; i++) {
            mock.addSnapshot(SnapshotSeed.builder()
                    .projectId(param(params, PROJECT_ID))
                    .clusterId(param(params, CLUSTER_ID))
                    .name(String.format("snapshot-%03d", i))
                    .started(now.minus(Duration.ofMinutes(count + 1 - i)).truncatedTo(ChronoUnit.SECONDS))
                    .build());
        }
    }

    @State(ProviderStates.SIGNED_WITH_ANOTHER_SECRET_KEY)
    void signedWithAnotherSecretKey() {
        keepSignature = true;
    }

    @State(ProviderStates.FAILING)
    void failing() {
        mock.faults().plan(500, 1);
    }

    @State(ProviderStates.UNAVAILABLE)
    void unavailable() {
        mock.faults().plan(503, 1);
    }

    // ---- re-signing ----

    /**
     * Signs the request as the client would, with the provider's secret key of the request's
     * access key, over the headers its {@code SignedHeaders} names.
     */
    private void resign(ClassicHttpRequest request) throws Exception {
        Matcher authorization = AUTHORIZATION.matcher(header(request, "Authorization"));
        if (!authorization.matches()) {
            throw new IllegalStateException(
                    "the pact's Authorization is not an SDK-HMAC-SHA256 one: " + header(request, "Authorization"));
        }
        String accessKey = authorization.group(1);
        World.Credential credential = mock.worldState()
                .credential(accessKey)
                .orElseThrow(() -> new IllegalStateException(
                        "no provider state made a credential for the access key " + accessKey));
        URI uri = request.getUri();
        SignRequest.Builder resigned = SignRequest.builder()
                .method(request.getMethod())
                .host(signedAuthority(uri))
                .rawPath(uri.getRawPath())
                .rawQuery(uri.getRawQuery())
                .body(request.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(request.getEntity()))
                .credentials(Credentials.akSk(accessKey, credential.secretKey(), credential.securityToken()));
        // host, x-sdk-date and x-security-token come from the target, the clock and the credential
        for (String name : authorization.group(2).split(";")) {
            if (!name.equals("host") && !name.equals("x-sdk-date") && !name.equals("x-security-token")) {
                resigned.header(name, header(request, name));
            }
        }
        new AkSkSigner(clock).sign(resigned.build()).headers().forEach(request::setHeader);
    }

    /** The provider's own secret key of an access key; the consumer never knows it. */
    private static String secretKeyOf(String accessKey) {
        return "provider-side-secret-of-" + accessKey;
    }

    private static Instant signedAt(String sdkDate) {
        return AkSkSigner.SDK_DATE_FORMAT.parse(sdkDate, Instant::from);
    }

    private static String header(ClassicHttpRequest request, String name) {
        Header header = request.getFirstHeader(name);
        if (header == null) {
            throw new IllegalStateException("the pact's request has no " + name + " header");
        }
        return header.getValue();
    }

    private static String param(Map<String, Object> params, String key) {
        Object value = params.get(key);
        if (!(value instanceof String text)) {
            throw new IllegalStateException("the provider state has no parameter " + key + ": " + params);
        }
        return text;
    }
}
