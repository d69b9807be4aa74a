package org.opendws.snapshot.mock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opendws.snapshot.mock.DwsMockServer;
import org.opendws.snapshot.mock.World;

/**
 * A run of the mock with known secrets (SKs, IAM tokens, a security token) in its world, all of
 * its output captured (stdout, stderr, every Logback event at TRACE, every
 * {@code java.util.logging} record); what a caller could see of it (answers, exceptions, the
 * journal, the admin API's answers) is collected, and at the end none of it, nor the output, may
 * hold a secret. {@code SecretsTest} runs it with raw requests; the contract tests run it
 * through the client.
 */
public final class SecretsRun implements AutoCloseable {
    public static final String PROJECT = HostileGenerators.PROJECT;
    public static final String CLUSTER = HostileGenerators.CLUSTER;
    public static final String AK = "SECRETSTESTACCESSKEY";
    public static final String SK = "SecretsTestSecretKeyNeverToBeSeen00000001";
    public static final String TEMPORARY_AK = "SECRETSTESTTEMPORARY";
    public static final String TEMPORARY_SK = "SecretsTestTemporarySecretKeyNeverSeen0002";
    public static final String SECURITY_TOKEN = "SecretsTestSecurityTokenNeverSeen0003";
    public static final String TOKEN = "SecretsTestIamTokenNeverSeen0004";
    public static final String UNKNOWN_TOKEN = "SecretsTestUnknownTokenNeverSeen0005";
    public static final String WRONG_SK = "SecretsTestWrongSecretKeyNeverSeen0006";
    public static final String ADMIN_SK = "SecretsTestAdminGivenSecretKeyNeverSeen0007";
    public static final String ADMIN_TOKEN = "SecretsTestAdminGivenTokenNeverSeen0008";

    private final Set<String> secrets = new LinkedHashSet<>(
            List.of(SK, TEMPORARY_SK, SECURITY_TOKEN, TOKEN, UNKNOWN_TOKEN, WRONG_SK, ADMIN_SK, ADMIN_TOKEN));
    /** every body and message a caller could see */
    private final List<String> seen = new ArrayList<>();

    private final OutputCapture capture = new OutputCapture();
    private final DwsMockServer mock;
    private final RawConnection connection;
    private int names;
    private boolean closed;

    /** Starts capturing, then the mock (journal and access log on), and opens a raw connection to it. */
    public SecretsRun() {
        try {
            mock = start();
        } catch (RuntimeException e) {
            capture.close();
            throw e;
        }
        connection = new RawConnection(mock.port());
    }

    private static DwsMockServer start() {
        return DwsMockServer.builder()
                .world(World.builder()
                        .project(PROJECT, CLUSTER)
                        .credential(AK, SK, PROJECT)
                        .credential(new World.Credential(TEMPORARY_AK, TEMPORARY_SK, SECURITY_TOKEN, Set.of(PROJECT)))
                        .token("secrets-test-token", TOKEN, PROJECT)
                        .build())
                .property("dws.mock.journal.size", "500")
                // the access log line too (off by default)
                .property("dws.mock.access-log", "true")
                .start();
    }

    /** The mock. */
    public DwsMockServer mock() {
        return mock;
    }

    /** The raw keep-alive connection to the mock. */
    public RawConnection connection() {
        return connection;
    }

    /** {@code value} must not be seen either (e.g. an Authorization value sent). */
    public void secret(String value) {
        secrets.add(value);
    }

    /** A caller could see {@code text}. */
    public void seen(String text) {
        seen.add(text);
    }

    /** {@code prefix} and a number new in this run. */
    public String name(String prefix) {
        return prefix + ++names;
    }

    /** A create body with a new name. */
    public String body() {
        return "{\"snapshot\":{\"name\":\"" + name("secrets-") + "\",\"cluster_id\":\"" + CLUSTER + "\"}}";
    }

    /** An admin API call over the raw connection: its status, headers and body. */
    public String admin(String method, String path, String json) {
        RawRequest request = json == null
                ? RawRequest.of(method, path)
                : RawRequest.of(method, path).json(json);
        RawConnection.Answer answer = connection.exchange(request.bytes(mock.port()), false);
        return answer.status() + " " + answer.headers() + " " + answer.text();
    }

    /**
     * Reads the journal and the world through the admin API, ends the run, and asserts that no
     * secret is in the output or in anything seen (lower-cased too).
     *
     * @param atLeastSeen how many things a caller saw, at least: that the run did what it should
     */
    public void assertNoSecretSeen(int atLeastSeen) {
        seen.add(admin("GET", "/__admin/journal", null));
        seen.add(admin("GET", "/__admin/world", null));
        String output = capture.text();
        close();

        assertThat(output).as("the run wrote its log lines").contains("request_id=");
        assertThat(seen).hasSizeGreaterThan(atLeastSeen);
        for (String secret : secrets) {
            assertThat(output)
                    .as("the captured output")
                    .doesNotContain(secret)
                    .doesNotContain(secret.toLowerCase(Locale.ROOT));
            for (String visible : seen) {
                assertThat(visible)
                        .as("an answer, the journal or an exception")
                        .doesNotContain(secret)
                        .doesNotContain(secret.toLowerCase(Locale.ROOT));
            }
        }
    }

    /** Closes the connection, stops the mock and the capture; once. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        connection.close();
        mock.close();
        capture.close();
    }
}
