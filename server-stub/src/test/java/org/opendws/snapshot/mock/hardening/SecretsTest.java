package org.opendws.snapshot.mock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.client.DwsSnapshotClient;
import org.opendws.snapshot.client.auth.AkSkSigner;
import org.opendws.snapshot.client.auth.Credentials;
import org.opendws.snapshot.client.error.DwsException;
import org.opendws.snapshot.client.retry.RetryPolicy;
import org.opendws.snapshot.mock.DwsMockServer;
import org.opendws.snapshot.mock.world.World;

/**
 * A run with known secrets (SKs, IAM tokens, a security token, the Authorization values and
 * signatures sent), good and bad, well formed and not, through raw requests and through the
 * client with request logging on; all of its output is captured (stdout, stderr, every Logback
 * event at TRACE, every java.util.logging record), and neither that, nor any error body, nor
 * the journal, nor the admin API's answers, nor the client's exceptions hold any of them.
 */
class SecretsTest {
    private static final String PROJECT = HostileGenerators.PROJECT;
    private static final String CLUSTER = HostileGenerators.CLUSTER;
    private static final String AK = "SECRETSTESTACCESSKEY";
    private static final String SK = "SecretsTestSecretKeyNeverToBeSeen00000001";
    private static final String TEMPORARY_AK = "SECRETSTESTTEMPORARY";
    private static final String TEMPORARY_SK = "SecretsTestTemporarySecretKeyNeverSeen0002";
    private static final String SECURITY_TOKEN = "SecretsTestSecurityTokenNeverSeen0003";
    private static final String TOKEN = "SecretsTestIamTokenNeverSeen0004";
    private static final String UNKNOWN_TOKEN = "SecretsTestUnknownTokenNeverSeen0005";
    private static final String WRONG_SK = "SecretsTestWrongSecretKeyNeverSeen0006";
    private static final String ADMIN_SK = "SecretsTestAdminGivenSecretKeyNeverSeen0007";
    private static final String ADMIN_TOKEN = "SecretsTestAdminGivenTokenNeverSeen0008";

    private final Set<String> secrets = new LinkedHashSet<>(List.of(SK, TEMPORARY_SK, SECURITY_TOKEN, TOKEN,
            UNKNOWN_TOKEN, WRONG_SK, ADMIN_SK, ADMIN_TOKEN));
    /** every body and message a caller could see */
    private final List<String> seen = new ArrayList<>();
    private int names;

    @Test
    void noSecretReachesAnyOutputErrorBodyJournalOrException() throws Exception {
        String output;
        try (OutputCapture capture = new OutputCapture();
             DwsMockServer mock = DwsMockServer.builder()
                     .world(World.builder().project(PROJECT, CLUSTER)
                             .credential(AK, SK, PROJECT)
                             .credential(new World.Credential(TEMPORARY_AK, TEMPORARY_SK, SECURITY_TOKEN, Set.of(PROJECT)))
                             .token("secrets-test-token", TOKEN, PROJECT)
                             .build())
                     .property("dws.mock.journal.size", "500")
                     // the access log line too (off by default)
                     .property("dws.mock.access-log", "true")
                     .start();
             RawConnection connection = new RawConnection(mock.port())) {
            rawRequests(mock, connection);
            throughTheClient(mock);
            seen.add(admin(mock, connection, "GET", "/__admin/journal", null));
            seen.add(admin(mock, connection, "GET", "/__admin/world", null));
            output = capture.text();
        }

        assertThat(output).as("the run wrote its log lines").contains("request_id=");
        assertThat(seen).hasSizeGreaterThan(30);
        for (String secret : secrets) {
            assertThat(output).as("the captured output").doesNotContain(secret)
                    .doesNotContain(secret.toLowerCase(Locale.ROOT));
            for (String visible : seen) {
                assertThat(visible).as("an answer, the journal or an exception").doesNotContain(secret)
                        .doesNotContain(secret.toLowerCase(Locale.ROOT));
            }
        }
    }

    private void rawRequests(DwsMockServer mock, RawConnection connection) {
        send(mock, connection, signed(mock, AK, SK, null, Map.of()), 200);
        send(mock, connection, signed(mock, TEMPORARY_AK, TEMPORARY_SK, SECURITY_TOKEN, Map.of()), 200);
        send(mock, connection, token(TOKEN), 200);
        send(mock, connection, signed(mock, AK, SK, null, Map.of("Prefer", "code=500")), 500);
        send(mock, connection, signed(mock, AK, WRONG_SK, null, Map.of()), 401);
        send(mock, connection, token(UNKNOWN_TOKEN), 401);
        send(mock, connection, signed(mock, TEMPORARY_AK, TEMPORARY_SK, SECURITY_TOKEN + "x", Map.of()), 401);
        secrets.add(SECURITY_TOKEN + "x");
        send(mock, connection, signed(mock, AK, SK, SECURITY_TOKEN, Map.of()), 401);
        RawRequest withoutToken = signed(mock, TEMPORARY_AK, TEMPORARY_SK, SECURITY_TOKEN, Map.of());
        send(mock, connection, new RawRequest(withoutToken.method(), withoutToken.target(),
                withoutToken.headers().stream().filter(h -> !h.startsWith(AkSkSigner.HEADER_SECURITY_TOKEN)).toList(),
                withoutToken.body(), withoutToken.framing()), 401);
        // the SK where it does not belong, in malformed Authorization headers
        for (String authorization : List.of(
                AkSkSigner.ALGORITHM + " " + SK,
                AkSkSigner.ALGORITHM + " Access=" + AK + ", SignedHeaders=host;x-sdk-date, Signature=" + SK,
                AkSkSigner.ALGORITHM + " Access=" + AK + ", Secret=" + SK + ", SignedHeaders=host;x-sdk-date",
                AkSkSigner.ALGORITHM + " Access=" + AK + ", SignedHeaders=host;x-sdk-date, " + SK + "=x, Signature=a",
                AkSkSigner.ALGORITHM + " Access=" + AK + ", " + SK + "=1, " + SK + "=2",
                "Bearer " + SK,
                SK)) {
            send(mock, connection, RawRequest.of("POST", HostileGenerators.PATH).header("Authorization", authorization)
                    .header("X-Sdk-Date", "20261128T045404Z").json(body()), 401);
        }
        // a header the container refuses outright, with a token in it
        connection.close();
        send(mock, connection, RawRequest.of("POST", HostileGenerators.PATH)
                .header("X-Auth-Token", TOKEN + "\u0001" + UNKNOWN_TOKEN).json(body()), 400);
        connection.close();
        // lockout: the sixth failure locks, the good signature after it is refused
        for (int i = 0; i < 6; i++) {
            send(mock, connection, signed(mock, AK, WRONG_SK, null, Map.of()), 401);
        }
        send(mock, connection, signed(mock, AK, SK, null, Map.of()), 401);
        mock.reset();
        // secrets handed to the admin API
        seen.add(admin(mock, connection, "PUT", "/__admin/credentials/SECRETSTESTADMINAK00",
                "{\"sk\":\"" + ADMIN_SK + "\",\"projects\":[\"" + PROJECT + "\"],\"security_token\":\"" + ADMIN_TOKEN + "\"}"));
        seen.add(admin(mock, connection, "PUT", "/__admin/tokens/secrets-test-admin-token",
                "{\"token\":\"" + ADMIN_TOKEN + "\",\"projects\":[\"" + PROJECT + "\"]}"));
        seen.add(admin(mock, connection, "PUT", "/__admin/credentials/SECRETSTESTADMINAK01", "{\"sk\":\"" + ADMIN_SK + "\""));
    }

    private void throughTheClient(DwsMockServer mock) {
        call(mock, Credentials.akSk(AK, SK), true);
        call(mock, Credentials.akSk(TEMPORARY_AK, TEMPORARY_SK, SECURITY_TOKEN), true);
        call(mock, Credentials.token(TOKEN), true);
        call(mock, Credentials.akSk(AK, WRONG_SK), false);
        call(mock, Credentials.token(UNKNOWN_TOKEN), false);
        mock.faults().plan(503, 1);
        call(mock, Credentials.akSk(AK, SK), false);
    }

    private void call(DwsMockServer mock, Credentials credentials, boolean succeeds) {
        try (DwsSnapshotClient client = DwsSnapshotClient.builder()
                .endpoint(mock.baseUrl())
                .credentials(credentials)
                .projectId(PROJECT)
                .requestLogging(true)
                .retryPolicy(RetryPolicy.none())
                .readTimeout(Duration.ofSeconds(30))
                .build()) {
            seen.add(client.toString());
            seen.add(credentials.toString());
            try {
                seen.add(client.createSnapshot("secrets-client-" + ++names, CLUSTER, "via the client").toString());
                assertThat(succeeds).as("the call succeeded").isTrue();
            } catch (DwsException e) {
                assertThat(succeeds).as("the call failed: %s", e).isFalse();
                seen.add(e.toString());
                seen.add(String.valueOf(e.getMessage()));
            }
        }
    }

    private RawRequest signed(DwsMockServer mock, String ak, String sk, String securityToken,
                              Map<String, String> unsigned) {
        String path = HostileGenerators.PATH;
        byte[] body = body().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        Map<String, String> added = new AkSkSigner().sign("POST", "127.0.0.1:" + mock.port(), path, Map.of(), headers,
                body, ak, sk, securityToken);
        String authorization = added.get("Authorization");
        secrets.add(authorization);
        secrets.add(authorization.substring(authorization.lastIndexOf('=') + 1));
        headers.putAll(added);
        headers.putAll(unsigned);
        RawRequest request = RawRequest.of("POST", path).headers(headers);
        return request.body(body, RawRequest.Framing.LENGTH);
    }

    private RawRequest token(String token) {
        return RawRequest.of("POST", HostileGenerators.PATH).header("X-Auth-Token", token).json(body());
    }

    private String body() {
        return "{\"snapshot\":{\"name\":\"secrets-" + ++names + "\",\"cluster_id\":\"" + CLUSTER + "\"}}";
    }

    private void send(DwsMockServer mock, RawConnection connection, RawRequest request, int status) {
        RawConnection.Answer answer = connection.exchange(request.bytes(mock.port()), false);
        ErrorContract.check(request, answer, false, status >= 500);
        assertThat(answer.status()).as("%s\n  answered %s", request, answer).isEqualTo(status);
        seen.add(answer.text());
        seen.add(answer.headers().toString());
    }

    private static String admin(DwsMockServer mock, RawConnection connection, String method, String path, String json) {
        RawRequest request = json == null ? RawRequest.of(method, path) : RawRequest.of(method, path).json(json);
        RawConnection.Answer answer = connection.exchange(request.bytes(mock.port()), false);
        return answer.status() + " " + answer.headers() + " " + answer.text();
    }
}
