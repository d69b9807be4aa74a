package org.opendws.snapshot.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.client.retry.RetryPolicy;
import org.slf4j.LoggerFactory;

/**
 * Runs calls with known secrets, request logging on and every logger at TRACE, through success,
 * service errors, validation failures, retries and timeouts; then searches everything logged, every
 * exception (message, toString, stack trace) and every toString for the secrets.
 */
class SecretsInLogsTest {
    static final String AK = "AKIDVISIBLEACCESSKEY";
    static final String SK = "SecretKey-MUST-NOT-LEAK-0123456789";
    static final String SECURITY_TOKEN = "SecurityToken-MUST-NOT-LEAK-abcdef";
    static final String IAM_TOKEN = "IamToken-MUST-NOT-LEAK-MIIEXAMPLE";
    static final String PATH = "/v1.0/" + DwsSnapshotClientTest.PROJECT + "/snapshots";

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final List<Level> levelsBefore = new ArrayList<>();
    private final List<Logger> changed = new ArrayList<>();
    private final StringBuilder everything = new StringBuilder();

    private ch.qos.logback.core.Appender<ILoggingEvent> console;

    @BeforeEach
    void captureEverything() {
        captured.start();
        root.addAppender(captured);
        console = root.getAppender("CONSOLE"); // keep the build log readable: capture only
        root.detachAppender(console);
        for (String name : List.of(
                org.slf4j.Logger.ROOT_LOGGER_NAME,
                "org.opendws",
                "org.opendws.snapshot.client",
                "feign",
                "org.hibernate")) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            changed.add(logger);
            levelsBefore.add(logger.getLevel());
            logger.setLevel(Level.TRACE);
        }
    }

    @AfterEach
    void restore() {
        root.detachAppender(captured);
        if (console != null) {
            root.addAppender(console);
        }
        for (int i = 0; i < changed.size(); i++) {
            changed.get(i).setLevel(levelsBefore.get(i));
        }
    }

    @Test
    void noSecretInAnyLogLineExceptionOrToString() throws IOException {
        SERVER.stubFor(post(urlPathEqualTo(PATH))
                .inScenario("s")
                .whenScenarioStateIs("Started")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("X-Request-Id", "r1")
                        .withBody(SpecDocument.responseExample(200).toString()))
                .willSetStateTo("401"));
        SERVER.stubFor(post(urlPathEqualTo(PATH))
                .inScenario("s")
                .whenScenarioStateIs("401")
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("X-Request-Id", "r2")
                        .withBody(SpecDocument.responseExample(401).toString()))
                .willSetStateTo("503"));
        SERVER.stubFor(post(urlPathEqualTo(PATH))
                .inScenario("s")
                .whenScenarioStateIs("503")
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("X-Request-Id", "r3")
                        .withBody(SpecDocument.responseExample(503).toString())));
        RetryPolicy retry503 =
                RetryPolicy.builder().retryOn503(true).maxAttempts(2).build();

        Credentials temporary = Credentials.akSk(AK, SK, SECURITY_TOKEN);
        Credentials token = Credentials.token(IAM_TOKEN);
        note(temporary.toString());
        note(token.toString());
        for (Credentials credentials : List.of(temporary, token)) {
            try (DwsSnapshotClient client = DwsSnapshotClient.builder()
                    .endpoint(SERVER.baseUrl())
                    .credentials(credentials)
                    .projectId(DwsSnapshotClientTest.PROJECT)
                    .environment(name -> null)
                    .requestLogging(true)
                    .retryPolicy(retry503)
                    .sleeper(delay -> {})
                    .readTimeout(Duration.ofSeconds(5))
                    .build()) {
                note(client.toString());
                SERVER.setScenarioState("s", "Started");
                client.createSnapshot("snapshot-3", DwsSnapshotClientTest.CLUSTER, "Snapshot-3 description");
                note(catchThrowable(() -> client.createSnapshot("snapshot-4", DwsSnapshotClientTest.CLUSTER)));
                note(catchThrowable(() -> client.createSnapshot("snapshot-5", DwsSnapshotClientTest.CLUSTER)));
                note(catchThrowable(() -> client.createSnapshot("1bad", DwsSnapshotClientTest.CLUSTER)));
            }
            try (DwsSnapshotClient refused = DwsSnapshotClient.builder()
                    .endpoint("http://127.0.0.1:" + TransportFailureTest.closedPort())
                    .credentials(credentials)
                    .projectId(DwsSnapshotClientTest.PROJECT)
                    .environment(name -> null)
                    .requestLogging(true)
                    .sleeper(delay -> {})
                    .build()) {
                note(catchThrowable(() -> refused.createSnapshot("snapshot-6", DwsSnapshotClientTest.CLUSTER)));
            }
        }
        for (ILoggingEvent event : captured.list) {
            note(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                note(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }

        String text = everything.toString();
        // the run did log requests, headers, bodies and retries: the search below is not vacuous
        assertThat(text)
                .contains(
                        "POST " + SERVER.baseUrl() + PATH,
                        "Content-Type: application/json",
                        "\"name\":\"snapshot-3\"",
                        "retrying",
                        "HTTP 401",
                        "APIGW.0301",
                        AK);
        assertThat(text).doesNotContain(SK, SECURITY_TOKEN, IAM_TOKEN, "SDK-HMAC-SHA256 Access", "Signature=");
        for (ServeEvent event : SERVER.getAllServeEvents()) {
            String authorization = event.getRequest().getHeader("Authorization");
            if (authorization != null) {
                assertThat(text).doesNotContain(authorization.substring(authorization.indexOf("Signature=") + 10));
            }
        }
    }

    private void note(String text) {
        everything.append(text).append('\n');
    }

    private void note(Throwable thrown) {
        assertThat(thrown).isNotNull();
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        note(thrown.toString());
        note(trace.toString());
    }
}
