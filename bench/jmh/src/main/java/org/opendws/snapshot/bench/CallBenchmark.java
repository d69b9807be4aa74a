package org.opendws.snapshot.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.opendws.snapshot.auth.AkSkSigner;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.auth.SignRequest;
import org.opendws.snapshot.client.DwsSnapshotClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A full signed create against the running mock (system property {@code bench.url}, default
 * http://127.0.0.1:18085), through our client and through the floor: the JDK HttpClient, as built
 * by default, sending the same signed request by hand ({@link #jdkFloor}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CallBenchmark {
    private static final String PROJECT = "89cd04f168b84af6be287f71730fdb4b";
    private static final String CLUSTER = "44b277eb-39be-4921-be31-3d61b43651d7";
    private static final String AK = "MOCKACCESSKEY0000000";
    private static final String SK = "MockSecretKeyForLocalDevelopmentOnly0000";
    private final AtomicLong seq = new AtomicLong();
    private final String run = Long.toString(System.nanoTime() % 1_000_000, 36);
    private URI base;
    private DwsSnapshotClient client;
    private HttpClient jdk;
    private final AkSkSigner signer = new AkSkSigner();

    @Setup(Level.Trial)
    public void setUp() {
        base = URI.create(System.getProperty("bench.url", "http://127.0.0.1:18085"));
        client = DwsSnapshotClient.builder()
                .endpoint(base.toString())
                .credentials(Credentials.akSk(AK, SK))
                .projectId(PROJECT)
                .build();
        jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
    }

    @Benchmark
    public String client() {
        return client.createSnapshot("c" + run + "-" + seq.incrementAndGet(), CLUSTER, "bench")
                .id();
    }

    @Benchmark
    public String jdkFloor() throws Exception {
        return floor(jdk);
    }

    private String floor(HttpClient http) throws Exception {
        String path = "/v1.0/" + PROJECT + "/snapshots";
        byte[] body = ("{\"snapshot\":{\"name\":\"j" + run + "-" + seq.incrementAndGet() + "\",\"cluster_id\":\""
                        + CLUSTER + "\",\"description\":\"bench\"}}")
                .getBytes(StandardCharsets.UTF_8);
        Map<String, String> signedHeaders = Map.of("Content-Type", "application/json", "X-Project-Id", PROJECT);
        HttpRequest.Builder request =
                HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signedHeaders.forEach(request::header);
        signer.sign(SignRequest.builder()
                        .method("POST")
                        .host(base.getHost() + ":" + base.getPort())
                        .rawPath(path)
                        .headers(signedHeaders)
                        .body(body)
                        .credentials(Credentials.akSk(AK, SK))
                        .build())
                .headers()
                .forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("status " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
