package org.opendws.snapshot.mock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.opendws.snapshot.mock.hardening.RawRequest.Framing;
import org.opendws.snapshot.mock.snapshot.CreateFastPath;
import org.opendws.snapshot.mock.world.World;
import org.slf4j.LoggerFactory;

/**
 * The create fast path ({@code dws.mock.fast-path}) answers exactly as Spring MVC does: every
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
        toFast = new RawConnection(fast.port());
        toDispatched = new RawConnection(dispatched.port());
    }

    @AfterContainer
    static void stop() {
        toFast.close();
        toDispatched.close();
        fast.close();
        dispatched.close();
    }

    @Property(tries = 3_000, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void bothPathsGiveTheSameAnswer(@ForAll("creates") RawRequest request) {
        RawConnection.Answer viaFastPath = toFast.exchange(request.bytes(fast.port()), false);
        RawConnection.Answer viaSpringMvc = toDispatched.exchange(request.bytes(dispatched.port()), false);

        assertThat(comparable(viaFastPath)).as("%s", request).isEqualTo(comparable(viaSpringMvc));
    }

    /** The comparison means something only if the one mock takes the fast path and the other not. */
    @Example
    void onlyTheFastMockTakesTheFastPath() {
        Logger log = (Logger) LoggerFactory.getLogger(CreateFastPath.class);
        Level level = log.getLevel();
        ListAppender<ILoggingEvent> taken = new ListAppender<>();
        taken.start();
        log.addAppender(taken);
        log.setLevel(Level.TRACE);
        try {
            for (DwsMockServer mock : List.of(fast, dispatched)) {
                RawRequest create = RawRequest.of("POST", HostileGenerators.PATH).header("X-Auth-Token", World.DEFAULT_TOKEN)
                        .json(HostileGenerators.validBodies().sample());
                try (RawConnection connection = new RawConnection(mock.port())) {
                    assertThat(connection.exchange(create.bytes(mock.port()), false).status()).isEqualTo(200);
                }
            }
        } finally {
            log.detachAppender(taken);
            log.setLevel(level);
        }
        assertThat(taken.list).hasSize(1);
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
    Arbitrary<RawRequest> creates() {
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
        return Combinators.combine(paths, contentTypes, accepts, bodies, framings)
                .as((path, contentType, accept, body, framing) -> {
                    RawRequest request = RawRequest.of("POST", path).header("X-Auth-Token", World.DEFAULT_TOKEN);
                    if (contentType != null) {
                        request = request.header("Content-Type", contentType);
                    }
                    if (accept != null) {
                        request = request.header("Accept", accept);
                    }
                    return request.body(body, framing);
                });
    }
}
