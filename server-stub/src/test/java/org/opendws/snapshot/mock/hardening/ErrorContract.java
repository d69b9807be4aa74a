package org.opendws.snapshot.mock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * What every answer of the mock must be, however hostile the request: no 5xx (unless the test
 * injected it), an {@code X-Request-Id}, and every error in the spec's error schema
 * ({@code error_code}, {@code error_msg}, {@code request_id} equal to the header) as
 * {@code application/json}, without a stack trace or a Java class name.
 */
public final class ErrorContract {
    static final Pattern REQUEST_ID = Pattern.compile("[0-9a-f]{32}");
    /** A stack frame, a source position, an exception or a class of a Java package the mock uses. */
    static final Pattern INTERNALS =
            Pattern.compile("\\bat [a-zA-Z_$][\\w$]*\\.[\\w$.]+\\(|\\.java:\\d|Exception\\b|Throwable\\b|"
                    + "\\b(?:java|javax|jakarta|sun|org\\.springframework|org\\.apache|com\\.fasterxml|org\\.hibernate"
                    + "|org\\.opendws|org\\.yaml)\\.[a-zA-Z]");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorContract() {}

    /**
     * Asserts the contract, and for a request to an operation of the document that the document
     * judges the answer as it documents it (status, headers, body; no leniency); {@code injected}:
     * a 5xx is what the request asked for.
     */
    public static void check(RawRequest request, RawConnection.Answer answer, boolean head, boolean injected) {
        String what = request + "\n  answered: " + answer;
        if (!head) {
            assertThat(SpecOracle.findingsOnAnswer(request.method(), request.target(), answer))
                    .as("the document's findings on the answer: %s", what)
                    .isEmpty();
        }
        if (!injected) {
            assertThat(answer.status()).as("no 5xx: %s", what).isLessThan(500);
        }
        assertThat(answer.status()).as(what).isGreaterThanOrEqualTo(200);
        String requestId = answer.header("X-Request-Id");
        assertThat(requestId).as("X-Request-Id: %s", what).isNotNull().matches(REQUEST_ID);
        if (answer.status() < 400) {
            return;
        }
        assertThat(answer.header("Content-Type"))
                .as("error media type: %s", what)
                .startsWith("application/json");
        if (head) {
            assertThat(answer.body()).as(what).isEmpty();
            return;
        }
        JsonNode error = parse(answer, what);
        assertThat(error.isObject()).as("error object: %s", what).isTrue();
        assertThat(error.path("error_code").isTextual())
                .as("error_code: %s", what)
                .isTrue();
        assertThat(error.path("error_code").asText()).as(what).matches("(?:DWS|APIGW)\\.\\d{4}");
        assertThat(error.path("error_msg").isTextual())
                .as("error_msg: %s", what)
                .isTrue();
        assertThat(error.path("error_msg").asText()).as(what).isNotBlank();
        assertThat(error.path("request_id").asText())
                .as("request_id = X-Request-Id: %s", what)
                .isEqualTo(requestId);
        assertThat(INTERNALS.matcher(answer.text()).find())
                .as("no internals in the body: %s", what)
                .isFalse();
    }

    private static JsonNode parse(RawConnection.Answer answer, String what) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("error body is not JSON: " + what, e);
        }
    }
}
