package org.opendws.snapshot.mock.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.mock.World;
import org.opendws.snapshot.mock.auth.AuthMode;
import org.opendws.snapshot.mock.auth.Authenticator;
import org.opendws.snapshot.mock.auth.LockoutRegistry;
import org.opendws.snapshot.mock.fault.FaultInjector;
import org.opendws.snapshot.mock.request.MockRequest;
import org.opendws.snapshot.mock.spec.OpenApiDocument;
import org.opendws.snapshot.mock.world.WorldState;

/** The gateway driven without any server: a {@link MockRequest} in, an {@link Gateway.Admission} out. */
class GatewayTest {
    private static final String PATH = "/v1.0/" + World.DEFAULT_PROJECT_ID + "/snapshots";
    private static final byte[] BODY = ("{\"snapshot\":{\"name\":\"gate\",\"cluster_id\":\"" + World.DEFAULT_CLUSTER_ID
                    + "\"}}")
            .getBytes(StandardCharsets.UTF_8);
    private final OpenApiDocument document = OpenApiDocument.load();
    private final Gateway gateway = new Gateway(
            document,
            new Authenticator(
                    AuthMode.AKSK,
                    new WorldState(World.defaultWorld(), document.idRules()),
                    new LockoutRegistry(5, Duration.ofMinutes(5)),
                    Clock.systemUTC(),
                    Duration.ofMinutes(15)),
            new FaultInjector(document, 0, List.of()),
            null,
            Duration.ofSeconds(30));

    @Test
    void whatIsNoOperationOfTheDocumentPassesUntouched() {
        assertThat(gateway.admit(request("GET", "/docs/", Map.of(), new byte[0]), "id"))
                .isSameAs(Gateway.Admission.NOT_AN_OPERATION);
    }

    @Test
    void aKnownTokenIsAdmittedAsItsPrincipal() {
        Gateway.Admission admission =
                gateway.admit(request("POST", PATH, Map.of("X-Auth-Token", World.DEFAULT_TOKEN), BODY), "id");

        assertThat(admission.refusal()).isNull();
        assertThat(admission.fault()).isNull();
        assertThat(admission.principal().name()).isEqualTo(World.DEFAULT_TOKEN_ID);
    }

    @Test
    void noCredentialsAreRefusedWith401() {
        Gateway.Admission admission = gateway.admit(request("POST", PATH, Map.of(), BODY), "id");

        assertThat(admission.refusal().status()).isEqualTo(401);
        assertThat(admission.principal()).isNull();
    }

    @Test
    void theProjectIsCheckedBeforeAFaultIsAnswered() {
        Gateway.Admission admission = gateway.admit(
                request(
                        "POST",
                        PATH,
                        Map.of(
                                "X-Auth-Token",
                                World.DEFAULT_TOKEN,
                                "X-Project-Id",
                                "0".repeat(32),
                                "Prefer",
                                "code=503"),
                        BODY),
                "id");

        assertThat(admission.refusal().status()).isEqualTo(403);
        assertThat(admission.fault()).isNull();
    }

    @Test
    void aPreferredFaultAndDelayAreAnsweredAfterAuthentication() {
        Gateway.Admission admission = gateway.admit(
                request(
                        "POST",
                        PATH,
                        Map.of("X-Auth-Token", World.DEFAULT_TOKEN, "Prefer", "code=503, delay=20"),
                        BODY),
                "the-id");

        assertThat(admission.fault())
                .extracting(Gateway.Fault::status, Gateway.Fault::preferred)
                .containsExactly(503, true);
        assertThat(admission.fault().body()).asString().contains("the-id");
        assertThat(admission.delay()).isEqualTo(Duration.ofMillis(20));
    }

    private static MockRequest request(String method, String path, Map<String, String> headers, byte[] body) {
        List<Map.Entry<String, String>> all = new ArrayList<>(headers.entrySet());
        all.add(Map.entry("Host", "127.0.0.1"));
        return new MockRequest(method, path, null, all, body);
    }
}
