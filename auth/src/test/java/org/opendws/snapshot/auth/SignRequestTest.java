package org.opendws.snapshot.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builder: what it requires and refuses, that a built request never changes, and what toString hides. */
class SignRequestTest {
    private static final AkSkCredentials KEYS = Credentials.akSk("MYACCESSKEY", "MYSECRETKEY", "MYSECURITYTOKEN");

    private static SignRequest.Builder minimal() {
        return SignRequest.builder()
                .method("POST")
                .host("127.0.0.1:8080")
                .rawPath("/v1.0/p/snapshots")
                .credentials(KEYS);
    }

    @Test
    void methodHostRawPathAndCredentialsAreRequired() {
        assertThatThrownBy(() -> SignRequest.builder()
                        .host("h")
                        .rawPath("/")
                        .credentials(KEYS)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("method is required");
        assertThatThrownBy(() -> SignRequest.builder()
                        .method("POST")
                        .rawPath("/")
                        .credentials(KEYS)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("host is required");
        assertThatThrownBy(() -> SignRequest.builder()
                        .method("POST")
                        .host("h")
                        .credentials(KEYS)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("rawPath is required");
        assertThatThrownBy(() -> SignRequest.builder()
                        .method("POST")
                        .host("h")
                        .rawPath("/")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("credentials is required");
    }

    @Test
    void theRestHasDefaults() {
        SignRequest request = minimal().build();

        assertThat(request.rawQuery()).isNull();
        assertThat(request.headers()).isEmpty();
        assertThat(request.payloadHash()).isEqualTo(AkSkSigner.EMPTY_BODY_SHA256);
        assertThat(request.sdkDate()).as("the signer's clock decides").isNull();
        assertThat(minimal().rawQuery("").build().rawQuery()).isNull();
    }

    @Test
    void alternativesAreOneOrTheOther() {
        assertThatThrownBy(() -> minimal()
                        .body(new byte[0])
                        .payloadHash(AkSkSigner.UNSIGNED_PAYLOAD)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> minimal()
                        .signingTime(Instant.EPOCH)
                        .sdkDate("20261128T045404Z")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not both");
    }

    @Test
    void nullsAndBlanksAreRefusedWhereTheyMeanNothing() {
        assertThatThrownBy(() -> minimal().method(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> minimal().method(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> minimal().header("X-A", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> minimal().header(" ", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> minimal().body(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> minimal().credentials(null)).isInstanceOf(NullPointerException.class);
        // what a verifier may receive: an empty Host, an empty header value
        assertThat(minimal().host("").header("X-Empty", "").build().headers()).containsEntry("x-empty", "");
    }

    @Test
    void theHeadersTheSignerAddsItselfAreRefused() {
        assertThatThrownBy(() -> minimal().header("Host", "h"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host(");
        assertThatThrownBy(() -> minimal().header("x-sdk-date", "20261128T045404Z"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sdkDate(");
        assertThatThrownBy(() -> minimal().headers(Map.of("X-Security-Token", "t")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("credentials");
    }

    @Test
    void headerNamesAreLowerCasedAndSortedAndTheLastValueWins() {
        SignRequest request = minimal()
                .header("X-Project-Id", "p")
                .header("Content-Type", "text/plain")
                .headers(Map.of("content-type", "application/json"))
                .build();

        assertThat(request.headers())
                .containsExactly(Map.entry("content-type", "application/json"), Map.entry("x-project-id", "p"));
    }

    @Test
    void aBuiltRequestNeverChanges() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        SignRequest.Builder builder =
                minimal().header("Content-Type", "application/json").body(body);
        SignRequest request = builder.build();

        body[0] = '[';
        builder.header("X-Later", "v").rawPath("/other").body(new byte[1]);

        assertThat(request.payloadHash()).isEqualTo(AkSkSigner.sha256Hex("{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(request.headers()).containsOnlyKeys("content-type");
        assertThat(request.rawPath()).isEqualTo("/v1.0/p/snapshots");
        assertThatThrownBy(() -> request.headers().put("x-more", "v"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(builder.build().rawPath()).isEqualTo("/other");
    }

    @Test
    void theSigningTimeIsKeptAsItsSdkDate() {
        assertThat(minimal()
                        .signingTime(Instant.parse("2026-11-28T04:54:04.700Z"))
                        .build()
                        .sdkDate())
                .isEqualTo("20261128T045404Z");
        assertThat(minimal().sdkDate("20261128T045404Z").build().sdkDate()).isEqualTo("20261128T045404Z");
    }

    @Test
    void toStringShowsNoSecretAndNoHeaderValue() {
        String shown = minimal()
                .header("X-Auth-Hint", "MYHEADERVALUE")
                .rawQuery("a=1")
                .build()
                .toString();

        assertThat(shown)
                .contains("POST", "127.0.0.1:8080", "/v1.0/p/snapshots?a=1", "x-auth-hint", "MYACCESSKEY")
                .doesNotContain("MYSECRETKEY", "MYSECURITYTOKEN", "MYHEADERVALUE");
    }
}
