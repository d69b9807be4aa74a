package org.opendws.snapshot.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opendws.snapshot.mock.junit.DwsMockExtension;
import org.opendws.snapshot.mock.support.IndependentSigner;
import org.opendws.snapshot.mock.support.RawHttp;

/**
 * The reference file's test vectors (computed independently of this project), first against the
 * test's own signer, then sent byte for byte to a mock whose clock stands at the vectors' time:
 * the server must accept exactly these signatures, with the Host header as received.
 */
class ReferenceVectorTest {
    private static final String DATE = "20261128T045404Z";
    private static final String SK = "MockSecretKeyForLocalDevelopmentOnly0000";
    private static final String PATH = "/v1.0/89cd04f168b84af6be287f71730fdb4b/snapshots";
    private static final String BODY =
            "{\"snapshot\":{\"name\":\"snapshot-3\",\"cluster_id\":\"44b277eb-39be-4921-be31-3d61b43651d7\",\"description\":\"Snapshot-3 description\"}}";
    private static final String V1_SIGNATURE = "2d00dd41b3ebefd7c234bc4ecae17e6c92172e630081149e051c3ff9f7fb0943";
    private static final String V2_SIGNATURE = "e3ff5f22bf7d8ce4b1926bccbfe58a5b2cfb3cd76ab05c64d925d2c52b63edd2";

    /** Started once, reset before each test, by the same extension users embed the mock with. */
    @RegisterExtension
    static final DwsMockExtension MOCK = new DwsMockExtension(
            builder -> builder.clock(Clock.fixed(Instant.parse("2026-11-28T04:54:04Z"), ZoneOffset.UTC)));

    @Test
    void independentSignerReproducesVectorV1() {
        assertVector(
                Map.of(
                        "Host",
                        "dws.cn-north-4.myhuaweicloud.com",
                        "User-Agent",
                        "huaweicloud-usdk-java/3.0",
                        "X-Project-Id",
                        "89cd04f168b84af6be287f71730fdb4b",
                        "X-Sdk-Date",
                        DATE),
                "843944227fc6dc5e7d1746fd3babddfbffdc0010fc6cec280392a545001bec36",
                V1_SIGNATURE);
    }

    @Test
    void independentSignerReproducesVectorV2() {
        assertVector(
                Map.of("Host", "127.0.0.1:8080", "Content-Type", "application/json", "X-Sdk-Date", DATE),
                "f1ec58b60a582ce25a1a2d8f645033783dbcd2bdbabb600bc9f81fc8464775cc",
                V2_SIGNATURE);
    }

    private static void assertVector(Map<String, String> headers, String canonicalRequestHash, String signature) {
        String canonical =
                IndependentSigner.canonicalRequest("POST", PATH, headers, BODY.getBytes(StandardCharsets.UTF_8));

        assertThat(IndependentSigner.canonicalRequestHash(canonical)).isEqualTo(canonicalRequestHash);
        assertThat(IndependentSigner.signature(SK, DATE, canonical)).isEqualTo(signature);
    }

    @Test
    void serverAcceptsVectorV2ExactlyAsSent() {
        RawHttp.Answer answer = RawHttp.send(MOCK.server().port(), v2Request(BODY, V2_SIGNATURE));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(UUID.fromString(answer.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1")))
                .isNotNull();
        assertThat(MOCK.server().snapshots()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("snapshot-3");
            assertThat(s.createdBy()).isEqualTo("MOCKACCESSKEY0000000");
            assertThat(s.createdAt()).isEqualTo(Instant.parse("2026-11-28T04:54:04Z"));
        });
    }

    @Test
    void serverAcceptsVectorV1AsTheOfficialSdkSendsIt() {
        String request = "POST " + PATH + " HTTP/1.1\r\n"
                + "Host: dws.cn-north-4.myhuaweicloud.com\r\n"
                + "User-Agent: huaweicloud-usdk-java/3.0\r\n"
                + "X-Project-Id: 89cd04f168b84af6be287f71730fdb4b\r\n"
                + "Content-Type: application/json;charset=UTF-8\r\n"
                + "X-Sdk-Date: " + DATE + "\r\n"
                + "Authorization: SDK-HMAC-SHA256 Access=MOCKACCESSKEY0000000, "
                + "SignedHeaders=host;user-agent;x-project-id;x-sdk-date, Signature=" + V1_SIGNATURE + "\r\n"
                + "Content-Length: " + BODY.getBytes(StandardCharsets.UTF_8).length + "\r\n"
                + "Connection: close\r\n\r\n" + BODY;

        RawHttp.Answer answer = RawHttp.send(MOCK.server().port(), request);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void oneChangedByteOfTheBodyBreaksVectorV2() {
        String tampered = BODY.replace("snapshot-3\",\"cluster", "snapshot-4\",\"cluster");

        RawHttp.Answer answer = RawHttp.send(MOCK.server().port(), v2Request(tampered, V2_SIGNATURE));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("APIGW.0301").contains("signature does not match");
        assertThat(MOCK.server().snapshots()).isEmpty();
    }

    private static String v2Request(String body, String signature) {
        return "POST " + PATH + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:8080\r\n"
                + "Content-Type: application/json\r\n"
                + "X-Sdk-Date: " + DATE + "\r\n"
                + "Authorization: SDK-HMAC-SHA256 Access=MOCKACCESSKEY0000000, "
                + "SignedHeaders=content-type;host;x-sdk-date, Signature=" + signature + "\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"
                + "Connection: close\r\n\r\n" + body;
    }
}
