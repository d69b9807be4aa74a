package org.opendws.snapshot.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The signer clones one SHA-256 and one HMAC-SHA256 instance per use: from many threads at once,
 * each result is still the one a fresh JDK instance computes for that input.
 */
class AkSkSignerConcurrencyTest {

    @Test
    void concurrentSignaturesAndHashesEqualFreshInstances() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                running.add(threads.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        String key = "secret-" + thread + "-" + i;
                        String text = "string to sign " + i + " of thread " + thread;
                        assertThat(AkSkSigner.hmacSha256Hex(key, text)).isEqualTo(freshHmac(key, text));
                        assertThat(AkSkSigner.sha256Hex(text.getBytes(StandardCharsets.UTF_8)))
                                .isEqualTo(freshSha256(text));
                    }
                    return null;
                }));
            }
            for (Future<?> each : running) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static String freshHmac(String key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String freshSha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
