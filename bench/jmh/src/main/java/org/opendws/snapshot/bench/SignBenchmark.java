package org.opendws.snapshot.bench;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.opendws.snapshot.auth.AkSkSigner;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.auth.SignRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Signing alone: one create-snapshot request of the reference vectors' size. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignBenchmark {
    private final AkSkSigner signer = new AkSkSigner();
    private final byte[] body =
            ("{\"snapshot\":{\"name\":\"snapshot-3\",\"cluster_id\":\"44b277eb-39be-4921-be31-3d61b43651d7\","
                            + "\"description\":\"Snapshot-3 description\"}}")
                    .getBytes(StandardCharsets.UTF_8);
    private final Map<String, String> headers =
            Map.of("Content-Type", "application/json", "X-Project-Id", "89cd04f168b84af6be287f71730fdb4b");

    /** What the client does for each request: build the request to sign, hash the body, sign. */
    @Benchmark
    public Map<String, String> sign() {
        return signer.sign(SignRequest.builder()
                        .method("POST")
                        .host("127.0.0.1:8080")
                        .rawPath("/v1.0/89cd04f168b84af6be287f71730fdb4b/snapshots")
                        .headers(headers)
                        .body(body)
                        .credentials(
                                Credentials.akSk("MOCKACCESSKEY0000000", "MockSecretKeyForLocalDevelopmentOnly0000"))
                        .build())
                .headers();
    }
}
