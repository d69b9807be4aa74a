package org.opendws.snapshot.client.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.client.DwsSnapshotClient;
import org.opendws.snapshot.client.error.DwsConnectionException;
import org.opendws.snapshot.client.error.DwsException;
import org.opendws.snapshot.client.error.DwsReadTimeoutException;
import org.opendws.snapshot.client.error.DwsServiceException;
import org.opendws.snapshot.client.error.InternalServerErrorException;
import org.opendws.snapshot.client.hardening.MisbehavingServer.Fault;
import org.opendws.snapshot.client.retry.RetryPolicy;

/**
 * The client against a local server that misbehaves on raw sockets: each fault gives its typed
 * exception (the read timeout is 300 ms, so a stalled server costs that, no more), the server
 * receives exactly as many requests as the retry policy allows, and after 1,000 failures the
 * client has no more threads or open sockets than before (a few of tolerance), none once closed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang fails
class ClientUnderFaultsTest {
    /** The name of OkHttp's process-wide task runner threads. */
    private static final String OKHTTP_TASK_RUNNER = "OkHttp TaskRunner";

    private static final String PROJECT = "89cd04f168b84af6be287f71730fdb4b";
    private static final String CLUSTER = "44b277eb-39be-4921-be31-3d61b43651d7";
    private static final Duration READ_TIMEOUT = Duration.ofMillis(300);
    /**
     * For faults that end with the server closing or answering: long enough that a loaded
     * machine never turns them into a read timeout, and never waited for in full.
     */
    private static final Duration GENEROUS_READ_TIMEOUT = Duration.ofSeconds(15);
    /** retries everything a policy can retry, three attempts */
    private static final RetryPolicy EVERYTHING = RetryPolicy.builder()
            .maxAttempts(3)
            .retryOnConnectionFailure(true)
            .retryOn500(true)
            .retryOn503(true)
            .build();

    private static MisbehavingServer server;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        server = new MisbehavingServer();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @BeforeEach
    void clear() {
        server.resetCount();
        sleeps.clear();
    }

    private DwsSnapshotClient client(String endpoint, RetryPolicy policy, Duration readTimeout) {
        return DwsSnapshotClient.builder()
                .endpoint(endpoint)
                .credentials(Credentials.akSk("FAULTTESTACCESSKEY00", "fault-test-secret-key"))
                .projectId(PROJECT)
                .retryPolicy(policy)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(readTimeout)
                .sleeper(sleeps::add) // retries without waiting
                .build();
    }

    /**
     * Fault, the exception expected, and how many requests reach the server under a policy that
     * retries everything (3 attempts), under the default policy, and under none.
     */
    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(Fault.RESET_MID_RESPONSE, DwsConnectionException.class, 3, 3, 1),
                Arguments.of(Fault.RESET_BEFORE_RESPONSE, DwsConnectionException.class, 3, 3, 1),
                Arguments.of(Fault.TRUNCATED_BODY, DwsConnectionException.class, 3, 3, 1),
                Arguments.of(Fault.CLOSE_WITHOUT_ANSWER, DwsConnectionException.class, 3, 3, 1),
                Arguments.of(Fault.NOT_HTTP, DwsConnectionException.class, 3, 3, 1),
                Arguments.of(Fault.HTML_200, DwsServiceException.class, 1, 1, 1),
                Arguments.of(Fault.BROKEN_JSON_200, DwsServiceException.class, 1, 1, 1),
                Arguments.of(Fault.HTML_500, InternalServerErrorException.class, 3, 1, 1),
                Arguments.of(Fault.NEVER_ANSWER, DwsReadTimeoutException.class, 1, 1, 1),
                Arguments.of(Fault.SLOW_BODY, DwsReadTimeoutException.class, 1, 1, 1),
                Arguments.of(Fault.SLOW_HEADERS, DwsReadTimeoutException.class, 1, 1, 1));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void eachFaultIsItsTypedExceptionRetriedAsThePolicySays(
            Fault fault, Class<? extends DwsException> expected, int withEverything, int withDefaults, int withNone) {
        server.fault(fault);
        int[] received = new int[3];
        RetryPolicy[] policies = {EVERYTHING, RetryPolicy.defaults(), RetryPolicy.none()};
        for (int i = 0; i < policies.length; i++) {
            server.resetCount();
            sleeps.clear();
            Duration readTimeout =
                    DwsReadTimeoutException.class.equals(expected) ? READ_TIMEOUT : GENEROUS_READ_TIMEOUT;
            Throwable thrown;
            try (DwsSnapshotClient client = client(server.endpoint(), policies[i], readTimeout)) {
                thrown = catchThrowable(() -> client.createSnapshot("fault-" + fault, CLUSTER));

                assertThat(thrown).as("%s under %s", fault, policies[i]).isInstanceOf(expected);
                assertThat(thrown.getMessage()).doesNotContain("fault-test-secret-key");
            }
            received[i] = server.requests();
            assertThat(sleeps).as("one wait before each retry").hasSize(received[i] - 1);
            assertThat(thrown.getSuppressed())
                    .as("the earlier attempts' failures, attached to the last")
                    .hasSize(received[i] - 1)
                    .allSatisfy(earlier -> assertThat(earlier).isInstanceOf(expected));
        }
        assertThat(received)
                .as("requests received under: everything, defaults, none")
                .containsExactly(withEverything, withDefaults, withNone);
    }

    @Test
    void aRefusedConnectionIsRetriedAsThePolicySays() throws IOException {
        String closed = closedEndpoint();
        for (RetryPolicy policy : new RetryPolicy[] {EVERYTHING, RetryPolicy.defaults(), RetryPolicy.none()}) {
            sleeps.clear();
            try (DwsSnapshotClient client = client(closed, policy, READ_TIMEOUT)) {
                assertThat(catchThrowable(() -> client.createSnapshot("refused", CLUSTER)))
                        .isInstanceOf(DwsConnectionException.class);
            }
            assertThat(sleeps)
                    .as("retries under %s", policy)
                    .hasSize(policy == RetryPolicy.none() ? 0 : policy.maxAttempts() - 1);
        }
    }

    @Test
    void aHealthyAnswerAfterFaultsStillSucceeds() {
        try (DwsSnapshotClient client = client(server.endpoint(), RetryPolicy.none(), READ_TIMEOUT)) {
            server.fault(Fault.RESET_MID_RESPONSE);
            catchThrowable(() -> client.createSnapshot("before-healthy", CLUSTER));
            server.fault(Fault.OK);

            assertThat(client.createSnapshot("healthy", CLUSTER).id())
                    .isEqualTo("2a4d0f86-67cd-408a-8b66-017454fb7793");
        }
    }

    /**
     * 1,000 failed calls (every fault in turn, the stalling ones less often, and refused
     * connections): the client's threads and open sockets do not grow with them, and once the
     * client is closed the server sees no connection left open.
     */
    @Test
    void thousandFailuresLeakNoThreadsOrConnections() throws Exception {
        Fault[] quick = {
            Fault.RESET_MID_RESPONSE,
            Fault.RESET_BEFORE_RESPONSE,
            Fault.TRUNCATED_BODY,
            Fault.CLOSE_WITHOUT_ANSWER,
            Fault.NOT_HTTP,
            Fault.HTML_200,
            Fault.BROKEN_JSON_200,
            Fault.HTML_500
        };
        String closed = closedEndpoint();
        DwsSnapshotClient client = client(server.endpoint(), RetryPolicy.none(), Duration.ofMillis(150));
        DwsSnapshotClient refusing = client(closed, RetryPolicy.none(), Duration.ofMillis(150));
        fail(client, refusing, quick, 40); // warm-up: pools and lazily started threads exist
        settle();
        int threadsBefore = clientThreads();
        long socketsBefore = openFileDescriptors();

        int failures = fail(client, refusing, quick, 1_000);
        settle();
        int threadsAfter = clientThreads();
        long socketsAfter = openFileDescriptors();
        int openAtServer = server.openConnections();
        client.close();
        refusing.close();
        client = null;
        refusing = null;

        assertThat(failures).isEqualTo(1_000);
        assertThat(okHttpSharedThreads())
                .as("OkHttp's shared task runner threads after 1,000 failures")
                .isLessThanOrEqualTo(4);
        assertThat(threadsAfter)
                .as("client threads after 1,000 failures (before: %s)", threadsBefore)
                .isLessThanOrEqualTo(threadsBefore + 4);
        assertThat(socketsAfter)
                .as("open file descriptors after 1,000 failures (before: %s)", socketsBefore)
                .isLessThanOrEqualTo(socketsBefore + 8);
        assertThat(openAtServer).as("connections still open at the server").isLessThanOrEqualTo(4);
        assertThat(eventually(() -> server.openConnections() == 0))
                .as("no connection left open once the client is closed: %s", server.openConnections())
                .isTrue();
        assertThat(eventually(() -> clientThreads() <= threadsBefore))
                .as("client threads once closed: %s (before: %s)", clientThreads(), threadsBefore)
                .isTrue();
    }

    static Stream<RetryPolicy> policies() {
        return Stream.of(RetryPolicy.defaults(), RetryPolicy.none(), EVERYTHING);
    }

    /**
     * Answers that are not HTTP (a {@code java.net.ProtocolException}, an invalid status line)
     * leave no socket open, whatever the retry policy: the transport closes the connection it
     * failed on. Found by this suite: the JDK's HttpClient, the client's former transport, kept
     * each such socket open for good (as it does under Spring's RestClient, spring-framework
     * issue 35331).
     */
    @ParameterizedTest
    @MethodSource("policies")
    void nonHttpAnswersLeakNoSockets(RetryPolicy policy) {
        try (DwsSnapshotClient client = client(server.endpoint(), policy, READ_TIMEOUT)) {
            server.fault(Fault.NOT_HTTP);
            catchThrowable(() -> client.createSnapshot("not-http", CLUSTER));
            long before = openFileDescriptors();
            server.resetCount();
            for (int i = 0; i < 50; i++) {
                assertThat(catchThrowable(() -> client.createSnapshot("not-http", CLUSTER)))
                        .isInstanceOf(DwsConnectionException.class);
            }

            assertThat(server.requests()).as("answers that were not HTTP").isEqualTo(50 * policy.maxAttempts());
            assertThat(openFileDescriptors())
                    .as("open file descriptors after them (before: %s)", before)
                    .isLessThanOrEqualTo(before + 4);
        }
    }

    /** {@code count} failed calls, every 100th a stalled one, every 5th refused; returns how many failed. */
    private static int fail(DwsSnapshotClient client, DwsSnapshotClient refusing, Fault[] quick, int count) {
        int failed = 0;
        for (int i = 0; i < count; i++) {
            Fault fault =
                    i % 100 == 50 ? Fault.NEVER_ANSWER : i % 100 == 99 ? Fault.SLOW_BODY : quick[i % quick.length];
            server.fault(fault);
            DwsSnapshotClient caller = i % 5 == 4 ? refusing : client;
            String name = "leak-" + (i % 50);
            Throwable thrown = catchThrowable(() -> caller.createSnapshot(name, CLUSTER));
            if (thrown instanceof DwsException) {
                failed++;
            }
        }
        return failed;
    }

    /** Lets finished work end (a dying connection thread, a cancelled timer task) before counting. */
    private static void settle() throws InterruptedException {
        eventually(() -> server.openConnections() <= 4);
        Thread.sleep(200);
    }

    /** Waits up to 15 s for the condition, helping a closed HttpClient to be collected. */
    private static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Live threads other than the test server's and the JVM's own. */
    /**
     * Live threads but the server's and OkHttp's shared task runner's: that runner serves every
     * OkHttp client of the process (not this client) and ends an idle thread only after a minute,
     * so it is bounded on its own ({@link #okHttpSharedThreads()}) rather than counted here.
     */
    private static int clientThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !t.getName().startsWith("misbehaving-server"))
                .filter(t -> !t.getName().startsWith(OKHTTP_TASK_RUNNER))
                .count();
    }

    /** OkHttp's process-wide task runner threads (connection pool clean-up), alive now. */
    private static int okHttpSharedThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith(OKHTTP_TASK_RUNNER))
                .count();
    }

    private static long openFileDescriptors() {
        return ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getOpenFileDescriptorCount();
    }

    private static String closedEndpoint() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }
}
