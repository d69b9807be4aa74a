package org.opendws.snapshot.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The two test vectors of {@code shared/reference/dws-api-facts.md}, computed independently of this
 * project's code, reproduced byte for byte; plus path encoding and the empty body.
 */
class AkSkSignerTest {
    private static final String SK = "MockSecretKeyForLocalDevelopmentOnly0000";
    private static final String AK = "MOCKACCESSKEY0000000";
    private static final String PATH = "/v1.0/89cd04f168b84af6be287f71730fdb4b/snapshots";
    private static final byte[] BODY = ("{\"snapshot\":{\"name\":\"snapshot-3\",\"cluster_id\":\"44b277eb-39be-4921-be31-3d61b43651d7\","
            + "\"description\":\"Snapshot-3 description\"}}").getBytes(StandardCharsets.UTF_8);
    private static final Clock AT_VECTOR_TIME = Clock.fixed(Instant.parse("2026-11-28T04:54:04Z"), ZoneOffset.UTC);
    private final AkSkSigner signer = new AkSkSigner(AT_VECTOR_TIME);

    @Test
    void bodyHashOfTheVectors() {
        assertThat(AkSkSigner.sha256Hex(BODY)).isEqualTo("b6b1d18bd22c71615729969b619600be79c47b27224442c6eb4ad694ca1ddc25");
    }

    @Test
    void vector1AsTheOfficialSdkSigns() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", "huaweicloud-usdk-java/3.0");
        headers.put("X-Project-Id", "89cd04f168b84af6be287f71730fdb4b");

        Map<String, String> added = signer.sign("POST", "dws.cn-north-4.myhuaweicloud.com", PATH, Map.of(), headers, BODY, AK, SK, null);

        assertThat(added).containsEntry("X-Sdk-Date", "20261128T045404Z");
        assertThat(added.get("Authorization")).isEqualTo("SDK-HMAC-SHA256 Access=" + AK
                + ", SignedHeaders=host;user-agent;x-project-id;x-sdk-date"
                + ", Signature=2d00dd41b3ebefd7c234bc4ecae17e6c92172e630081149e051c3ff9f7fb0943");
        assertThat(added).doesNotContainKey("X-Security-Token");

        TreeMap<String, String> signed = new TreeMap<>(Map.of("host", "dws.cn-north-4.myhuaweicloud.com",
                "user-agent", "huaweicloud-usdk-java/3.0", "x-project-id", "89cd04f168b84af6be287f71730fdb4b",
                "x-sdk-date", "20261128T045404Z"));
        String canonical = AkSkSigner.canonicalRequest("POST", PATH, Map.of(), signed, AkSkSigner.sha256Hex(BODY));
        assertThat(AkSkSigner.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("843944227fc6dc5e7d1746fd3babddfbffdc0010fc6cec280392a545001bec36");
    }

    @Test
    void vector2WithContentTypeOnLoopback() {
        Map<String, String> added = signer.sign("POST", "127.0.0.1:8080", PATH, Map.of(),
                Map.of("Content-Type", "application/json"), BODY, AK, SK, null);

        assertThat(added.get("Authorization")).isEqualTo("SDK-HMAC-SHA256 Access=" + AK
                + ", SignedHeaders=content-type;host;x-sdk-date"
                + ", Signature=e3ff5f22bf7d8ce4b1926bccbfe58a5b2cfb3cd76ab05c64d925d2c52b63edd2");
        TreeMap<String, String> signed = new TreeMap<>(Map.of("content-type", "application/json",
                "host", "127.0.0.1:8080", "x-sdk-date", "20261128T045404Z"));
        String canonical = AkSkSigner.canonicalRequest("POST", PATH, Map.of(), signed, AkSkSigner.sha256Hex(BODY));
        assertThat(AkSkSigner.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("f1ec58b60a582ce25a1a2d8f645033783dbcd2bdbabb600bc9f81fc8464775cc");
    }

    @Test
    void canonicalRequestLayout() {
        TreeMap<String, String> signed = new TreeMap<>(Map.of("host", "h", "x-sdk-date", "d"));
        assertThat(AkSkSigner.canonicalRequest("post", "/a/b", Map.of(), signed, "HASH"))
                .isEqualTo("POST\n/a/b/\n\nhost:h\nx-sdk-date:d\n\nhost;x-sdk-date\nHASH");
    }

    @Test
    void pathSegmentsArePercentEncodedAndEndInASlash() {
        assertThat(AkSkSigner.canonicalUri("/v1.0/p/snapshots")).isEqualTo("/v1.0/p/snapshots/");
        assertThat(AkSkSigner.canonicalUri("/v1.0/p/snapshots/")).isEqualTo("/v1.0/p/snapshots/");
        assertThat(AkSkSigner.canonicalUri("/a b/c+d/é~_-.")).isEqualTo("/a%20b/c%2Bd/%C3%A9~_-./");
        assertThat(AkSkSigner.canonicalUri("/x%2Fy")).isEqualTo("/x%252Fy/");
        assertThat(AkSkSigner.canonicalUri("")).isEqualTo("/");
    }

    @Test
    void queryIsSortedByEncodedName() {
        assertThat(AkSkSigner.canonicalQuery(Map.of("b", "2", "a", "x y", "c d", "")))
                .isEqualTo("a=x%20y&b=2&c%20d=");
        assertThat(AkSkSigner.canonicalQuery(Map.of())).isEmpty();
    }

    @Test
    void emptyBodyHash() {
        assertThat(AkSkSigner.sha256Hex(new byte[0])).isEqualTo(AkSkSigner.EMPTY_BODY_SHA256)
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void securityTokenIsSentAndSigned() {
        Map<String, String> added = signer.sign("POST", "127.0.0.1:8080", PATH, Map.of(), Map.of(), new byte[0], AK, SK, "tok");
        assertThat(added).containsEntry("X-Security-Token", "tok");
        assertThat(added.get("Authorization")).contains("SignedHeaders=host;x-sdk-date;x-security-token,");
        // same request without the token must sign differently
        Map<String, String> without = signer.sign("POST", "127.0.0.1:8080", PATH, Map.of(), Map.of(), new byte[0], AK, SK, null);
        assertThat(without.get("Authorization")).isNotEqualTo(added.get("Authorization"));
    }

    @Test
    void constantTimeComparison() {
        assertThat(AkSkSigner.signaturesEqual("abc", "abc")).isTrue();
        assertThat(AkSkSigner.signaturesEqual("abc", "abd")).isFalse();
        assertThat(AkSkSigner.signaturesEqual("abc", "ab")).isFalse();
    }
}
