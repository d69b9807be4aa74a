import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The training run of the fast start's class data sharing archive (server-stub README, "Start it
 * faster"), run by the build with the JDK's source launcher: starts the extracted mock with
 * -XX:ArchiveClassesAtExit, sends it the requests a first user sends (a valid create, an invalid
 * one, a token and a refused signature, the document, the docs, the admin API), then stops it;
 * the JVM writes the archive as it exits. An archive named {@code *.aot} is a JDK 25 ahead-of-time
 * cache instead (-XX:AOTCacheOutput: classes loaded and linked, and the methods' profiles), made
 * the same way with a JDK 25 java. Stopping at the context's refresh instead (Spring Boot's
 * recipe) left out the server's start and every class of the first request, much of the time to
 * the first answer.
 *
 * <p>Arguments: the java executable, the extracted jar, the archive to write. Stopping relies on
 * SIGTERM being a normal JVM exit (POSIX systems, as the project's build machines are).
 */
public final class CdsTraining {
    private static final String PROJECT = "89cd04f168b84af6be287f71730fdb4b";
    private static final String CLUSTER = "44b277eb-39be-4921-be31-3d61b43651d7";
    // the default world's IAM token (World.DEFAULT_TOKEN)
    private static final String TOKEN = "MockIamTokenForLocalDevelopmentOnly";

    public static void main(String[] args) throws Exception {
        String java = args[0];
        Path jar = Path.of(args[1]).toAbsolutePath();
        Path archive = Path.of(args[2]).toAbsolutePath();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Files.deleteIfExists(archive);
        // the JVM lists every class it cannot archive (e.g. generated accessors): not logged
        List<String> command = new ArrayList<>(
                archive.toString().endsWith(".aot")
                        ? List.of(java, "-XX:AOTCacheOutput=" + archive, "-Xlog:aot=off")
                        : List.of(
                                java, "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        command.addAll(List.of(
                "-Dspring.aot.enabled=true",
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--logging.level.root=WARN"));
        Process mock = new ProcessBuilder(command).inheritIO().start();
        Exception failure = null;
        try {
            train(port, mock);
        } catch (Exception e) {
            failure = e;
        }
        mock.destroy(); // SIGTERM: a normal exit, at which the archive is written
        if (!mock.waitFor(60, TimeUnit.SECONDS)) {
            mock.destroyForcibly();
            IllegalStateException hung = new IllegalStateException("the training start did not stop");
            if (failure != null) {
                hung.addSuppressed(failure);
            }
            throw hung;
        }
        if (failure != null) {
            throw failure;
        }
        if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
            throw new IllegalStateException("no archive was written: " + archive + " (a JDK without its base"
                    + " CDS archive cannot write one; -Dexec.skip builds without the fast start)");
        }
    }

    private static void train(int port, Process mock) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try {
                HttpResponse<String> document = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/openapi.yaml"))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (document.statusCode() != 200 || !document.body().startsWith("openapi")) {
                    // another process took the port between its choice and the mock's start
                    throw new IllegalStateException("port " + port + " answers, but not as the mock does");
                }
                break;
            } catch (IOException notYet) {
                if (!mock.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the training start did not answer", notYet);
                }
                Thread.sleep(50);
            }
        }
        String path = base + "/v1.0/" + PROJECT + "/snapshots";
        String valid =
                "{\"snapshot\":{\"name\":\"training-%d\",\"cluster_id\":\"" + CLUSTER + "\",\"description\":\"t\"}}";
        for (int i = 0; i < 3; i++) {
            expect(200, http, post(path, String.format(valid, i)).header("X-Auth-Token", TOKEN));
        }
        expect(
                400,
                http,
                post(path, "{\"snapshot\":{\"name\":\"1abc\",\"cluster_id\":\"" + CLUSTER + "\"}}")
                        .header("X-Auth-Token", TOKEN));
        expect(400, http, post(path, "{\"snapshot\":").header("X-Auth-Token", TOKEN));
        expect(
                401,
                http,
                post(path, String.format(valid, 9))
                        .header("X-Sdk-Date", "20261128T000000Z")
                        .header(
                                "Authorization",
                                "SDK-HMAC-SHA256 Access=UNKNOWN, SignedHeaders=host;x-sdk-date, Signature=00"));
        expect(200, http, get(base + "/docs/"));
        expect(200, http, get(base + "/__admin/journal"));
        expect(404, http, get(base + "/no-such-path"));
    }

    private static HttpRequest.Builder get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30));
    }

    private static HttpRequest.Builder post(String uri, String json) {
        return HttpRequest.newBuilder(URI.create(uri))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static void expect(int status, HttpClient http, HttpRequest.Builder request) throws Exception {
        HttpRequest built = request.build();
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != status) {
            throw new IllegalStateException(built.method() + " " + built.uri() + ": expected " + status + ", got "
                    + response.statusCode() + " " + response.body());
        }
    }
}
