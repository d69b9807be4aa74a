import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.opendws.snapshot.client.auth.AkSkSigner;

/**
 * The load generator of bench/auth-cost.sh. THREADS threads send valid creates through one JDK
 * HttpClient: unsigned to the mock at UNSIGNED_URL (auth=none), or signed with the client's
 * AkSkSigner to the mock at SIGNED_URL (auth=aksk). Both modes are first warmed up for WARMUP
 * seconds each, then measured for SECONDS seconds each, ROUNDS times, alternating which goes
 * first (unsigned, signed, signed, unsigned, ...). One process for both, so that the generator
 * is equally warm for each. Prints one line per measurement:
 * "RESULT <round> <signed|unsigned> <req/s> <answers not 200>".
 *
 * <p>Usage: java -cp client/target/classes bench/AuthLoad.java UNSIGNED_URL SIGNED_URL THREADS WARMUP SECONDS ROUNDS
 */
public class AuthLoad {
    static final String PROJECT = "89cd04f168b84af6be287f71730fdb4b";
    static final String CLUSTER = "44b277eb-39be-4921-be31-3d61b43651d7";
    static final String PATH = "/v1.0/" + PROJECT + "/snapshots";
    // the mock's default world's credential
    static final String AK = "MOCKACCESSKEY0000000";
    static final String SK = "MockSecretKeyForLocalDevelopmentOnly0000";

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final AkSkSigner SIGNER = new AkSkSigner();
    static final Map<String, String> SIGNED_HEADERS = Map.of("Content-Type", "application/json");
    static final AtomicLong SEQ = new AtomicLong();
    static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    public static void main(String[] args) throws Exception {
        URI unsigned = URI.create(args[0]).resolve(PATH);
        URI signed = URI.create(args[1]).resolve(PATH);
        int threads = Integer.parseInt(args[2]);
        long warmup = Long.parseLong(args[3]);
        long seconds = Long.parseLong(args[4]);
        int rounds = Integer.parseInt(args[5]);

        run(unsigned, false, threads, warmup);
        run(signed, true, threads, warmup);
        for (int round = 1; round <= rounds; round++) {
            boolean signedFirst = round % 2 == 0;
            for (boolean sign : new boolean[] {signedFirst, !signedFirst}) {
                long[] counts = run(sign ? signed : unsigned, sign, threads, seconds);
                System.out.printf("RESULT %d %s %.0f %d%n", round, sign ? "signed" : "unsigned",
                        counts[0] / (double) seconds, counts[1]);
            }
        }
    }

    /** THREADS threads sending for SECONDS seconds; returns {answers 200, others}. */
    static long[] run(URI uri, boolean sign, int threads, long seconds) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                while (System.nanoTime() < end) {
                    (send(uri, sign) == 200 ? ok : failed).incrementAndGet();
                }
            });
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return new long[] {ok.get(), failed.get()};
    }

    static int send(URI uri, boolean sign) {
        byte[] body = ("{\"snapshot\":{\"name\":\"a" + RUN + "-" + SEQ.incrementAndGet() + "\",\"cluster_id\":\""
                + CLUSTER + "\",\"description\":\"bench\"}}").getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (sign) {
            SIGNER.sign("POST", uri.getAuthority(), PATH, Map.of(), SIGNED_HEADERS, body, AK, SK, null)
                    .forEach(request::header);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
