package org.opendws.snapshot.contract.drift;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * An HTTP proxy on a free loopback port that plays one side of the contract drifting: it forwards
 * every request to its target, minus some request headers (a client that stopped sending them),
 * and rewrites the response bodies it relays (a server that changed its JSON). It records what it
 * relayed.
 */
final class TamperingProxy implements AutoCloseable {
    /** Headers the JDK's HttpClient sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    /** Response headers that describe the original body's framing, not the rewritten one's. */
    private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding", "connection");

    /** A relayed exchange, as the proxy's client saw it. */
    record Relayed(
            String method, String path, int status, Map<String, List<String>> responseHeaders, String responseBody) {}

    private final HttpServer server;
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Set<String> droppedRequestHeaders;
    private final UnaryOperator<String> responseBodyRewrite;
    private final List<Relayed> relayed = new CopyOnWriteArrayList<>();
    private volatile String target;

    private TamperingProxy(Set<String> droppedRequestHeaders, UnaryOperator<String> responseBodyRewrite)
            throws IOException {
        this.droppedRequestHeaders = droppedRequestHeaders.stream()
                .map(h -> h.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.responseBodyRewrite = responseBodyRewrite;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::relay);
        server.start();
    }

    /**
     * Starts a proxy; call {@link #forwardTo} before sending it anything.
     *
     * @param droppedRequestHeaders request headers not forwarded (any case)
     * @param responseBodyRewrite   applied to every response body relayed (UTF-8 text)
     */
    static TamperingProxy start(Set<String> droppedRequestHeaders, UnaryOperator<String> responseBodyRewrite)
            throws IOException {
        return new TamperingProxy(droppedRequestHeaders, responseBodyRewrite);
    }

    /** Where requests go, e.g. {@code http://127.0.0.1:8080}. */
    void forwardTo(String baseUrl) {
        this.target = baseUrl;
    }

    /** Its own base URL. */
    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Its port. */
    int port() {
        return server.getAddress().getPort();
    }

    /** What it relayed so far, oldest first. */
    List<Relayed> relayed() {
        return List.copyOf(relayed);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (target == null) {
                throw new IllegalStateException("TamperingProxy: forwardTo(...) was not called");
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (!RESTRICTED.contains(lower) && !droppedRequestHeaders.contains(lower)) {
                    values.forEach(value -> forward.header(name, value));
                }
            });
            HttpResponse<String> response =
                    client.send(forward.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

            String rewritten = responseBodyRewrite.apply(response.body());
            relayed.add(new Relayed(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    response.statusCode(),
                    response.headers().map(),
                    rewritten));
            response.headers().map().forEach((name, values) -> {
                if (!FRAMING.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] out = rewritten.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while relaying", e);
        }
    }
}
