package org.opendws.snapshot.mock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.opendws.snapshot.mock.DwsMockServer;
import org.opendws.snapshot.mock.SnapshotSeed;
import org.opendws.snapshot.mock.SnapshotView;
import org.opendws.snapshot.mock.World;
import org.opendws.snapshot.mock.hardening.RawRequest.Framing;

/**
 * The mock under generated hostile input, over real HTTP, 10,000 cases a run: 6,000 create
 * bodies (random JSON, type confusion, nulls, duplicate keys, unknown fields, trailing garbage,
 * byte mutations, invalid UTF-8) and 4,000 whole requests (every method, odd request targets
 * for every operation, hostile snapshot and cluster ids and query values, CR/LF and bytes above
 * 0x7f in headers, wrong media types, lying framing). Every answer keeps the
 * {@link ErrorContract}; a 200 is only ever given to a body that is strict UTF-8 JSON the spec
 * accepts; a refused request changes no snapshot (the store's contents before and after are
 * equal; the mock clock is frozen so that no state moves on its own), and only a create adds and
 * only a delete removes one; a valid create still gets its 200 afterwards (checked every 20
 * cases). Among the snapshots are an automated one and one still being created, which no delete
 * may remove.
 *
 * <p>Shrinking is off: it would replay HTTP cases for long, from another thread, on the shared
 * connection; the failing sample is reported as generated, with its seed. Edge cases are off:
 * jqwik would spend the tries (and much time) on the combinators' degenerate corners, which the
 * generators' own lists of awkward values cover.
 */
class HostileInputTest {
    private static final ObjectMapper STRICT_JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static DwsMockServer mock;
    private static RawConnection connection;
    private static RawConnection healthConnection;
    private static final AtomicInteger HEALTH = new AtomicInteger();
    private static final AtomicInteger CASES = new AtomicInteger();

    @BeforeContainer
    static void start() {
        mock = DwsMockServer.builder().start();
        mock.clock().freeze();
        HostileGenerators.knownIds = List.of(
                mock.addSnapshot(SnapshotSeed.builder()
                        .name("protected-auto")
                        .type("AUTO")
                        .build()),
                mock.addSnapshot(SnapshotSeed.builder()
                        .name("protected-creating")
                        .status("CREATING")
                        .started(mock.clock().now())
                        .build()));
        connection = new RawConnection(mock.port());
        healthConnection = new RawConnection(mock.port());
    }

    @AfterContainer
    static void stop() {
        HostileGenerators.knownIds = List.of();
        connection.close();
        healthConnection.close();
        mock.close();
    }

    @Property(tries = 6_000, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void createBodiesNeverBreakTheContract(@ForAll("bodies") byte[] body, @ForAll("bodyFraming") Framing framing) {
        RawRequest request = RawRequest.of("POST", HostileGenerators.PATH)
                .header("X-Auth-Token", World.DEFAULT_TOKEN)
                .header("Content-Type", "application/json")
                .body(body, framing);

        long before = mock.snapshots().size();
        RawConnection.Answer answer = connection.exchange(request.bytes(mock.port()), false);

        ErrorContract.check(request, answer, false, false);
        if (answer.status() == 200) {
            assertOnlyValidBodiesAreStored(request, body, answer);
        } else {
            assertThat(mock.snapshots())
                    .as("a refused create stores nothing: %s", request)
                    .hasSize((int) before);
        }
        assertStillHealthy();
    }

    @Property(tries = 4_000, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void wholeRequestsNeverBreakTheContract(@ForAll("requests") RawRequest request) {
        boolean fresh = framingIsHostile(request);
        if (fresh) {
            connection.close();
        }

        List<SnapshotView> before = mock.snapshots();
        RawConnection.Answer answer = connection.exchange(request.bytes(mock.port()), request.isHead());
        if (fresh) {
            connection.close();
        }

        ErrorContract.check(request, answer, request.isHead(), asksForAFault(request));
        List<SnapshotView> after = mock.snapshots();
        boolean preferred = answer.header("Preference-Applied") != null; // an answer asked for: nothing done
        if (preferred) {
            assertThat(after)
                    .as("nothing changed by %s\n  answered: %s", request, answer)
                    .isEqualTo(before);
        } else if (answer.status() == 200 && "POST".equals(request.method())) {
            assertThat(after)
                    .as("a create adds one: %s", request)
                    .containsAll(before)
                    .hasSize(before.size() + 1);
        } else if (answer.status() == 202 && "DELETE".equals(request.method())) {
            assertThat(before)
                    .as("a delete removes one: %s", request)
                    .containsAll(after)
                    .hasSize(after.size() + 1);
        } else {
            assertThat(after)
                    .as("nothing changed by %s\n  answered: %s", request, answer)
                    .isEqualTo(before);
        }
        assertThat(after)
                .extracting(SnapshotView::id)
                .as("the protected snapshots")
                .containsAll(HostileGenerators.knownIds);
        assertStillHealthy();
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return Arbitraries.oneOf(
                HostileGenerators.snapshotBodies().map(s -> s.getBytes(StandardCharsets.UTF_8)),
                HostileGenerators.json(4).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                HostileGenerators.mutatedBodies(),
                HostileGenerators.validBodies().map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.of(
                                "",
                                " ",
                                "\r\n\t ",
                                "\ufeff",
                                "{}",
                                "[]",
                                "null",
                                "\"snapshot\"",
                                "{\"snapshot\":null}",
                                "{\"snapshot\":{}}",
                                "{\"snapshot\":[]}")
                        .map(s -> s.getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<Framing> bodyFraming() {
        return Arbitraries.of(Framing.LENGTH, Framing.LENGTH, Framing.LENGTH, Framing.CHUNKED);
    }

    @Provide
    Arbitrary<RawRequest> requests() {
        return HostileGenerators.requests(mock.port());
    }

    /** A 200 means a strict UTF-8, duplicate-free JSON object that the spec's own schema accepts. */
    private static void assertOnlyValidBodiesAreStored(RawRequest request, byte[] body, RawConnection.Answer answer) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("a body that is not UTF-8 was stored: " + request + "\n  answered: " + answer);
        }
        // a parser may ignore a leading byte order mark (RFC 8259, section 8.1)
        String document = text.startsWith("\ufeff") ? text.substring(1) : text;
        JsonNode json;
        try {
            json = STRICT_JSON.readTree(document);
        } catch (Exception e) {
            throw new AssertionError("a body that is not strict JSON was stored (" + e.getMessage() + "): " + request
                    + "\n  answered: " + answer);
        }
        assertThat(json.isObject()).as("%s", request).isTrue();
        ValidationReport report = SpecOracle.validateCreate(HostileGenerators.PROJECT, document);
        assertThat(report.getMessages())
                .as("the spec accepts what was stored: %s", request)
                .isEmpty();
        assertThat(answer.text()).matches("\\{\"snapshot\":\\{\"id\":\"[0-9a-f-]{36}\"}}");
    }

    /**
     * A valid create still gets its 200 (on its own connection, so that a broken one cannot hide
     * it): after every 20th case, and after the last.
     */
    private static void assertStillHealthy() {
        if (CASES.incrementAndGet() % 20 == 0) {
            assertHealthy();
        }
    }

    @AfterProperty
    void assertHealthyAfterTheLastCase() {
        assertHealthy();
    }

    private static void assertHealthy() {
        String body = "{\"snapshot\":{\"name\":\"health-" + HEALTH.incrementAndGet() + "\",\"cluster_id\":\""
                + HostileGenerators.CLUSTER + "\"}}";
        RawRequest valid = RawRequest.of("POST", HostileGenerators.PATH)
                .header("X-Auth-Token", World.DEFAULT_TOKEN)
                .json(body);
        RawConnection.Answer answer = healthConnection.exchange(valid.bytes(mock.port()), false);
        assertThat(answer.status())
                .as("a valid request after the case: %s", answer)
                .isEqualTo(200);
    }

    /** A request whose framing may leave bytes on the connection: sent on a fresh one, closed after. */
    private static boolean framingIsHostile(RawRequest request) {
        return request.headers().stream().anyMatch(line -> {
                    String lower = line.toLowerCase(Locale.ROOT);
                    return lower.startsWith("content-length")
                            || lower.startsWith("transfer-encoding")
                            || lower.startsWith("expect")
                            || lower.startsWith("connection")
                            || lower.startsWith("upgrade")
                            || line.indexOf('\r') >= 0
                            || line.indexOf('\n') >= 0
                            || line.isEmpty()
                            || Character.isWhitespace(line.charAt(0))
                            || line.indexOf(':') < 0;
                })
                || !request.method().matches("[A-Za-z-]+")
                || request.target().contains(" ");
    }

    /** {@code Prefer: code=5xx} with valid credentials asks the mock for that fault. */
    private static boolean asksForAFault(RawRequest request) {
        return request.headers().stream()
                .anyMatch(line -> line.toLowerCase(Locale.ROOT).startsWith("prefer:")
                        && line.matches("(?i)prefer:.*code=5\\d\\d.*"));
    }
}
