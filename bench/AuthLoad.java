import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.opendws.snapshot.client.auth.AkSkSigner;

/**
 * Load generator of bench/auth-cost.sh: THREADS threads send valid creates for SECONDS seconds,
 * each request either signed with the client's AkSkSigner or unsigned. Prints
 * "RESULT <req/s> <non-200>".
 * Usage: java -cp client/target/classes bench/AuthLoad.java URL signed|unsigned THREADS SECONDS
 */
public class AuthLoad {
    static final String PROJECT = "89cd04f168b84af6be287f71730fdb4b";
    static final String AK = "MOCKACCESSKEY0000000";
    static final String SK = "MockSecretKeyForLocalDevelopmentOnly0000";

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        boolean signed = args[1].equals("signed");
        int threads = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        String path = "/v1.0/" + PROJECT + "/snapshots";
        String host = base.getHost() + ":" + base.getPort();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AkSkSigner signer = new AkSkSigner();
        AtomicLong ok = new AtomicLong(), failed = new AtomicLong(), seq = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        String run = Long.toString(System.nanoTime() % 100000, 36);

        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                while (System.nanoTime() < end) {
                    byte[] body = ("{\"snapshot\":{\"name\":\"a" + run + "-" + seq.incrementAndGet()
                            + "\",\"cluster_id\":\"44b277eb-39be-4921-be31-3d61b43651d7\"}}").getBytes(StandardCharsets.UTF_8);
                    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                    if (signed) {
                        signer.sign("POST", host, path, Map.of(), Map.of("Content-Type", "application/json"), body, AK, SK, null)
                                .forEach(request::header);
                    }
                    try {
                        int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status == 200 ? ok : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        System.out.printf("RESULT %.0f %d%n", ok.get() / (double) seconds, failed.get());
    }
}
