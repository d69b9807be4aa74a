package org.opendws.snapshot.client.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.client.error.DwsConnectTimeoutException;
import org.opendws.snapshot.client.error.DwsConnectionException;
import org.opendws.snapshot.client.error.DwsException;
import org.opendws.snapshot.client.error.DwsReadTimeoutException;
import org.opendws.snapshot.client.error.DwsServiceException;
import org.opendws.snapshot.client.error.DwsValidationException;

class RetryPolicyTest {
    private static final DwsException REFUSED = new DwsConnectionException("refused", null);
    private static final DwsException CONNECT_TIMEOUT = new DwsConnectTimeoutException("slow connect", null);
    private static final DwsException READ_TIMEOUT = new DwsReadTimeoutException("slow answer", null);

    private static DwsException status(int status) {
        return DwsServiceException.of(status, "C", "m", "r", "");
    }

    @Test
    void defaultsRetryConnectionFailuresOnlyAndBoundedly() {
        RetryPolicy policy = RetryPolicy.defaults();
        assertThat(policy.maxAttempts()).isEqualTo(3);
        assertThat(policy.shouldRetry(REFUSED, 1)).isTrue();
        assertThat(policy.shouldRetry(CONNECT_TIMEOUT, 2)).isTrue();
        assertThat(policy.shouldRetry(REFUSED, 3)).as("the last attempt").isFalse();
        assertThat(policy.shouldRetry(READ_TIMEOUT, 1))
                .as("the service may have acted")
                .isFalse();
        for (int code : List.of(400, 401, 403, 404, 409, 500, 502, 503)) {
            assertThat(policy.shouldRetry(status(code), 1)).as("HTTP %d", code).isFalse();
        }
        assertThat(policy.shouldRetry(new DwsValidationException("op", List.of()), 1))
                .isFalse();
    }

    @Test
    void server500And503AreOptIn() {
        RetryPolicy only503 = RetryPolicy.builder().retryOn503(true).build();
        assertThat(only503.shouldRetry(status(503), 1)).isTrue();
        assertThat(only503.shouldRetry(status(500), 1)).isFalse();
        RetryPolicy only500 = RetryPolicy.builder().retryOn500(true).build();
        assertThat(only500.shouldRetry(status(500), 1)).isTrue();
        assertThat(only500.shouldRetry(status(503), 1)).isFalse();
    }

    @Test
    void clientErrorsAreNeverRetriedWhateverTheOptions() {
        RetryPolicy eager = RetryPolicy.builder()
                .maxAttempts(10)
                .retryOn500(true)
                .retryOn503(true)
                .build();
        for (int code = 400; code < 500; code++) {
            assertThat(eager.shouldRetry(status(code), 1)).as("HTTP %d", code).isFalse();
        }
    }

    @Test
    void noneNeverRetries() {
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
        assertThat(RetryPolicy.none().shouldRetry(REFUSED, 1)).isFalse();
    }

    @Test
    void backoffDoublesUpToTheCapAndJitterTakesOffAtMostItsShare() {
        RetryPolicy policy = RetryPolicy.builder()
                .baseDelay(Duration.ofMillis(100))
                .maxDelay(Duration.ofMillis(700))
                .jitter(0.25)
                .build();
        assertThat(policy.backoff(1, 0)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoff(2, 0)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoff(3, 0)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.backoff(4, 0)).isEqualTo(Duration.ofMillis(700));
        assertThat(policy.backoff(60, 0)).isEqualTo(Duration.ofMillis(700));
        assertThat(policy.backoff(1, 0.5))
                .isEqualTo(Duration.ofMillis(87).plusNanos(500_000)); // 100 ms * (1 - 0.25 * 0.5)
        assertThat(policy.backoff(2, 0.999_999)).isBetween(Duration.ofMillis(150), Duration.ofMillis(151));
        assertThat(RetryPolicy.builder().jitter(0).build().backoff(1, 0.9)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.builder().baseDelay(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.builder()
                        .baseDelay(Duration.ofSeconds(5))
                        .maxDelay(Duration.ofSeconds(1))
                        .build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RetryPolicy.defaults().backoff(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.defaults().backoff(1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void policiesAreValues() {
        assertThat(RetryPolicy.builder().build())
                .isEqualTo(RetryPolicy.defaults())
                .hasSameHashCodeAs(RetryPolicy.defaults());
        assertThat(RetryPolicy.builder().retryOn503(true).build()).isNotEqualTo(RetryPolicy.defaults());
        assertThat(RetryPolicy.defaults().toString()).contains("maxAttempts=3", "retryOn503=false");
    }
}
