package org.opendws.snapshot.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.client.error.BadRequestException;
import org.opendws.snapshot.client.error.DwsConnectTimeoutException;
import org.opendws.snapshot.client.error.DwsConnectionException;
import org.opendws.snapshot.client.error.DwsReadTimeoutException;
import org.opendws.snapshot.client.error.DwsServiceException;
import org.opendws.snapshot.client.error.DwsTimeoutException;
import org.opendws.snapshot.client.retry.RetryPolicy;

/**
 * No answer: refused and broken connections, a connect timeout (a real one, on loopback, against a
 * listening socket whose accept queue is full), a read timeout (a server that answers too late) and
 * a body that stalls half-way. Each is its own exception type, never a service error, and the
 * default policy retries only the connection failures.
 */
@Timeout(
        value = 60,
        unit = TimeUnit.SECONDS,
        threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang fails, not sticks
class TransportFailureTest {
    static final String PROJECT = DwsSnapshotClientTest.PROJECT;
    static final String CLUSTER = DwsSnapshotClientTest.CLUSTER;

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    private DwsSnapshotClient.Builder client(String endpoint) {
        return DwsSnapshotClient.builder()
                .endpoint(endpoint)
                .credentials(Credentials.akSk("AK", "SK"))
                .projectId(PROJECT)
                .environment(name -> null)
                .sleeper(sleeps::add);
    }

    @Test
    void aRefusedConnectionIsRetriedByDefaultThenReported() throws IOException {
        String endpoint = "http://127.0.0.1:" + closedPort();
        Throwable thrown;
        try (DwsSnapshotClient client = client(endpoint).build()) {
            thrown = catchThrowable(() -> client.createSnapshot("snapshot-3", CLUSTER));
        }

        assertThat(thrown)
                .isExactlyInstanceOf(DwsConnectionException.class)
                .hasMessageStartingWith("Cannot connect to " + endpoint + " (refused or unreachable): ConnectException")
                .hasCauseInstanceOf(IOException.class);
        assertThat(((DwsConnectionException) thrown).requestId()).isNull();
        RetryPolicy defaults = RetryPolicy.defaults();
        assertThat(sleeps).hasSize(defaults.maxAttempts() - 1);
        for (int retry = 1; retry < defaults.maxAttempts(); retry++) {
            Duration exponential = defaults.baseDelay().multipliedBy(1L << (retry - 1));
            assertThat(sleeps.get(retry - 1))
                    .isBetween(
                            Duration.ofNanos(Math.round(exponential.toNanos() * (1 - defaults.jitter()))), exponential);
        }
    }

    @Test
    void aRetryRefusedBecauseTheNameIsTakenCarriesTheBrokenAttempt() {
        // the first attempt's connection breaks after the request was sent (the service may have
        // acted on it); the retry is then refused because the snapshot's name exists. With safe
        // create retries off (CreateRecoveryTest covers them on), that 400 is what the caller gets.
        SERVER.stubFor(post(urlPathEqualTo("/v1.0/" + PROJECT + "/snapshots"))
                .inScenario("taken")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("created")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        SERVER.stubFor(post(urlPathEqualTo("/v1.0/" + PROJECT + "/snapshots"))
                .inScenario("taken")
                .whenScenarioStateIs("created")
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-Request-Id", "second-attempt")
                        .withBody(
                                "{\"error_code\":\"DWS.0001\",\"error_msg\":\"The snapshot name already exists.\"}")));
        Throwable thrown;
        try (DwsSnapshotClient client =
                client(SERVER.baseUrl()).recoverCreateRetries(false).build()) {
            thrown = catchThrowable(() -> client.createSnapshot("snapshot-3", CLUSTER));
        }

        assertThat(thrown).isInstanceOf(BadRequestException.class).hasMessageContaining("already exists");
        assertThat(((BadRequestException) thrown).requestId()).isEqualTo("second-attempt");
        assertThat(thrown.getSuppressed())
                .singleElement()
                .isInstanceOf(DwsConnectionException.class)
                .satisfies(first ->
                        assertThat(((DwsConnectionException) first).requestId()).isNull());
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void withoutRetriesARefusedConnectionFailsAtOnce() throws IOException {
        try (DwsSnapshotClient client = client("http://127.0.0.1:" + closedPort())
                .retryPolicy(RetryPolicy.none())
                .build()) {
            assertThat(catchThrowable(() -> client.createSnapshot("snapshot-3", CLUSTER)))
                    .isExactlyInstanceOf(DwsConnectionException.class);
        }
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aConnectTimeoutIsItsOwnType() throws IOException {
        try (FullBacklog server = new FullBacklog();
                DwsSnapshotClient client = client("http://127.0.0.1:" + server.port())
                        .connectTimeout(Duration.ofMillis(300))
                        .retryPolicy(RetryPolicy.none())
                        .build()) {
            Throwable thrown = catchThrowable(() -> client.createSnapshot("snapshot-3", CLUSTER));

            assertThat(thrown)
                    .isExactlyInstanceOf(DwsConnectTimeoutException.class)
                    .isInstanceOf(DwsTimeoutException.class)
                    .isNotInstanceOf(DwsConnectionException.class)
                    .hasMessageContaining("connect timeout of 300 ms");
        }
    }

    @Test
    void aConnectTimeoutIsRetriedByDefault() throws IOException {
        try (FullBacklog server = new FullBacklog();
                DwsSnapshotClient client = client("http://127.0.0.1:" + server.port())
                        .connectTimeout(Duration.ofMillis(200))
                        .build()) {
            assertThat(catchThrowable(() -> client.createSnapshot("snapshot-3", CLUSTER)))
                    .isExactlyInstanceOf(DwsConnectTimeoutException.class);
        }
        assertThat(sleeps).hasSize(RetryPolicy.defaults().maxAttempts() - 1);
    }

    @Test
    void aLateAnswerIsAReadTimeoutAndIsNotRetried() {
        SERVER.stubFor(post(urlPathEqualTo("/v1.0/" + PROJECT + "/snapshots"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(3_000).withBody("{}")));
        try (DwsSnapshotClient client =
                client(SERVER.baseUrl()).readTimeout(Duration.ofMillis(300)).build()) {
            Throwable thrown = catchThrowable(() -> client.createSnapshot("snapshot-3", CLUSTER));

            assertThat(thrown)
                    .isExactlyInstanceOf(DwsReadTimeoutException.class)
                    .isNotInstanceOf(DwsServiceException.class)
                    .hasMessageContaining("read timeout of 300 ms");
        }
        assertThat(sleeps).as("no retry: a retry always sleeps first").isEmpty();
    }

    @Test
    void aServerThatNeverAnswersIsAReadTimeoutAndIsSentOnce() throws Exception {
        try (RawServer server = new RawServer("");
                DwsSnapshotClient client = client("http://127.0.0.1:" + server.port())
                        .readTimeout(Duration.ofMillis(300))
                        .build()) {
            assertThat(catchThrowable(() -> client.createSnapshot("snapshot-3", CLUSTER)))
                    .isExactlyInstanceOf(DwsReadTimeoutException.class);
            assertThat(server.requests()).isEqualTo(1);
        }
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aBodyThatStallsHalfWayIsAReadTimeout() throws Exception {
        String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Request-Id: stalled\r\n"
                + "Content-Length: 60\r\n\r\n{\"snapshot\":";
        try (RawServer server = new RawServer(head);
                DwsSnapshotClient client = client("http://127.0.0.1:" + server.port())
                        .readTimeout(Duration.ofMillis(500))
                        .build()) {
            Throwable thrown = catchThrowable(() -> client.createSnapshot("snapshot-3", CLUSTER));

            assertThat(thrown).isExactlyInstanceOf(DwsReadTimeoutException.class);
            assertThat(server.requests()).isEqualTo(1);
        }
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aConnectionClosedWithoutAnswerIsAConnectionFailure() throws Exception {
        try (RawServer server = new RawServer(null);
                DwsSnapshotClient client = client("http://127.0.0.1:" + server.port())
                        .retryPolicy(RetryPolicy.none())
                        .build()) {
            assertThat(catchThrowable(() -> client.createSnapshot("snapshot-3", CLUSTER)))
                    .isExactlyInstanceOf(DwsConnectionException.class);
        }
    }

    /** A port nothing listens on: bound, then released. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * A listening socket that never accepts, with its accept queue filled up: the kernel then drops
     * new SYNs, so a connect neither succeeds nor is refused until the client's timeout.
     */
    private static final class FullBacklog implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final List<Socket> queued = new ArrayList<>();

        FullBacklog() throws IOException {
            for (int i = 0; i < 64; i++) {
                Socket socket = new Socket();
                try {
                    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), 200);
                    queued.add(socket);
                } catch (SocketTimeoutException queueFull) {
                    socket.close();
                    return;
                }
            }
            close();
            throw new IllegalStateException(
                    "the accept queue never filled up: no connect timeout can be produced here");
        }

        int port() {
            return listener.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            for (Socket socket : queued) {
                socket.close();
            }
            listener.close();
        }
    }

    /**
     * A one-connection-at-a-time HTTP server that reads a request and writes {@code head} (then holds
     * the connection open until closed; an empty head answers nothing at all), or closes the
     * connection at once when {@code head} is null.
     */
    private static final class RawServer implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private final CountDownLatch stop = new CountDownLatch(1);
        private final Thread thread;
        private volatile int requests;

        RawServer(String head) throws IOException {
            thread = new Thread(() -> serve(head), "raw-test-server");
            thread.setDaemon(true);
            thread.start();
        }

        private void serve(String head) {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    open.add(socket);
                    InputStream in = socket.getInputStream();
                    in.read(new byte[16 * 1024]);
                    requests++;
                    if (head == null) {
                        socket.close();
                        continue;
                    }
                    OutputStream out = socket.getOutputStream();
                    out.write(head.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    stop.await(10, TimeUnit.SECONDS);
                } catch (IOException | InterruptedException closed) {
                    return;
                }
            }
        }

        int port() {
            return listener.getLocalPort();
        }

        int requests() {
            return requests;
        }

        @Override
        public void close() throws Exception {
            stop.countDown();
            listener.close();
            for (Socket socket : open) {
                socket.close();
            }
            thread.join(5_000);
        }
    }
}
