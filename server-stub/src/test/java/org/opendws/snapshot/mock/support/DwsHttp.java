package org.opendws.snapshot.mock.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opendws.snapshot.auth.AkSkCredentials;
import org.opendws.snapshot.auth.AkSkSigner;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.auth.SignRequest;
import org.opendws.snapshot.mock.World;

/** A small HTTP client of the mock for tests: real HTTP through java.net.http. */
public final class DwsHttp {
    /** The default world's project. */
    public static final String PROJECT = World.DEFAULT_PROJECT_ID;
    /** The default world's cluster. */
    public static final String CLUSTER = World.DEFAULT_CLUSTER_ID;
    /** The operation's path in the default project. */
    public static final String PATH = "/v1.0/" + PROJECT + "/snapshots";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String baseUrl;
    private final Clock clock;

    /** A client of the server at {@code baseUrl}, signing with the system clock. */
    public DwsHttp(String baseUrl) {
        this(baseUrl, Clock.systemUTC());
    }

    /** A client of the server at {@code baseUrl}, signing with {@code clock}. */
    public DwsHttp(String baseUrl, Clock clock) {
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** The Host header this client sends, e.g. {@code 127.0.0.1:54321}. */
    public String host() {
        return URI.create(baseUrl).getAuthority();
    }

    /** A create body; {@code description} may be null. */
    public static String body(String name, String clusterId, String description) {
        ObjectNode snapshot = JSON.createObjectNode().put("name", name).put("cluster_id", clusterId);
        if (description != null) {
            snapshot.put("description", description);
        }
        ObjectNode root = JSON.createObjectNode();
        root.set("snapshot", snapshot);
        return root.toString();
    }

    /** A create body for the default cluster. */
    public static String body(String name) {
        return body(name, CLUSTER, "made by a test");
    }

    /** The headers AkSkSigner adds for a JSON POST of {@code body} to {@code path}. */
    public Map<String, String> sign(
            String path, Map<String, String> headers, byte[] body, String ak, String sk, String securityToken) {
        return signPost(clock, host(), path, headers, body, Credentials.akSk(ak, sk, securityToken));
    }

    /**
     * The headers AkSkSigner adds to a POST of {@code body} to {@code path} at {@code host} with
     * {@code headers} (signed too), at the clock's time.
     */
    public static Map<String, String> signPost(
            Clock clock,
            String host,
            String path,
            Map<String, String> headers,
            byte[] body,
            AkSkCredentials credentials) {
        return new AkSkSigner(clock)
                .sign(SignRequest.builder()
                        .method("POST")
                        .host(host)
                        .rawPath(path)
                        .headers(headers)
                        .body(body)
                        .credentials(credentials)
                        .build())
                .headers();
    }

    /** Creates in the default project, signed by AkSkSigner with the default credential. */
    public Response create(String body) {
        return create(PATH, body);
    }

    /** Creates at {@code path}, signed by AkSkSigner with the default credential. */
    public Response create(String path, String body) {
        return createAs(path, body, World.DEFAULT_ACCESS_KEY, World.DEFAULT_SECRET_KEY, Map.of());
    }

    /** Creates at {@code path}, signed by AkSkSigner with the given credential and extra signed headers. */
    public Response createAs(String path, String body, String ak, String sk, Map<String, String> extraHeaders) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.putAll(extraHeaders);
        headers.putAll(sign(path, headers, bytes, ak, sk, null));
        return send("POST", path, bytes, headers, false);
    }

    /** Creates with an IAM token. */
    public Response createWithToken(String path, String body, String token) {
        return send(
                "POST",
                path,
                body.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json", "X-Auth-Token", token),
                false);
    }

    /** Sends a request as given (chunked: without Content-Length, in chunks). */
    public Response send(String method, String path, byte[] body, Map<String, String> headers, boolean chunked) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : chunked
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, publisher);
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A request without a body (a GET, a DELETE) signed by the {@link IndependentSigner} with the
     * default credential, at this client's clock; {@code target} is the path and the query as sent.
     */
    public Response signed(String method, String target) {
        return signedAs(method, target, World.DEFAULT_ACCESS_KEY, World.DEFAULT_SECRET_KEY);
    }

    /** A request without a body signed by the {@link IndependentSigner} with the given credential. */
    public Response signedAs(String method, String target, String ak, String sk) {
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? null : target.substring(question + 1);
        Map<String, String> signedHeaders = new LinkedHashMap<>();
        signedHeaders.put("Host", host());
        signedHeaders.put("X-Sdk-Date", org.opendws.snapshot.auth.AkSkSigner.SDK_DATE_FORMAT.format(clock.instant()));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Sdk-Date", signedHeaders.get("X-Sdk-Date"));
        headers.put(
                "Authorization",
                IndependentSigner.authorization(ak, sk, method, path, query, signedHeaders, new byte[0]));
        return send(method, target, null, headers, false);
    }

    /** A GET. */
    public Response get(String path) {
        return send("GET", path, null, Map.of(), false);
    }

    /** An admin call with a JSON body (or none). */
    public Response admin(String method, String path, String json) {
        return send(
                method,
                "/__admin" + path,
                json == null ? null : json.getBytes(StandardCharsets.UTF_8),
                json == null ? Map.of() : Map.of("Content-Type", "application/json"),
                false);
    }

    /**
     * An answer.
     *
     * @param status  the HTTP status
     * @param headers the headers
     * @param body    the body text
     */
    public record Response(int status, HttpHeaders headers, String body) {
        /** The body as JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** {@code error_code}. */
        public String code() {
            return json().path("error_code").asText(null);
        }

        /** {@code error_msg}. */
        public String message() {
            return json().path("error_msg").asText(null);
        }

        /** The {@code X-Request-Id} header. */
        public String requestId() {
            return headers.firstValue("X-Request-Id").orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
