package org.opendws.snapshot.mock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendws.snapshot.mock.DwsMockServer;
import org.opendws.snapshot.mock.World;
import org.opendws.snapshot.mock.hardening.RawRequest.Framing;

/**
 * What the hostile-input suite found, one fixed case each (the generators find them at random;
 * these keep them found): the answer the mock gives now, in the error schema.
 */
class HostileFindingsTest {
    private static final String PATH = HostileGenerators.PATH;
    private static final String CLUSTER = HostileGenerators.CLUSTER;
    private static DwsMockServer mock;

    @BeforeAll
    static void start() {
        mock = DwsMockServer.builder().start();
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    static Stream<Arguments> findings() {
        String valid = "{\"snapshot\":{\"name\":\"finding-%s\",\"cluster_id\":\"" + CLUSTER + "\"}}";
        return Stream.of(
                // Spring MVC answered OPTIONS with an empty 200, Tomcat TRACE with an empty 405 without request id
                Arguments.of(RawRequest.of("OPTIONS", PATH), 405, "The API does not exist: OPTIONS " + PATH),
                // Tomcat answered the server-wide OPTIONS * itself: 200 without request id, Allow listing methods no
                // API has
                Arguments.of(RawRequest.of("OPTIONS", "*"), 405, "The API does not exist: OPTIONS"),
                Arguments.of(
                        RawRequest.of("TRACE", PATH).header("X-Auth-Token", World.DEFAULT_TOKEN),
                        405,
                        "The API does not exist: TRACE " + PATH),
                Arguments.of(
                        RawRequest.of("TRACE", "/__admin/world"), 405, "The API does not exist: TRACE /__admin/world"),
                Arguments.of(RawRequest.of("TRACE", "/META-INF/MANIFEST.MF"), 404, "The API does not exist"),
                // Tomcat's 501 for CONNECT and unknown transfer codings came out as 500-style "Internal server error."
                Arguments.of(RawRequest.of("CONNECT", "127.0.0.1:80"), 400, "does not implement"),
                Arguments.of(
                        RawRequest.of("POST", PATH)
                                .header("Transfer-Encoding", "gzip")
                                .json(valid.formatted(1)),
                        400,
                        "does not implement"),
                // the error page's own path answered 500
                Arguments.of(RawRequest.of("GET", "/error"), 404, "The API does not exist: GET /error."),
                Arguments.of(RawRequest.of("POST", "/error").json("{}"), 404, "The API does not exist: POST /error."),
                // a malformed form body of a PUT/PATCH/DELETE answered 500 (Spring's form filter)
                Arguments.of(
                        RawRequest.of("DELETE", PATH)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .body("a=%zz".getBytes(StandardCharsets.UTF_8), Framing.LENGTH),
                        405,
                        "The API does not exist"),
                Arguments.of(
                        RawRequest.of("PUT", "/__admin/faults")
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .body("a=%zz".getBytes(StandardCharsets.UTF_8), Framing.LENGTH),
                        405,
                        "The API does not exist"),
                // a malformed Origin got a plain-text 403 "Invalid CORS request"
                Arguments.of(RawRequest.of("GET", "/docs/").header("Origin", "http://[x"), 200, null),
                Arguments.of(
                        RawRequest.of("GET", "/nope").header("Origin", "http://[x"), 404, "The API does not exist"),
                // a key given twice was taken with its last value
                Arguments.of(
                        token(RawRequest.of("POST", PATH))
                                .json("{\"snapshot\":{\"name\":\"x\",\"name\":\"dup-key-1\"," + "\"cluster_id\":\""
                                        + CLUSTER + "\"}}"),
                        400,
                        "Duplicate field 'name'"),
                // "description": null was stored as no description, though the spec's description is a string
                Arguments.of(
                        token(RawRequest.of("POST", PATH))
                                .json("{\"snapshot\":{\"name\":\"null-desc\",\"cluster_id\":\"" + CLUSTER
                                        + "\",\"description\":null}}"),
                        400,
                        "snapshot.description: must be a string (rejected value: null)"),
                // overlong UTF-8 (C1 A7 for 'g') was decoded by Jackson into a valid name and stored
                Arguments.of(
                        token(RawRequest.of("POST", PATH))
                                .header("Content-Type", "application/json")
                                .body(
                                        overlong("{\"snapshot\":{\"name\":\"overlong\",\"cluster_id\":\"" + CLUSTER
                                                + "\"}}"),
                                        Framing.LENGTH),
                        400,
                        "The request body is not valid UTF-8 (byte 28)."),
                // the same after a valid two-byte character: the byte counted from the body's start
                Arguments.of(
                        token(RawRequest.of("POST", PATH))
                                .header("Content-Type", "application/json")
                                .body(
                                        overlong(
                                                "{\"snapshot\":{\"description\":\"caf\u00e9\",\"name\":\"overlong\",\"cluster_id\":\""
                                                        + CLUSTER + "\"}}"),
                                        Framing.LENGTH),
                        400,
                        "The request body is not valid UTF-8 (byte 50)."),
                // Prefer: code=99999999999 was reported as code=1215752191 (an int overflow)
                Arguments.of(
                        token(RawRequest.of("POST", PATH))
                                .header("Prefer", "code=99999999999")
                                .json(valid.formatted(2)),
                        400,
                        "Prefer: code=99999999999 is not an HTTP status"));
    }

    @ParameterizedTest
    @MethodSource("findings")
    void answersInTheErrorSchema(RawRequest request, int status, String message) {
        try (RawConnection connection = new RawConnection(mock.port())) {
            RawConnection.Answer answer = connection.exchange(request.bytes(mock.port()), false);

            ErrorContract.check(request, answer, false, false);
            assertThat(answer.status()).as("%s", answer).isEqualTo(status);
            if (message != null) {
                assertThat(answer.text()).contains(message);
            }
        }
        OversizedInputTest.assertHealthy(mock);
    }

    private static RawRequest token(RawRequest request) {
        return request.header("X-Auth-Token", World.DEFAULT_TOKEN);
    }

    /** The body with the 'g' of "overlong" written as the overlong pair C1 A7. */
    private static byte[] overlong(String json) {
        byte[] plain = json.getBytes(StandardCharsets.UTF_8);
        int at = new String(plain, StandardCharsets.ISO_8859_1).indexOf("overlong") + 7; // a byte index
        byte[] out = new byte[plain.length + 1];
        System.arraycopy(plain, 0, out, 0, at);
        out[at] = (byte) (0xC0 | (plain[at] >> 6));
        out[at + 1] = (byte) (0x80 | (plain[at] & 0x3F));
        System.arraycopy(plain, at + 1, out, at + 2, plain.length - at - 1);
        return out;
    }
}
