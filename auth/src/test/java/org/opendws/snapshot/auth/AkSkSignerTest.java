package org.opendws.snapshot.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The two test vectors of {@code shared/reference/dws-api-facts.md}, computed independently of this
 * project's code, reproduced byte for byte; the canonical steps (path encoding, query, header
 * layout); signatures recorded from the signer before it had a request-object API, which must not
 * change; and a verifier's use: the same signature from what was received.
 */
class AkSkSignerTest {
    private static final String SK = "MockSecretKeyForLocalDevelopmentOnly0000";
    private static final String AK = "MOCKACCESSKEY0000000";
    private static final String PATH = "/v1.0/89cd04f168b84af6be287f71730fdb4b/snapshots";
    private static final byte[] BODY =
            ("{\"snapshot\":{\"name\":\"snapshot-3\",\"cluster_id\":\"44b277eb-39be-4921-be31-3d61b43651d7\","
                            + "\"description\":\"Snapshot-3 description\"}}")
                    .getBytes(StandardCharsets.UTF_8);
    private static final String DATE = "20261128T045404Z";
    private static final Clock AT_VECTOR_TIME = Clock.fixed(Instant.parse("2026-11-28T04:54:04Z"), ZoneOffset.UTC);
    private final AkSkSigner signer = new AkSkSigner(AT_VECTOR_TIME);

    private static SignRequest.Builder vectorRequest(String host) {
        return SignRequest.builder()
                .method("POST")
                .host(host)
                .rawPath(PATH)
                .body(BODY)
                .credentials(Credentials.akSk(AK, SK));
    }

    @Test
    void bodyHashOfTheVectors() {
        assertThat(AkSkSigner.sha256Hex(BODY))
                .isEqualTo("b6b1d18bd22c71615729969b619600be79c47b27224442c6eb4ad694ca1ddc25");
    }

    @Test
    void vector1AsTheOfficialSdkSigns() {
        SignResult signed = signer.sign(vectorRequest("dws.cn-north-4.myhuaweicloud.com")
                .header("User-Agent", "huaweicloud-usdk-java/3.0")
                .header("X-Project-Id", "89cd04f168b84af6be287f71730fdb4b")
                .build());

        assertThat(signed.signature()).isEqualTo("2d00dd41b3ebefd7c234bc4ecae17e6c92172e630081149e051c3ff9f7fb0943");
        assertThat(signed.headers())
                .containsExactly(
                        Map.entry("X-Sdk-Date", DATE),
                        Map.entry(
                                "Authorization",
                                "SDK-HMAC-SHA256 Access=" + AK
                                        + ", SignedHeaders=host;user-agent;x-project-id;x-sdk-date"
                                        + ", Signature=2d00dd41b3ebefd7c234bc4ecae17e6c92172e630081149e051c3ff9f7fb0943"));
        assertThat(AkSkSigner.sha256Hex(signed.canonicalRequest().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("843944227fc6dc5e7d1746fd3babddfbffdc0010fc6cec280392a545001bec36");
        assertThat(signed.stringToSign())
                .isEqualTo("SDK-HMAC-SHA256\n" + DATE
                        + "\n843944227fc6dc5e7d1746fd3babddfbffdc0010fc6cec280392a545001bec36");
    }

    @Test
    void vector2WithContentTypeOnLoopback() {
        SignResult signed = signer.sign(vectorRequest("127.0.0.1:8080")
                .header("Content-Type", "application/json")
                .build());

        assertThat(signed.signature()).isEqualTo("e3ff5f22bf7d8ce4b1926bccbfe58a5b2cfb3cd76ab05c64d925d2c52b63edd2");
        assertThat(signed.headers().get("Authorization"))
                .isEqualTo("SDK-HMAC-SHA256 Access=" + AK
                        + ", SignedHeaders=content-type;host;x-sdk-date"
                        + ", Signature=e3ff5f22bf7d8ce4b1926bccbfe58a5b2cfb3cd76ab05c64d925d2c52b63edd2");
        assertThat(signed.canonicalRequest())
                .isEqualTo(
                        "POST\n" + PATH + "/\n\n"
                                + "content-type:application/json\nhost:127.0.0.1:8080\nx-sdk-date:" + DATE + "\n\n"
                                + "content-type;host;x-sdk-date\nb6b1d18bd22c71615729969b619600be79c47b27224442c6eb4ad694ca1ddc25");
        assertThat(AkSkSigner.sha256Hex(signed.canonicalRequest().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("f1ec58b60a582ce25a1a2d8f645033783dbcd2bdbabb600bc9f81fc8464775cc");
    }

    /** A verifier: the signing time as the X-Sdk-Date it received, the body as its declared hash. */
    @Test
    void aVerifierComputesTheVectorFromWhatItReceived() {
        SignResult verified = new AkSkSigner(Clock.systemUTC())
                .sign(SignRequest.builder()
                        .method("POST")
                        .host("127.0.0.1:8080")
                        .rawPath(PATH)
                        .header("content-type", "application/json")
                        .payloadHash(AkSkSigner.sha256Hex(BODY))
                        .sdkDate(DATE)
                        .credentials(Credentials.akSk(AK, SK))
                        .build());

        assertThat(verified.signature()).isEqualTo("e3ff5f22bf7d8ce4b1926bccbfe58a5b2cfb3cd76ab05c64d925d2c52b63edd2");
        assertThat(AkSkSigner.signaturesEqual(
                        verified.signature(), "e3ff5f22bf7d8ce4b1926bccbfe58a5b2cfb3cd76ab05c64d925d2c52b63edd2"))
                .isTrue();
    }

    @Test
    void theSigningTimeComesFromTheRequestOrElseTheClock() {
        SignRequest.Builder request = vectorRequest("127.0.0.1:8080");
        assertThat(new AkSkSigner(Clock.systemUTC())
                        .sign(request.signingTime(Instant.parse("2026-11-28T04:54:04.999Z"))
                                .build())
                        .headers())
                .containsEntry("X-Sdk-Date", DATE);
        assertThat(signer.sign(vectorRequest("h").build()).headers()).containsEntry("X-Sdk-Date", DATE);
        assertThat(signer.sign(vectorRequest("h").sdkDate("20000101T000000Z").build())
                        .stringToSign())
                .startsWith("SDK-HMAC-SHA256\n20000101T000000Z\n");
    }

    /**
     * Signatures the signer made before it had a request-object API (its 9-argument
     * {@code sign}, the path decoded by {@code java.net.URI}, the query by {@code URLDecoder}
     * with '+' kept), for requests with an encoded query (repeated names, '+', a name without
     * value, an empty pair), an encoded path, a padded header value, a security token and no body.
     */
    @Test
    void signaturesAreTheSameAsBeforeToTheByte() {
        AkSkCredentials golden = Credentials.akSk("GOLDENACCESSKEY00000", "GoldenSecretKey");
        assertThat(signer.sign(SignRequest.builder()
                                .method("POST")
                                .host("127.0.0.1:8080")
                                .rawPath("/v1.0/89cd04f168b84af6be287f71730fdb4b/snapshots")
                                .rawQuery("b=2&a=x%20y&a=last&c+d=%2B&flag&&z=%E4%B8%AD")
                                .header("Content-Type", "application/json")
                                .header("X-Project-Id", "89cd04f168b84af6be287f71730fdb4b")
                                .body("{}".getBytes(StandardCharsets.UTF_8))
                                .credentials(golden)
                                .build())
                        .signature())
                .isEqualTo("eaea1dd0c999bc09bf6f4dbbe984817df2ccf92fac59d3129becc95b0fa3ada7");
        assertThat(signer.sign(SignRequest.builder()
                                .method("get")
                                .host("dws.cn-north-4.myhuaweicloud.com")
                                .rawPath("/a%20b/c+d/%C3%A9~_-./x%2Fy/")
                                .header("X-Custom", "  padded value  ")
                                .header("User-Agent", "ua/1")
                                .credentials(
                                        Credentials.akSk("GOLDENACCESSKEY00000", "GoldenSecretKey", "session-token-1"))
                                .build())
                        .headers()
                        .get("Authorization"))
                .isEqualTo("SDK-HMAC-SHA256 Access=GOLDENACCESSKEY00000, "
                        + "SignedHeaders=host;user-agent;x-custom;x-sdk-date;x-security-token, "
                        + "Signature=b9a9b6d9723e1418473c806a5d9384f44f923e80e606571d05be203d432ef60e");
        assertThat(signer.sign(SignRequest.builder()
                                .method("DELETE")
                                .host("localhost")
                                .rawPath("/v1.0/p/snapshots/%E2%9C%93")
                                .rawQuery("")
                                .body("body bytes \u00e9".getBytes(StandardCharsets.UTF_8))
                                .credentials(golden)
                                .build())
                        .signature())
                .isEqualTo("03e8316fa9aa989a8490433762076718ae9af6880558c04b2342013a26cf917f");
    }

    @Test
    void canonicalRequestLayout() {
        TreeMap<String, String> signed = new TreeMap<>(Map.of("host", "h", "x-sdk-date", "d", "x-padded", "  v  "));
        assertThat(Canonical.canonicalRequest("post", "/a/b", Map.of(), signed, "HASH"))
                .isEqualTo("POST\n/a/b/\n\nhost:h\nx-padded:v\nx-sdk-date:d\n\nhost;x-padded;x-sdk-date\nHASH");
    }

    @Test
    void pathSegmentsArePercentEncodedAndEndInASlash() {
        assertThat(Canonical.canonicalUri("/v1.0/p/snapshots")).isEqualTo("/v1.0/p/snapshots/");
        assertThat(Canonical.canonicalUri("/v1.0/p/snapshots/")).isEqualTo("/v1.0/p/snapshots/");
        assertThat(Canonical.canonicalUri("/a b/c+d/é~_-.")).isEqualTo("/a%20b/c%2Bd/%C3%A9~_-./");
        assertThat(Canonical.canonicalUri("/x%2Fy")).isEqualTo("/x%252Fy/");
        assertThat(Canonical.canonicalUri("")).isEqualTo("/");
    }

    @Test
    void theRawPathIsDecodedThenEncodedSegmentBySegment() {
        assertThat(signer.sign(vectorRequest("h").rawPath("/a%20b/c+d/%C3%A9").build())
                        .canonicalRequest())
                .startsWith("POST\n/a%20b/c%2Bd/%C3%A9/\n");
        assertThat(signer.sign(vectorRequest("h").rawPath("/x%252Fy").build()).canonicalRequest())
                .startsWith("POST\n/x%252Fy/\n");
        assertThat(signer.sign(vectorRequest("h").rawPath("").build()).canonicalRequest())
                .startsWith("POST\n/\n");
    }

    @Test
    void queryIsSortedByEncodedName() {
        assertThat(Canonical.canonicalQuery(Map.of("b", "2", "a", "x y", "c d", "")))
                .isEqualTo("a=x%20y&b=2&c%20d=");
        assertThat(Canonical.canonicalQuery(Map.of())).isEmpty();
    }

    @Test
    void theRawQueryIsParsedDecodedAndEncodedAgain() {
        assertThat(signer.sign(vectorRequest("h")
                                .rawQuery("b=2&a=x%20y&c+d&a=1")
                                .build())
                        .canonicalRequest())
                .startsWith("POST\n" + PATH + "/\na=1&b=2&c%2Bd=\n");
    }

    @Test
    void emptyBodyHash() {
        assertThat(AkSkSigner.sha256Hex(new byte[0]))
                .isEqualTo(AkSkSigner.EMPTY_BODY_SHA256)
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(signer.sign(vectorRequest("h").body(new byte[0]).build()).canonicalRequest())
                .endsWith("\n" + AkSkSigner.EMPTY_BODY_SHA256)
                .isEqualTo(signer.sign(SignRequest.builder()
                                .method("POST")
                                .host("h")
                                .rawPath(PATH)
                                .credentials(Credentials.akSk(AK, SK))
                                .build())
                        .canonicalRequest());
    }

    @Test
    void aPayloadHashIsSignedAsGiven() {
        String upperCase = AkSkSigner.sha256Hex(BODY).toUpperCase(Locale.ROOT);
        SignRequest.Builder declared =
                SignRequest.builder().method("POST").host("h").rawPath(PATH).credentials(Credentials.akSk(AK, SK));
        assertThat(signer.sign(declared.payloadHash(upperCase).build()).canonicalRequest())
                .endsWith("\n" + upperCase);
        assertThat(signer.sign(declared.payloadHash(AkSkSigner.UNSIGNED_PAYLOAD).build())
                        .canonicalRequest())
                .endsWith("\nUNSIGNED-PAYLOAD");
    }

    @Test
    void securityTokenIsSentAndSigned() {
        SignRequest.Builder request =
                SignRequest.builder().method("POST").host("127.0.0.1:8080").rawPath(PATH);
        SignResult with =
                signer.sign(request.credentials(Credentials.akSk(AK, SK, "tok")).build());
        SignResult without =
                signer.sign(request.credentials(Credentials.akSk(AK, SK)).build());

        assertThat(with.headers())
                .containsExactly(
                        Map.entry("X-Sdk-Date", DATE),
                        Map.entry("X-Security-Token", "tok"),
                        Map.entry("Authorization", with.headers().get("Authorization")));
        assertThat(with.headers().get("Authorization")).contains("SignedHeaders=host;x-sdk-date;x-security-token,");
        assertThat(with.canonicalRequest()).contains("\nx-security-token:tok\n");
        assertThat(without.headers()).doesNotContainKey("X-Security-Token");
        assertThat(without.signature()).isNotEqualTo(with.signature());
    }

    @Test
    void theResultShowsNeitherSignatureNorToken() {
        SignResult signed = signer.sign(SignRequest.builder()
                .method("POST")
                .host("h")
                .rawPath(PATH)
                .credentials(Credentials.akSk(AK, SK, "MYTOKEN"))
                .build());

        assertThat(signed.toString()).contains(DATE, "Authorization").doesNotContain(signed.signature(), "MYTOKEN", SK);
    }

    @Test
    void constantTimeComparison() {
        assertThat(AkSkSigner.signaturesEqual("abc", "abc")).isTrue();
        assertThat(AkSkSigner.signaturesEqual("abc", "abd")).isFalse();
        assertThat(AkSkSigner.signaturesEqual("abc", "ab")).isFalse();
    }
}
