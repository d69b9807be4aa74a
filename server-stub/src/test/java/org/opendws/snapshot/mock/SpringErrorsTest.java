package org.opendws.snapshot.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opendws.snapshot.mock.CreateSnapshotTest.assertError;
import static org.opendws.snapshot.mock.support.DwsHttp.PATH;
import static org.opendws.snapshot.mock.support.DwsHttp.body;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opendws.snapshot.auth.AkSkSigner;
import org.opendws.snapshot.mock.support.DwsHttp.Response;
import org.opendws.snapshot.mock.support.MockServerTestBase;
import org.opendws.snapshot.mock.support.RawHttp;
import org.opendws.snapshot.mock.web.MockPipeline;
import org.slf4j.MDC;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised by Spring or the container come out in the spec's error schema too, with the
 * request id; no Whitelabel page, no stack trace. The request id is in the request's log line.
 */
@Import(SpringErrorsTest.Failing.class)
@ExtendWith(OutputCaptureExtension.class)
// these tests read the access log line, which test runs otherwise leave out (logback-test.xml)
@TestPropertySource(properties = {"dws.mock.access-log=true", "logging.level.org.opendws.snapshot.mock.access=INFO"})
class SpringErrorsTest extends MockServerTestBase {

    /** Endpoints that fail the way a bug would, and that show the MDC. */
    @RestController
    static class Failing {
        @GetMapping("/test/boom")
        String boom() {
            throw new IllegalStateException("internal detail that must not leak");
        }

        @GetMapping("/test/mdc")
        String mdc() {
            return MDC.get("request_id");
        }
    }

    @Test
    void unknownPathIs404() {
        Response response = http.get("/v2/whatever");

        assertError(response, 404, "APIGW.0101");
        assertThat(response.message()).isEqualTo("The API does not exist: GET /v2/whatever.");
    }

    @Test
    void wrongMethodIs405() {
        Response response = http.send("DELETE", PATH, null, Map.of(), false);

        assertError(response, 405, "APIGW.0101");
        assertThat(response.headers().firstValue("Allow").orElseThrow().split(", "))
                .containsExactlyInAnyOrder("POST", "GET");
    }

    /** 400, not 415: the document's rule (the gateway answers a parameter error; it lists no 415). */
    @Test
    void wrongContentTypeIs400() {
        byte[] body = body("form").getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new java.util.LinkedHashMap<>(Map.of("Content-Type", "text/plain"));
        headers.putAll(http.sign(PATH, headers, body, World.DEFAULT_ACCESS_KEY, World.DEFAULT_SECRET_KEY, null));

        Response response = http.send("POST", PATH, body, headers, false);

        assertError(response, 400, "DWS.0001");
        assertThat(response.message())
                .isEqualTo("Content-Type 'text/plain' is not supported: send the body as application/json.");
    }

    @Test
    void missingContentTypeIs400NamingIt() {
        byte[] body = body("no-type").getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new java.util.LinkedHashMap<>(
                http.sign(PATH, Map.of(), body, World.DEFAULT_ACCESS_KEY, World.DEFAULT_SECRET_KEY, null));

        Response response = http.send("POST", PATH, body, headers, false);

        assertError(response, 400, "DWS.0001");
        assertThat(response.message()).isEqualTo("Content-Type is missing: send the body as application/json.");
    }

    /** JSON whatever Accept says, as the real service answers (the document's rule; it lists no 406). */
    @Test
    void anAcceptWithoutJsonStillGetsJson() {
        byte[] body = body("accept").getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers =
                new java.util.LinkedHashMap<>(Map.of("Content-Type", "application/json", "Accept", "text/html"));
        headers.putAll(http.sign(PATH, headers, body, World.DEFAULT_ACCESS_KEY, World.DEFAULT_SECRET_KEY, null));

        Response response = http.send("POST", PATH, body, headers, false);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void unexpectedFailureIs500WithoutDetail(CapturedOutput output) {
        Response response = http.get("/test/boom");

        assertError(response, 500, "DWS.0005");
        assertThat(response.message()).isEqualTo("Internal server error.");
        assertThat(response.body()).doesNotContain("internal detail").doesNotContain("IllegalStateException");
        assertThat(output).contains("internal detail that must not leak").contains(response.requestId());
    }

    @Test
    void containerLevelErrorsUseTheSchemaToo() {
        RawHttp.Answer answer = RawHttp.send(port, "GET /%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.headers().get("content-type")).startsWith("application/json");
        assertThat(answer.body()).contains("\"error_code\":\"DWS.0001\"").contains("\"request_id\":\"");
    }

    @Test
    void theRequestIdIsInTheMdcAndTheLogLine(CapturedOutput output) {
        Response response = http.get("/test/mdc");

        assertThat(response.body()).isEqualTo(response.requestId());
        // the line is written once the answer is on its way: wait for it
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(output)
                        .containsPattern("GET /test/mdc -> 200 \\(\\d+ ms\\) request_id=" + response.requestId()));
        assertThat(MockPipeline.ACCESS_LOGGER).isEqualTo("org.opendws.snapshot.mock.access");
    }

    @Test
    void secretsNeverReachTheLog(CapturedOutput output) {
        Response signed = http.create(body("logged"));
        http.createWithToken(PATH, body("logged-2"), World.DEFAULT_TOKEN);
        http.createAs(PATH, body("wrong"), World.DEFAULT_ACCESS_KEY, "wrong-secret-key", Map.of());
        Response last = http.createWithToken(PATH, body("logged-3"), "unknown-secret-token");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(output).contains(last.requestId()));

        assertThat(signed.status()).isEqualTo(200);
        assertThat(output)
                .doesNotContain(World.DEFAULT_SECRET_KEY)
                .doesNotContain(World.DEFAULT_TOKEN)
                .doesNotContain("wrong-secret-key")
                .doesNotContain("unknown-secret-token")
                .doesNotContain(AkSkSigner.ALGORITHM + " Access");
    }
}
