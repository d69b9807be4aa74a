package org.opendws.snapshot.contract.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendws.snapshot.mock.hardening.SecretsRun.AK;
import static org.opendws.snapshot.mock.hardening.SecretsRun.CLUSTER;
import static org.opendws.snapshot.mock.hardening.SecretsRun.PROJECT;
import static org.opendws.snapshot.mock.hardening.SecretsRun.SECURITY_TOKEN;
import static org.opendws.snapshot.mock.hardening.SecretsRun.SK;
import static org.opendws.snapshot.mock.hardening.SecretsRun.TEMPORARY_AK;
import static org.opendws.snapshot.mock.hardening.SecretsRun.TEMPORARY_SK;
import static org.opendws.snapshot.mock.hardening.SecretsRun.TOKEN;
import static org.opendws.snapshot.mock.hardening.SecretsRun.UNKNOWN_TOKEN;
import static org.opendws.snapshot.mock.hardening.SecretsRun.WRONG_SK;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.client.DwsSnapshotClient;
import org.opendws.snapshot.client.error.DwsException;
import org.opendws.snapshot.client.retry.RetryPolicy;
import org.opendws.snapshot.mock.hardening.SecretsRun;

/**
 * The client's half of the mock's {@code SecretsTest}: calls through the client, with request
 * logging on, to a mock with known secrets (SKs, IAM tokens, a security token), good and bad
 * (a wrong SK, an unknown token, an injected 503); all of the output captured (the client's and
 * the mock's), and neither that, nor the journal, nor the admin API's answers, nor the client's
 * exceptions and {@code toString} hold any of them.
 */
class ClientSecretsTest {

    @Test
    void noSecretReachesAnyOutputJournalOrException() {
        try (SecretsRun run = new SecretsRun()) {
            call(run, Credentials.akSk(AK, SK), true);
            call(run, Credentials.akSk(TEMPORARY_AK, TEMPORARY_SK, SECURITY_TOKEN), true);
            call(run, Credentials.token(TOKEN), true);
            call(run, Credentials.akSk(AK, WRONG_SK), false);
            call(run, Credentials.token(UNKNOWN_TOKEN), false);
            run.mock().faults().plan(503, 1);
            call(run, Credentials.akSk(AK, SK), false);
            run.assertNoSecretSeen(15);
        }
    }

    private static void call(SecretsRun run, Credentials credentials, boolean succeeds) {
        try (DwsSnapshotClient client = DwsSnapshotClient.builder()
                .endpoint(run.mock().baseUrl())
                .credentials(credentials)
                .projectId(PROJECT)
                .requestLogging(true)
                .retryPolicy(RetryPolicy.none())
                .readTimeout(Duration.ofSeconds(30))
                .build()) {
            run.seen(client.toString());
            run.seen(credentials.toString());
            try {
                run.seen(client.createSnapshot(run.name("secrets-client-"), CLUSTER, "via the client")
                        .toString());
                assertThat(succeeds).as("the call succeeded").isTrue();
            } catch (DwsException e) {
                assertThat(succeeds).as("the call failed: %s", e).isFalse();
                run.seen(e.toString());
                run.seen(String.valueOf(e.getMessage()));
            }
        }
    }
}
