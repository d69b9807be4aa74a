package org.opendws.snapshot.client;

import com.sun.net.httpserver.HttpServer;
import feign.Client;
import feign.okhttp.OkHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.opendws.snapshot.auth.Credentials;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.opendws.snapshot.client.retry.RetryPolicy;

/**
 * A full {@code createSnapshot} call (validate, encode, sign, send, receive, decode) over each
 * candidate Feign transport, against a JDK HttpServer on loopback that answers the documented 200.
 * Not a test: run it with {@code client/benchmark/transport}; the numbers are in client/README.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TransportBenchmark {
    private static final byte[] CREATED =
            "{\"snapshot\":{\"id\":\"2a4d0f86-67cd-408a-8b66-017454fb7793\"}}".getBytes(StandardCharsets.UTF_8);

    /** The transport under measurement. */
    @Param({"jdk-httpclient", "httpurlconnection", "okhttp"})
    public String transport;

    private HttpServer server;
    private ExecutorService serverThreads;
    private DwsSnapshotClient client;

    /** Starts the local server and builds the client over the transport. */
    @Setup(Level.Trial)
    public void start() throws IOException {
        // without TCP_NODELAY the JDK server's small writes meet the client's delayed ACK: 40 ms a call
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        serverThreads = Executors.newFixedThreadPool(4);
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                in.readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("X-Request-Id", "bench");
                exchange.sendResponseHeaders(200, CREATED.length);
                out.write(CREATED);
            }
        });
        server.start();
        DwsSnapshotClient.Builder builder = DwsSnapshotClient.builder()
                .endpoint("http://127.0.0.1:" + server.getAddress().getPort())
                .credentials(Credentials.akSk("BENCHACCESSKEY", "bench-secret-key"))
                .projectId("89cd04f168b84af6be287f71730fdb4b")
                .environment(name -> null)
                .retryPolicy(RetryPolicy.none());
        Client other = switch (transport) {
            case "jdk-httpclient" -> null; // the client's own choice
            case "httpurlconnection" -> new Client.Default(null, null);
            case "okhttp" -> new OkHttpClient(new okhttp3.OkHttpClient.Builder().retryOnConnectionFailure(false).build());
            default -> throw new IllegalArgumentException(transport);
        };
        client = builder.transport(other).build();
    }

    /** Stops the client and the server. */
    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    /**
     * One call.
     *
     * @return the snapshot id, so that nothing is optimised away
     */
    @Benchmark
    public String createSnapshot() {
        return client.createSnapshot("snapshot-3", "44b277eb-39be-4921-be31-3d61b43651d7", "Snapshot-3 description").id();
    }
}
