package org.opendws.snapshot.mock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.opendws.snapshot.mock.DwsMockServer;
import org.opendws.snapshot.mock.front.FrontCreate;
import org.opendws.snapshot.mock.hardening.RawRequest.Framing;
import org.opendws.snapshot.mock.snapshot.CreateFastPath;
import org.opendws.snapshot.mock.world.World;
import org.slf4j.LoggerFactory;

/**
 * The create fast paths ({@code dws.mock.fast-path}: the front, and Tomcat's CreateFastPath
 * behind it) answer exactly as Spring MVC does: every
 * request goes, in the same order, to a mock with the fast path and to one without, over raw
 * HTTP, and the two answers must be the same but for the fresh ids (status, headers, body,
 * whether the connection was closed). The requests mix valid creates (so that the fast path is
 * taken), duplicates, unknown clusters, hostile bodies, and the paths, media types and
 * {@code Accept} headers on the edge of what the fast path takes.
 */
class FastPathAgreementTest {
    private static DwsMockServer fast;
    private static DwsMockServer dispatched;
    private static RawConnection toFast;
    private static RawConnection toDispatched;

    @BeforeContainer
    static void start() {
        fast = DwsMockServer.builder().start();
        dispatched = DwsMockServer.builder().property("dws.mock.fast-path", "false").start();
        toFast = new RawConnection(fast.port()).checkingClose();
        toDispatched = new RawConnection(dispatched.port()).checkingClose();
    }

    @AfterContainer
    static void stop() {
        toFast.close();
        toDispatched.close();
        fast.close();
        dispatched.close();
    }

    @Property(tries = 3_000, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void bothPathsGiveTheSameAnswer(@ForAll("creates") Case sent) {
        // a new connection each time: the front hands a connection to Tomcat at its first request
        // that is not a plain create, and would otherwise see few of the requests after it
        toFast.close();
        toDispatched.close();
        RawConnection.Answer viaFastPath = toFast.exchange(sent.bytes(fast.port()), false);
        RawConnection.Answer viaSpringMvc = toDispatched.exchange(sent.bytes(dispatched.port()), false);

        assertThat(comparable(viaFastPath)).as("%s", sent).isEqualTo(comparable(viaSpringMvc));
    }

    /** A planned fault, answered by the front in the one mock and by Tomcat in the other. */
    @Example
    void faultsAreAnsweredAlike() {
        int answeredByTheFront = taken(FrontCreate.class, () -> {
            for (int status : new int[] {500, 503}) {
                RawRequest create = RawRequest.of("POST", HostileGenerators.PATH).header("X-Auth-Token", World.DEFAULT_TOKEN)
                        .json(HostileGenerators.validBodies().sample());
                fast.faults().plan(status, 1);
                dispatched.faults().plan(status, 1);
                toFast.close(); // a new connection, which the front answers
                toDispatched.close();

                Case sent = new Case(create, "");
                RawConnection.Answer viaFastPath = toFast.exchange(sent.bytes(fast.port()), false);
                RawConnection.Answer viaSpringMvc = toDispatched.exchange(sent.bytes(dispatched.port()), false);

                assertThat(viaFastPath.status()).isEqualTo(status);
                assertThat(comparable(viaFastPath)).isEqualTo(comparable(viaSpringMvc));
            }
        });

        assertThat(answeredByTheFront).isEqualTo(2);
    }

    /**
     * A request sent to both mocks.
     *
     * @param request the request
     * @param host    its {@code Host} header, or empty for the mock's own address
     */
    record Case(RawRequest request, String host) {
        byte[] bytes(int port) {
            return request.bytes(host.isEmpty() ? "127.0.0.1:" + port : host);
        }
    }

    /**
     * The comparison means something only if the one mock takes a fast path and the other not:
     * the front ({@link FrontCreate}) for a plain create; Tomcat's {@link CreateFastPath} when
     * the front passes the connection on.
     */
    @Example
    void onlyTheFastMockTakesTheFastPaths() {
        assertThat(taken(Framing.LENGTH, FrontCreate.class)).containsExactly(1, 0);
        assertThat(taken(Framing.LENGTH, CreateFastPath.class)).containsExactly(0, 0);
        assertThat(taken(Framing.CHUNKED, FrontCreate.class)).containsExactly(0, 0);
        assertThat(taken(Framing.CHUNKED, CreateFastPath.class)).containsExactly(1, 0);
    }

    /**
     * How many times {@code path} logged taking a valid create in the fast mock and in the
     * dispatched one, its body framed {@code framing} (chunks are not the front's).
     */
    private static List<Integer> taken(Framing framing, Class<?> path) {
        List<Integer> counts = new ArrayList<>();
        for (DwsMockServer mock : List.of(fast, dispatched)) {
            RawRequest request = RawRequest.of("POST", HostileGenerators.PATH).header("X-Auth-Token", World.DEFAULT_TOKEN)
                    .header("Content-Type", "application/json")
                    .body(HostileGenerators.validBodies().sample().getBytes(StandardCharsets.UTF_8), framing);
            counts.add(taken(path, () -> {
                try (RawConnection connection = new RawConnection(mock.port())) {
                    assertThat(connection.exchange(request.bytes(mock.port()), false).status()).isEqualTo(200);
                }
            }));
        }
        return counts;
    }

    /** How many times {@code path} logged taking a request (at TRACE) while {@code action} ran. */
    private static int taken(Class<?> path, Runnable action) {
        Logger log = (Logger) LoggerFactory.getLogger(path);
        Level level = log.getLevel();
        ListAppender<ILoggingEvent> taken = new ListAppender<>();
        taken.start();
        log.addAppender(taken);
        log.setLevel(Level.TRACE);
        try {
            action.run();
        } finally {
            log.detachAppender(taken);
            log.setLevel(level);
        }
        return taken.list.size();
    }

    /** Status, headers and body, without what differs from answer to answer (ids, date). */
    private static String comparable(RawConnection.Answer answer) {
        Map<String, Object> headers = new TreeMap<>(answer.headers());
        headers.remove("date");
        headers.remove("x-request-id");
        String body = new String(answer.body(), StandardCharsets.UTF_8)
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>")
                .replaceAll("\"request_id\":\"[0-9a-f]{32}\"", "\"request_id\":\"<id>\"");
        return answer.status() + " " + headers + " closed=" + answer.closed() + " " + body;
    }

    @Provide
    Arbitrary<Case> creates() {
        String project = HostileGenerators.PROJECT;
        Arbitrary<String> paths = Arbitraries.frequency(
                Tuple.of(12, HostileGenerators.PATH),
                Tuple.of(1, "/v1.0/" + project.toUpperCase() + "/snapshots"),
                Tuple.of(1, "/v1.0/%38" + project.substring(1) + "/snapshots"),
                Tuple.of(1, HostileGenerators.PATH + "/"),
                Tuple.of(1, HostileGenerators.PATH + ";x=1"),
                Tuple.of(1, "/v1.0/" + project + "0/snapshots"),
                Tuple.of(1, HostileGenerators.PATH + "?x=1"));
        Arbitrary<String> contentTypes = Arbitraries.oneOf(
                Arbitraries.of("application/json", "application/json; charset=UTF-8", "application/json;charset=utf-8"),
                HostileGenerators.contentTypes());
        Arbitrary<String> accepts = Arbitraries.of(null, null, null, "application/json", "*/*", "text/plain",
                "application/xml", "application/json, text/plain", "application/*", "APPLICATION/JSON", "");
        Arbitrary<byte[]> bodies = Arbitraries.oneOf(
                HostileGenerators.validBodies().map(s -> s.getBytes(StandardCharsets.UTF_8)),
                HostileGenerators.validBodies().map(s -> s.getBytes(StandardCharsets.UTF_8)),
                HostileGenerators.snapshotBodies().map(s -> s.getBytes(StandardCharsets.UTF_8)),
                HostileGenerators.mutatedBodies(),
                Arbitraries.of("{\"snapshot\":{\"name\":\"Taken-name\",\"cluster_id\":\"" + World.DEFAULT_CLUSTER_ID + "\"}}",
                        "{\"snapshot\":{\"name\":\"no-such-cluster\",\"cluster_id\":\"00000000-0000-4000-8000-000000000000\"}}",
                        "", "{}", "null").map(s -> s.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Framing> framings = Arbitraries.of(Framing.LENGTH, Framing.LENGTH, Framing.CHUNKED);
        // what else the front decides on: the connection's end, the project header, credentials, Host
        Arbitrary<List<String>> others = Combinators.combine(
                Arbitraries.of(null, null, null, null, null, null, "Connection: keep-alive", "Connection: close"),
                Arbitraries.of(null, null, null, null, null, null, "X-Project-Id: " + project, "X-Project-Id: other"),
                Arbitraries.of("X-Auth-Token: " + World.DEFAULT_TOKEN, "X-Auth-Token: " + World.DEFAULT_TOKEN,
                        "X-Auth-Token: " + World.DEFAULT_TOKEN, "X-Auth-Token: unknown"))
                .as((connection, projectHeader, token) -> Stream.of(connection, projectHeader, token)
                        .filter(Objects::nonNull).toList());
        Arbitrary<String> hosts = Arbitraries.frequency(Tuple.of(12, ""), Tuple.of(1, "localhost"),
                Tuple.of(1, "[::1]:8080"), Tuple.of(1, "-a"), Tuple.of(1, "a..b"), Tuple.of(1, "[1.2.3.4]"));
        return Combinators.combine(paths, contentTypes, accepts, bodies, framings, others, hosts)
                .as((path, contentType, accept, body, framing, lines, host) -> {
                    RawRequest request = RawRequest.of("POST", path);
                    for (String line : lines) {
                        request = request.line(line);
                    }
                    if (contentType != null) {
                        request = request.header("Content-Type", contentType);
                    }
                    if (accept != null) {
                        request = request.header("Accept", accept);
                    }
                    return new Case(request.body(body, framing), host);
                });
    }
}
