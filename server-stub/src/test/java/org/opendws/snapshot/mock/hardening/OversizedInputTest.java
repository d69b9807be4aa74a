package org.opendws.snapshot.mock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendws.snapshot.mock.DwsMockServer;
import org.opendws.snapshot.mock.World;

/**
 * The handful of huge inputs that a generator should not make 10,000 of: bodies far above the
 * cap (announced or streamed), 10 MB strings and 10,000-deep nesting within a raised cap, and
 * oversized request lines and headers. Each is refused in the error schema without the server
 * reading all of it, and the server stays healthy.
 */
class OversizedInputTest {
    private static final long FIFTY_MB = 50L * 1024 * 1024;
    private static final int MIB = 1024 * 1024;
    private static final long OVERSIZED_HEAD = 128L * MIB;
    private static final String TOKEN = "X-Auth-Token: " + World.DEFAULT_TOKEN + "\r\n";
    private static DwsMockServer mock;
    /** a mock whose body cap lets 10 MB strings reach the JSON parser */
    private static DwsMockServer roomy;

    @BeforeAll
    static void start() {
        mock = DwsMockServer.builder().start();
        roomy = DwsMockServer.builder()
                .property("dws.mock.max-body-size", "32MB")
                .start();
    }

    @AfterAll
    static void stop() {
        mock.close();
        roomy.close();
    }

    /**
     * Content-Length announces 50 MB, 64 KiB are sent, and nothing more until the answer: the
     * 400 arrives, so the server decided without waiting for the rest. Every path, authenticated
     * or not, the admin API and a form body included.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "POST " + HostileGenerators.PATH + "|Content-Type: application/json\r\n",
                "POST " + HostileGenerators.PATH + "|Content-Type: application/json\r\n" + TOKEN,
                "PUT " + HostileGenerators.PATH + "|Content-Type: application/x-www-form-urlencoded\r\n",
                "POST /__admin/snapshots|Content-Type: application/json\r\n",
                "PUT /__admin/credentials/HUGEACCESSKEY0000000|Content-Type: application/json\r\n",
                "POST /__admin/faults|Content-Type: application/json\r\n",
                "POST /no/such/path|Content-Type: application/json\r\n"
            })
    void anAnnouncedBodyAboveTheCapIsRefusedBeforeItIsSent(String target) throws Exception {
        String[] parts = target.split("\\|");
        String head =
                parts[0] + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + parts[1] + "Content-Length: " + FIFTY_MB + "\r\n\r\n";

        StreamingExchange.Result result =
                StreamingExchange.send(mock.port(), head, StreamingExchange.repeated(64 * 1024, (byte) ' '), false);

        assertThat(result.status())
                .as("answered with only 64 KiB of 50 MB sent: %s", result.answer())
                .isEqualTo(400);
        assertRefusedForSize(result);
        assertHealthy(mock);
    }

    /**
     * A chunked body streamed towards 50 MB: the server stops it a little past the cap (it reads
     * at most 1 MiB + 1 byte, answers and closes the connection), far short of the 50 MB.
     */
    @ParameterizedTest
    @ValueSource(strings = {"POST " + HostileGenerators.PATH, "POST /__admin/snapshots"})
    void aStreamedBodyAboveTheCapIsCutShort(String target) throws Exception {
        String head = target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + TOKEN
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";

        StreamingExchange.Result result =
                StreamingExchange.send(mock.port(), head, StreamingExchange.chunked(FIFTY_MB, (byte) ' '), true);

        assertThat(result.status()).as(result.answer()).isEqualTo(400);
        assertRefusedForSize(result);
        assertThat(result.bytesSent())
                .as("bytes sent before the server stopped the body")
                .isGreaterThan(MIB)
                .isLessThan(FIFTY_MB / 2);
        assertHealthy(mock);
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "description", "cluster_id", "unknown"})
    void aTenMegabyteStringIsRefusedWithoutEchoingIt(String field) throws Exception {
        String huge = "a".repeat(10 * MIB);
        String json = "{\"snapshot\":{\"name\":\"big-" + field + "\",\"cluster_id\":\"" + HostileGenerators.CLUSTER
                + "\",\"" + field + "\":\"" + huge + "\"}}";
        if (field.equals("name") || field.equals("cluster_id")) {
            json = "{\"snapshot\":{\"name\":\"" + (field.equals("name") ? huge : "big-cluster") + "\",\"cluster_id\":\""
                    + (field.equals("cluster_id") ? huge : HostileGenerators.CLUSTER) + "\"}}";
        }

        RawConnection.Answer answer = exchange(roomy, json);

        if (field.equals("unknown")) {
            assertThat(answer.status())
                    .as("an unknown field is ignored, whatever its size")
                    .isEqualTo(200);
        } else {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body().length).as("the error does not echo 10 MB").isLessThan(2_000);
            assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("snapshot." + field);
        }
        assertHealthy(roomy);
    }

    @Test
    void aTenMegabyteKeyIsRefused() throws Exception {
        String json = "{\"snapshot\":{\"" + "k".repeat(10 * MIB) + "\":1}}";

        RawConnection.Answer answer = exchange(roomy, json);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().length).isLessThan(2_000);
        assertHealthy(roomy);
    }

    /** 10,000 nested arrays or objects where the body, the snapshot, a field or an unknown field is. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "@",
                "{\"a\":@}",
                "{\"snapshot\":@}",
                "{\"snapshot\":{\"x\":@}}",
                "{\"snapshot\":{\"name\":@}}",
                "objects"
            })
    void tenThousandDeepNestingIsRefused(String where) throws Exception {
        String json = where.equals("objects")
                ? "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)
                : where.replace("@", "[".repeat(10_000) + "]".repeat(10_000));

        RawConnection.Answer answer = exchange(roomy, json);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertHealthy(roomy);
    }

    @Test
    void tenThousandDeepNestingIsRefusedByTheAdminApiToo() throws Exception {
        String json = "{\"project_id\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        RawRequest request = RawRequest.of("POST", "/__admin/snapshots").json(json);
        try (RawConnection connection = new RawConnection(roomy.port())) {
            RawConnection.Answer answer = connection.exchange(request.bytes(roomy.port()), false);

            ErrorContract.check(request, answer, false, false);
            assertThat(answer.status()).isEqualTo(400);
        }
        assertHealthy(roomy);
    }

    /**
     * A 128 MB request line or header: refused after the container's 8 KB limit, not read to the
     * end. So large that the socket buffers on the way (loopback's grow to 32 MB for receiving and
     * 4 MB for sending) cannot take it all before the refusal comes
     * back; with 10 MB, a client once sent everything into them first (CI, 2026-12-02).
     */
    @ParameterizedTest
    @ValueSource(strings = {"target", "header", "many-headers"})
    void anOversizedHeadIsRefusedEarly(String where) throws Exception {
        String start = where.equals("target")
                ? "GET /"
                : "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (where.equals("header") ? "X-Huge: " : "");
        StreamingExchange.Body rest = where.equals("many-headers")
                ? manyHeaders(200_000)
                : StreamingExchange.repeated(OVERSIZED_HEAD, (byte) 'a');

        StreamingExchange.Result result = StreamingExchange.send(mock.port(), start, rest, true);

        assertThat(result.status()).as(result.answer()).isEqualTo(400);
        assertThat(result.header("Content-Type")).startsWith("application/json");
        assertThat(result.header("X-Request-Id")).matches(ErrorContract.REQUEST_ID);
        assertThat(result.body()).contains("\"error_code\":\"DWS.0001\"");
        assertThat(result.bytesSent()).isLessThan(OVERSIZED_HEAD);
        assertHealthy(mock);
    }

    private static StreamingExchange.Body manyHeaders(int count) {
        int[] i = {0};
        return () -> i[0]++ < count ? ("X-H" + i[0] + ": v\r\n").getBytes(StandardCharsets.ISO_8859_1) : null;
    }

    private static void assertRefusedForSize(StreamingExchange.Result result) {
        assertThat(result.header("Content-Type")).startsWith("application/json");
        String requestId = result.header("X-Request-Id");
        assertThat(requestId).matches(ErrorContract.REQUEST_ID);
        assertThat(result.body())
                .contains("\"error_code\":\"DWS.0001\"")
                .contains("larger than 1048576 bytes (dws.mock.max-body-size)")
                .contains("\"request_id\":\"" + requestId + "\"");
    }

    private static RawConnection.Answer exchange(DwsMockServer server, String json) {
        RawRequest request = RawRequest.of("POST", HostileGenerators.PATH)
                .header("X-Auth-Token", World.DEFAULT_TOKEN)
                .json(json);
        try (RawConnection connection = new RawConnection(server.port())) {
            RawConnection.Answer answer = connection.exchange(request.bytes(server.port()), false);
            ErrorContract.check(request, answer, false, false);
            return answer;
        }
    }

    static void assertHealthy(DwsMockServer server) {
        String json = "{\"snapshot\":{\"name\":\"healthy-" + System.nanoTime() + "\",\"cluster_id\":\""
                + HostileGenerators.CLUSTER + "\"}}";
        RawRequest valid = RawRequest.of("POST", HostileGenerators.PATH)
                .header("X-Auth-Token", World.DEFAULT_TOKEN)
                .json(json);
        try (RawConnection connection = new RawConnection(server.port())) {
            assertThat(connection.exchange(valid.bytes(server.port()), false).status())
                    .as("a valid request afterwards")
                    .isEqualTo(200);
        }
    }
}
