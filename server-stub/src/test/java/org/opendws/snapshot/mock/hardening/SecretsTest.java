package org.opendws.snapshot.mock.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendws.snapshot.mock.hardening.SecretsRun.ADMIN_SK;
import static org.opendws.snapshot.mock.hardening.SecretsRun.ADMIN_TOKEN;
import static org.opendws.snapshot.mock.hardening.SecretsRun.AK;
import static org.opendws.snapshot.mock.hardening.SecretsRun.PROJECT;
import static org.opendws.snapshot.mock.hardening.SecretsRun.SECURITY_TOKEN;
import static org.opendws.snapshot.mock.hardening.SecretsRun.SK;
import static org.opendws.snapshot.mock.hardening.SecretsRun.TEMPORARY_AK;
import static org.opendws.snapshot.mock.hardening.SecretsRun.TEMPORARY_SK;
import static org.opendws.snapshot.mock.hardening.SecretsRun.TOKEN;
import static org.opendws.snapshot.mock.hardening.SecretsRun.UNKNOWN_TOKEN;
import static org.opendws.snapshot.mock.hardening.SecretsRun.WRONG_SK;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.auth.AkSkSigner;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.mock.support.DwsHttp;

/**
 * A run with known secrets (SKs, IAM tokens, a security token, the Authorization values and
 * signatures sent), good and bad, well formed and not, through raw requests
 * ({@link SecretsRun}: all of the mock's output captured): neither the output, nor any error
 * body, nor the journal, nor the admin API's answers hold any of them. The same through the
 * client, with its request logging on, is the contract tests' {@code ClientSecretsTest}.
 */
class SecretsTest {

    @Test
    void noSecretReachesAnyOutputErrorBodyJournalOrAdminAnswer() {
        try (SecretsRun run = new SecretsRun()) {
            rawRequests(run);
            run.assertNoSecretSeen(30);
        }
    }

    private static void rawRequests(SecretsRun run) {
        RawConnection connection = run.connection();
        send(run, signed(run, AK, SK, null, Map.of()), 200);
        send(run, signed(run, TEMPORARY_AK, TEMPORARY_SK, SECURITY_TOKEN, Map.of()), 200);
        send(run, token(run, TOKEN), 200);
        send(run, signed(run, AK, SK, null, Map.of("Prefer", "code=500")), 500);
        send(run, signed(run, AK, WRONG_SK, null, Map.of()), 401);
        send(run, token(run, UNKNOWN_TOKEN), 401);
        send(run, signed(run, TEMPORARY_AK, TEMPORARY_SK, SECURITY_TOKEN + "x", Map.of()), 401);
        run.secret(SECURITY_TOKEN + "x");
        send(run, signed(run, AK, SK, SECURITY_TOKEN, Map.of()), 401);
        RawRequest withoutToken = signed(run, TEMPORARY_AK, TEMPORARY_SK, SECURITY_TOKEN, Map.of());
        send(
                run,
                new RawRequest(
                        withoutToken.method(),
                        withoutToken.target(),
                        withoutToken.headers().stream()
                                .filter(h -> !h.startsWith(AkSkSigner.HEADER_SECURITY_TOKEN))
                                .toList(),
                        withoutToken.body(),
                        withoutToken.framing()),
                401);
        // the SK where it does not belong, in malformed Authorization headers
        for (String authorization : List.of(
                AkSkSigner.ALGORITHM + " " + SK,
                AkSkSigner.ALGORITHM + " Access=" + AK + ", SignedHeaders=host;x-sdk-date, Signature=" + SK,
                AkSkSigner.ALGORITHM + " Access=" + AK + ", Secret=" + SK + ", SignedHeaders=host;x-sdk-date",
                AkSkSigner.ALGORITHM + " Access=" + AK + ", SignedHeaders=host;x-sdk-date, " + SK + "=x, Signature=a",
                AkSkSigner.ALGORITHM + " Access=" + AK + ", " + SK + "=1, " + SK + "=2",
                "Bearer " + SK,
                SK)) {
            send(
                    run,
                    RawRequest.of("POST", HostileGenerators.PATH)
                            .header("Authorization", authorization)
                            .header("X-Sdk-Date", "20261128T045404Z")
                            .json(run.body()),
                    401);
        }
        // a header the container refuses outright, with a token in it
        connection.close();
        send(
                run,
                RawRequest.of("POST", HostileGenerators.PATH)
                        .header("X-Auth-Token", TOKEN + "\u0001" + UNKNOWN_TOKEN)
                        .json(run.body()),
                400);
        connection.close();
        // lockout: the sixth failure locks, the good signature after it is refused
        for (int i = 0; i < 6; i++) {
            send(run, signed(run, AK, WRONG_SK, null, Map.of()), 401);
        }
        send(run, signed(run, AK, SK, null, Map.of()), 401);
        run.mock().reset();
        // secrets handed to the admin API
        run.seen(run.admin(
                "PUT",
                "/__admin/credentials/SECRETSTESTADMINAK00",
                "{\"sk\":\"" + ADMIN_SK + "\",\"projects\":[\"" + PROJECT + "\"],\"security_token\":\"" + ADMIN_TOKEN
                        + "\"}"));
        run.seen(run.admin(
                "PUT",
                "/__admin/tokens/secrets-test-admin-token",
                "{\"token\":\"" + ADMIN_TOKEN + "\",\"projects\":[\"" + PROJECT + "\"]}"));
        run.seen(run.admin("PUT", "/__admin/credentials/SECRETSTESTADMINAK01", "{\"sk\":\"" + ADMIN_SK + "\""));
    }

    private static RawRequest signed(
            SecretsRun run, String ak, String sk, String securityToken, Map<String, String> unsigned) {
        String path = HostileGenerators.PATH;
        byte[] body = run.body().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        Map<String, String> added = DwsHttp.signPost(
                Clock.systemUTC(),
                "127.0.0.1:" + run.mock().port(),
                path,
                headers,
                body,
                Credentials.akSk(ak, sk, securityToken));
        String authorization = added.get("Authorization");
        run.secret(authorization);
        run.secret(authorization.substring(authorization.lastIndexOf('=') + 1));
        headers.putAll(added);
        headers.putAll(unsigned);
        RawRequest request = RawRequest.of("POST", path).headers(headers);
        return request.body(body, RawRequest.Framing.LENGTH);
    }

    private static RawRequest token(SecretsRun run, String token) {
        return RawRequest.of("POST", HostileGenerators.PATH)
                .header("X-Auth-Token", token)
                .json(run.body());
    }

    private static void send(SecretsRun run, RawRequest request, int status) {
        RawConnection.Answer answer =
                run.connection().exchange(request.bytes(run.mock().port()), false);
        ErrorContract.check(request, answer, false, status >= 500);
        assertThat(answer.status()).as("%s\n  answered %s", request, answer).isEqualTo(status);
        run.seen(answer.text());
        run.seen(answer.headers().toString());
    }
}
