import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.opendws.snapshot.auth.AkSkCredentials;
import org.opendws.snapshot.auth.AkSkSigner;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.auth.SignRequest;

/**
 * The load generator of bench/auth-cost.sh. THREADS threads send valid creates through one JDK
 * HttpClient: unsigned to the mock at UNSIGNED_URL (auth=none), or signed with the auth module's
 * AkSkSigner to the mock at SIGNED_URL (auth=aksk). Both modes are first warmed up for WARMUP
 * seconds each, then measured for SECONDS seconds each, ROUNDS times, alternating which goes
 * first (unsigned, signed, signed, unsigned, ...). One process for both, so that the generator
 * is equally warm for each. Prints one line per measurement:
 * "RESULT <round> <signed|unsigned> <req/s> <answers not 200> <requests that got no answer>".
 * The last are the JDK HttpClient's own: a rare request, with the mock on JDK 17
 * or 25 and the generator on either, fails with "header parser received no bytes" on a
 * connection that the client itself closed (seen in a packet capture: the FIN comes from the
 * client); bench/auth-cost.sh tolerates one in 10,000.
 *
 * <p>Usage: java -cp auth/target/classes bench/AuthLoad.java UNSIGNED_URL SIGNED_URL THREADS WARMUP SECONDS ROUNDS
 */
public class AuthLoad {
    static final String PROJECT = "89cd04f168b84af6be287f71730fdb4b";
    static final String CLUSTER = "44b277eb-39be-4921-be31-3d61b43651d7";
    static final String PATH = "/v1.0/" + PROJECT + "/snapshots";
    // the mock's default world's credential
    static final String AK = "MOCKACCESSKEY0000000";
    static final String SK = "MockSecretKeyForLocalDevelopmentOnly0000";

    static final AkSkSigner SIGNER = new AkSkSigner();
    static final AkSkCredentials CREDENTIALS = Credentials.akSk(AK, SK);
    static final AtomicLong SEQ = new AtomicLong();
    static final AtomicLong FAILURES = new AtomicLong();
    static volatile long runStart;
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
                System.out.printf(
                        "RESULT %d %s %.0f %d %d%n",
                        round, sign ? "signed" : "unsigned", counts[0] / (double) seconds, counts[1], counts[2]);
            }
        }
    }

    /** THREADS threads sending for SECONDS seconds; returns {answers 200, other answers, no answer}. */
    static long[] run(URI uri, boolean sign, int threads, long seconds) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong unanswered = new AtomicLong();
        runStart = System.nanoTime();
        long end = runStart + seconds * 1_000_000_000L;
        // a client per run: the other mode's run leaves a server's pooled connections idle for
        // 20 s and more, and a server that closes one as the client reuses it fails a POST, which
        // the JDK client does not retry ("header parser received no bytes")
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                while (System.nanoTime() < end) {
                    int status = send(http, uri, sign);
                    (status == 200 ? ok : status < 0 ? unanswered : failed).incrementAndGet();
                }
            });
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return new long[] {ok.get(), failed.get(), unanswered.get()};
    }

    /** says what went wrong, for the first few failures only */
    static void failure(String what) {
        if (FAILURES.incrementAndGet() <= 5) {
            System.err.println((System.nanoTime() - runStart) / 1_000_000 + " ms into the run: " + what);
        }
    }

    static int send(HttpClient http, URI uri, boolean sign) {
        byte[] body = ("{\"snapshot\":{\"name\":\"a" + RUN + "-" + SEQ.incrementAndGet() + "\",\"cluster_id\":\""
                        + CLUSTER + "\",\"description\":\"bench\"}}")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (sign) {
            SIGNER.sign(SignRequest.builder()
                            .method("POST")
                            .host(uri.getAuthority())
                            .rawPath(PATH)
                            .header("Content-Type", "application/json")
                            .body(body)
                            .credentials(CREDENTIALS)
                            .build())
                    .headers()
                    .forEach(request::header);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                failure("answered " + response.statusCode() + " " + response.body());
            }
            return response.statusCode();
        } catch (Exception e) {
            failure("no answer: " + e);
            return -1;
        }
    }
}
