package org.opendws.snapshot.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendws.snapshot.mock.CreateSnapshotTest.assertError;
import static org.opendws.snapshot.mock.support.DwsHttp.PATH;
import static org.opendws.snapshot.mock.support.DwsHttp.PROJECT;
import static org.opendws.snapshot.mock.support.DwsHttp.body;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendws.snapshot.auth.AkSkSigner;
import org.opendws.snapshot.mock.support.DwsHttp;
import org.opendws.snapshot.mock.support.DwsHttp.Response;
import org.opendws.snapshot.mock.support.IndependentSigner;
import org.opendws.snapshot.mock.support.MockServerTestBase;

/**
 * AK/SK signature checks over real HTTP: requests signed by the auth module's AkSkSigner and by the
 * test's independent signer are accepted, chunked or not; every tampering is a 401 that says
 * which check failed and never shows the expected signature.
 */
class SignatureTest extends MockServerTestBase {
    private static final String AK = World.DEFAULT_ACCESS_KEY;
    private static final String SK = World.DEFAULT_SECRET_KEY;

    @Test
    void acceptsTheIndependentSignerSigningContentType() {
        Response response = sendIndependent(PATH, bytes(body("independent-1")), jsonHeaders(), false);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void acceptsTheIndependentSignerSigningLikeTheOfficialSdk() {
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("User-Agent", "huaweicloud-usdk-java/3.0");
        signed.put("X-Project-Id", PROJECT);
        signed.put("X-Sdk-Date", sdkDate(clock));
        Map<String, String> unsigned = Map.of("Content-Type", "application/json;charset=UTF-8");

        Response response = send(AK, SK, PATH, PATH, bytes(body("like-the-sdk")), signed, unsigned, false);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void acceptsAChunkedBodySignedByTheIndependentSigner() {
        Response response = sendIndependent(PATH, bytes(body("chunked-independent")), jsonHeaders(), true);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void acceptsAChunkedBodySignedByAkSkSigner() {
        byte[] body = bytes(body("chunked-aksk"));
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        headers.putAll(http.sign(PATH, headers, body, AK, SK, null));

        Response response = http.send("POST", PATH, body, headers, true);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void rejectsATamperedBody() {
        byte[] signedBody = bytes(body("original"));
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        headers.putAll(http.sign(PATH, headers, signedBody, AK, SK, null));

        Response response = http.send("POST", PATH, bytes(body("tampered")), headers, false);

        assertMismatch(response);
    }

    @Test
    void rejectsATamperedChunkedBody() {
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        headers.putAll(http.sign(PATH, headers, bytes(body("original")), AK, SK, null));

        Response response = http.send("POST", PATH, bytes(body("tampered")), headers, true);

        assertMismatch(response);
    }

    @Test
    void rejectsATamperedPath() {
        String other = "0123456789abcdef0123456789abcdef";
        http.admin("PUT", "/projects/" + other + "/clusters/" + DwsHttp.CLUSTER, null);
        http.admin(
                "PUT",
                "/credentials/" + AK,
                "{\"sk\":\"" + SK + "\",\"projects\":[\"" + PROJECT + "\",\"" + other + "\"]}");
        byte[] body = bytes(body("path-tamper"));
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        headers.putAll(http.sign(PATH, headers, body, AK, SK, null));

        Response response = http.send("POST", "/v1.0/" + other + "/snapshots", body, headers, false);

        assertMismatch(response);
    }

    @Test
    void rejectsATamperedSignedHeader() {
        byte[] body = bytes(body("header-tamper"));
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        headers.putAll(http.sign(PATH, headers, body, AK, SK, null));
        headers.put("Content-Type", "application/json;charset=UTF-8");

        Response response = http.send("POST", PATH, body, headers, false);

        assertMismatch(response);
    }

    @Test
    void rejectsATamperedDate() {
        byte[] body = bytes(body("date-tamper"));
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        headers.putAll(http.sign(PATH, headers, body, AK, SK, null));
        headers.put("X-Sdk-Date", sdkDate(Clock.offset(clock, Duration.ofSeconds(1))));

        Response response = http.send("POST", PATH, body, headers, false);

        assertMismatch(response);
    }

    @Test
    void rejectsAWrongSkWithoutShowingTheExpectedSignature() {
        Map<String, String> signed = jsonHeaders();
        byte[] body = bytes(body("wrong-sk"));
        Map<String, String> forSigning = new LinkedHashMap<>(signed);
        forSigning.put("Host", http.host());
        String expected = IndependentSigner.signature(
                SK, signed.get("X-Sdk-Date"), IndependentSigner.canonicalRequest("POST", PATH, forSigning, body));

        Response response = sendIndependentAs(AK, "another-secret-key", PATH, body, signed, false);

        assertMismatch(response);
        assertThat(response.body()).doesNotContain(expected).doesNotContain(SK);
    }

    @ParameterizedTest
    @ValueSource(longs = {-16, 16})
    void rejectsADateSixteenMinutesAway(long minutes) {
        DwsHttp skewed = new DwsHttp("http://127.0.0.1:" + port, Clock.offset(clock, Duration.ofMinutes(minutes)));

        Response response = skewed.create(body("skewed"));

        assertError(response, 401, "APIGW.0301");
        assertThat(response.message())
                .contains("X-Sdk-Date")
                .contains("960 s away from the server's clock")
                .contains("at most 900 s");
    }

    @ParameterizedTest
    @ValueSource(longs = {-14, 14})
    void acceptsADateFourteenMinutesAway(long minutes) {
        DwsHttp skewed = new DwsHttp("http://127.0.0.1:" + port, Clock.offset(clock, Duration.ofMinutes(minutes)));

        Response response = skewed.create(body("skewed-ok"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-28T04:54:04Z", "20261128045404", "tomorrow", "20261128T045404"})
    void rejectsAMalformedDate(String date) {
        Map<String, String> signed = jsonHeaders();
        signed.put("X-Sdk-Date", date);

        Response response = sendIndependent(PATH, bytes(body("bad-date")), signed, false);

        assertError(response, 401, "APIGW.0301");
        assertThat(response.message()).contains("X-Sdk-Date '" + date + "' is malformed");
    }

    @Test
    void requiresHostAndDateToBeSigned() {
        byte[] body = bytes(body("unsigned-host"));
        Map<String, String> signed = jsonHeaders();
        String date = signed.get("X-Sdk-Date");
        String canonical = IndependentSigner.canonicalRequest("POST", PATH, signed, body);
        String authorization = "SDK-HMAC-SHA256 Access=" + AK + ", SignedHeaders=content-type;x-sdk-date, Signature="
                + IndependentSigner.signature(SK, date, canonical);
        Map<String, String> headers = new LinkedHashMap<>(signed);
        headers.put("Authorization", authorization);

        Response response = http.send("POST", PATH, body, headers, false);

        assertError(response, 401, "APIGW.0301");
        assertThat(response.message()).contains("SignedHeaders must include host and x-sdk-date");
    }

    @Test
    void rejectsASignedHeaderMissingFromTheRequest() {
        byte[] body = bytes(body("missing-header"));
        Map<String, String> signed = jsonHeaders();
        signed.put("X-Project-Id", PROJECT);
        Map<String, String> forSigning = new LinkedHashMap<>(signed);
        forSigning.put("Host", http.host());
        String authorization = IndependentSigner.authorization(AK, SK, "POST", PATH, forSigning, body);
        signed.remove("X-Project-Id");
        signed.put("Authorization", authorization);

        Response response = http.send("POST", PATH, body, signed, false);

        assertError(response, 401, "APIGW.0301");
        assertThat(response.message()).contains("the signed header x-project-id is not in the request");
    }

    @Test
    void rejectsAnUnknownAk() {
        Response response =
                sendIndependentAs("UNKNOWNACCESSKEY0000", SK, PATH, bytes(body("unknown-ak")), jsonHeaders(), false);

        assertError(response, 401, "APIGW.0301");
        assertThat(response.message()).contains("the AK UNKNOWNACCESSKEY0000 is unknown");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Bearer abc",
                "SDK-HMAC-SHA256 Access=MOCKACCESSKEY0000000",
                "SDK-HMAC-SHA256 Access=MOCKACCESSKEY0000000, SignedHeaders=host;x-sdk-date",
                "SDK-HMAC-SHA256 Access=MOCKACCESSKEY0000000, SignedHeaders=host;x-sdk-date, Signature=XYZ",
                "SDK-HMAC-SHA256 Access=MOCKACCESSKEY0000000 SignedHeaders=host;x-sdk-date Signature=00",
                "SDK-HMAC-SHA256 Access=MOCKACCESSKEY0000000, SignedHeaders=host;;x-sdk-date, Signature="
                        + "0000000000000000000000000000000000000000000000000000000000000000",
            })
    void rejectsAMalformedAuthorizationHeader(String authorization) {
        Map<String, String> headers = jsonHeaders();
        headers.put("Authorization", authorization);

        Response response = http.send("POST", PATH, bytes(body("malformed")), headers, false);

        assertError(response, 401, "APIGW.0301");
        assertThat(response.message()).contains("the Authorization header is malformed");
    }

    @Test
    void rejectsARequestWithoutCredentials() {
        Response response = http.send("POST", PATH, bytes(body("anonymous")), jsonHeaders(), false);

        assertError(response, 401, "APIGW.0301");
        assertThat(response.message()).contains("no credentials");
    }

    @Test
    void rejectsAnUnknownTokenWithoutEchoingIt() {
        Response response = http.createWithToken(PATH, body("bad-token"), "a-secret-unknown-token");

        assertError(response, 401, "APIGW.0301");
        assertThat(response.message()).contains("X-Auth-Token is unknown or expired");
        assertThat(response.body()).doesNotContain("a-secret-unknown-token");
    }

    @Test
    void unsignedPayloadIsAcceptedWhenDeclared() {
        Map<String, String> signed = jsonHeaders();
        signed.put("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD");
        Map<String, String> forSigning = new LinkedHashMap<>(signed);
        forSigning.put("Host", http.host());
        byte[] body = bytes(body("unsigned-payload"));
        String canonical = IndependentSigner.canonicalRequest("POST", PATH, forSigning, new byte[0])
                .replaceAll("[0-9a-f]{64}$", "UNSIGNED-PAYLOAD");
        String names = "content-type;host;x-sdk-content-sha256;x-sdk-date";
        Map<String, String> headers = new LinkedHashMap<>(signed);
        headers.put(
                "Authorization",
                "SDK-HMAC-SHA256 Access=" + AK + ", SignedHeaders=" + names + ", Signature="
                        + IndependentSigner.signature(SK, signed.get("X-Sdk-Date"), canonical));

        Response response = http.send("POST", PATH, body, headers, false);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void rejectsAContentSha256ThatIsNotTheBodys() {
        Map<String, String> headers = jsonHeaders();
        headers.put("X-Sdk-Content-Sha256", AkSkSigner.EMPTY_BODY_SHA256);

        Response response = sendIndependent(PATH, bytes(body("declared-hash")), headers, false);

        assertError(response, 401, "APIGW.0301");
        assertThat(response.message()).contains("X-Sdk-Content-Sha256 does not match");
    }

    @Test
    void temporaryCredentialsNeedTheirSecurityToken() {
        http.admin(
                "PUT",
                "/credentials/TEMPORARYACCESSKEY00",
                "{\"sk\":\"temporary-sk\",\"projects\":[\"" + PROJECT + "\"],\"security_token\":\"session-token-1\"}");
        byte[] body = bytes(body("temporary"));

        Map<String, String> withToken = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        withToken.putAll(http.sign(PATH, withToken, body, "TEMPORARYACCESSKEY00", "temporary-sk", "session-token-1"));
        Response accepted = http.send("POST", PATH, body, withToken, false);

        Map<String, String> withoutToken = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        withoutToken.putAll(http.sign(PATH, withoutToken, body, "TEMPORARYACCESSKEY00", "temporary-sk", null));
        Response rejected = http.send("POST", PATH, body, withoutToken, false);

        Map<String, String> wrongToken = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        wrongToken.putAll(http.sign(PATH, wrongToken, body, "TEMPORARYACCESSKEY00", "temporary-sk", "session-token-2"));
        Response wrong = http.send("POST", PATH, body, wrongToken, false);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertError(rejected, 401, "APIGW.0301");
        assertThat(rejected.message()).contains("X-Security-Token is required");
        assertError(wrong, 401, "APIGW.0301");
        assertThat(wrong.body()).doesNotContain("session-token");
    }

    @Test
    void permanentCredentialsRefuseASecurityToken() {
        byte[] body = bytes(body("permanent"));
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        headers.putAll(http.sign(PATH, headers, body, AK, SK, "some-session-token"));

        Response response = http.send("POST", PATH, body, headers, false);

        assertError(response, 401, "APIGW.0301");
        assertThat(response.message()).contains("permanent credential");
    }

    private void assertMismatch(Response response) {
        assertError(response, 401, "APIGW.0301");
        assertThat(response.message())
                .isEqualTo("Incorrect IAM authentication information: the signature does not "
                        + "match the request (check the canonical request, the SK and the signed headers)");
    }

    private Map<String, String> jsonHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Sdk-Date", sdkDate(clock));
        return headers;
    }

    private Response sendIndependent(String path, byte[] body, Map<String, String> signed, boolean chunked) {
        return sendIndependentAs(AK, SK, path, body, signed, chunked);
    }

    private Response sendIndependentAs(
            String ak, String sk, String path, byte[] body, Map<String, String> signed, boolean chunked) {
        return send(ak, sk, path, path, body, signed, Map.of(), chunked);
    }

    /**
     * Signs {@code signed} (plus Host) for {@code signedPath} with the independent signer, then
     * sends them and {@code unsigned} to {@code path}.
     */
    private Response send(
            String ak,
            String sk,
            String path,
            String signedPath,
            byte[] body,
            Map<String, String> signed,
            Map<String, String> unsigned,
            boolean chunked) {
        Map<String, String> forSigning = new LinkedHashMap<>(signed);
        forSigning.put("Host", http.host());
        Map<String, String> headers = new LinkedHashMap<>(signed);
        headers.putAll(unsigned);
        headers.put("Authorization", IndependentSigner.authorization(ak, sk, "POST", signedPath, forSigning, body));
        return http.send("POST", path, body, headers, chunked);
    }

    private static String sdkDate(Clock clock) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC)
                .format(clock.instant());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
