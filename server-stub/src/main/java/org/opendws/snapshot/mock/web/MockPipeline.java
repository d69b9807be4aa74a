package org.opendws.snapshot.mock.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.opendws.snapshot.mock.auth.Principal;
import org.opendws.snapshot.mock.error.ErrorCodes;
import org.opendws.snapshot.mock.error.ErrorMapper;
import org.opendws.snapshot.mock.error.ServiceError;
import org.opendws.snapshot.mock.gateway.Gateway;
import org.opendws.snapshot.mock.journal.Journal;
import org.opendws.snapshot.mock.request.MockRequest;
import org.opendws.snapshot.mock.request.RequestIds;
import org.opendws.snapshot.mock.spec.OpenApiDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one way every request goes, whatever its path: request id, body limit, gateway
 * (authentication, clock skew, lockout, project permission; {@link Gateway}), faults and
 * delays, the operation (Spring WebFlux's dispatch to the generated interface, or the admin API,
 * the document, the docs), the journal, and {@link ErrorMapper} for every failure. This class
 * is the thin part that knows the HTTP server: it turns the exchange into a {@link MockRequest},
 * acts on the gateway's {@link Gateway.Admission}, and writes answers.
 */
public final class MockPipeline implements WebFilter, Ordered {
    /** The exchange attribute of the request's id. */
    public static final String REQUEST_ID = MockPipeline.class.getName() + ".requestId";
    /** The exchange attribute of the authenticated {@link Principal}, on a request to an operation. */
    public static final String PRINCIPAL = MockPipeline.class.getName() + ".principal";
    /** The logger of the one line per request ({@code dws.mock.access-log=true}), at INFO. */
    public static final String ACCESS_LOGGER = "org.opendws.snapshot.mock.access";
    private static final Logger ACCESS = LoggerFactory.getLogger(ACCESS_LOGGER);
    /** The MDC key under which log lines written while a request is handled carry its id. */
    public static final String MDC_KEY = "request_id";
    private static final String ADMIN_PREFIX = "/__admin/";
    /**
     * Methods that are no API on any path: 405 {@code APIGW.0101}, like any other method a path
     * does not have (with {@code Allow} on a path of the document), instead of the server's own
     * handling (an automatic answer to OPTIONS). A TRACE is never echoed: it would reflect the
     * request's credentials.
     */
    private static final Set<String> NO_API_METHODS = Set.of("OPTIONS", "TRACE", "CONNECT");

    private final Gateway gateway;
    private final ErrorMapper errors;
    private final Journal journal;
    private final OpenApiDocument document;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final int maxBodyBytes;
    private final boolean accessLog;

    /**
     * The pipeline over these parts.
     *
     * @param maxBodyBytes the largest body accepted (400 above, refused before more is read)
     * @param accessLog    whether to log one line per request
     */
    public MockPipeline(Gateway gateway, ErrorMapper errors, Journal journal, OpenApiDocument document,
                        ObjectMapper mapper, Clock clock, int maxBodyBytes, boolean accessLog) {
        this.gateway = gateway;
        this.errors = errors;
        this.journal = journal;
        this.document = document;
        this.mapper = mapper;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
        this.accessLog = accessLog;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = RequestIds.newId();
        Instant received = clock.instant();
        long start = System.nanoTime();
        ServerHttpRequest request = exchange.getRequest();
        ServerHttpResponse response = exchange.getResponse();
        response.getHeaders().set(RequestIds.HEADER, id);
        exchange.getAttributes().put(REQUEST_ID, id);
        MockRequest head = head(request);
        // the journal keeps the request before its answer leaves: a client holding an answer finds it there
        boolean journaled = !head.path().startsWith(ADMIN_PREFIX);
        AtomicBoolean recorded = new AtomicBoolean();
        MockRequest[] seen = {head};
        Runnable record = () -> {
            if (journaled && recorded.compareAndSet(false, true)) {
                journal.record(received, seen[0], status(response), id);
            }
        };
        response.beforeCommit(() -> {
            record.run();
            return Mono.empty();
        });
        return body(request)
                .flatMap(body -> {
                    MockRequest whole = head.withBody(body);
                    seen[0] = whole;
                    return withMdc(id, () -> admitted(exchange, chain, whole, id));
                })
                .onErrorResume(failure -> writeError(exchange, failure, seen[0], id))
                .doFinally(signal -> {
                    record.run();
                    if (accessLog) {
                        ACCESS.info("{} {} -> {} ({} ms) request_id={}", head.method(), head.path(), status(response),
                                (System.nanoTime() - start) / 1_000_000, id);
                    }
                });
    }

    /** After the gateway: its delay, then its refusal, a fault, or the operation. */
    private Mono<Void> admitted(ServerWebExchange exchange, WebFilterChain chain, MockRequest request, String id) {
        Gateway.Admission admission = NO_API_METHODS.contains(request.method()) ? null : gateway.admit(request, id);
        Mono<Void> answer = Mono.defer(() -> {
            if (admission == null) {
                return Mono.error(noSuchApi(request));
            }
            if (admission.refusal() != null) {
                return Mono.error(admission.refusal());
            }
            if (admission.fault() != null) {
                Gateway.Fault fault = admission.fault();
                if (fault.preferred()) {
                    exchange.getResponse().getHeaders().set("Preference-Applied", "code=" + fault.status());
                }
                return write(exchange.getResponse(), fault.status(), fault.body());
            }
            ServerWebExchange next = exchange.mutate().request(withBody(exchange.getRequest(), request.body())).build();
            if (admission.principal() != null) {
                next.getAttributes().put(PRINCIPAL, admission.principal());
            }
            return chain.filter(next);
        });
        return admission == null || admission.delay().isZero() ? answer
                : Mono.delay(admission.delay()).then(withMdc(id, () -> answer));
    }

    /**
     * {@code work} subscribed with the request id in the MDC ({@value #MDC_KEY}), so that every log
     * line written meanwhile carries it: the gateway and the operation run synchronously within
     * the subscription.
     */
    private static Mono<Void> withMdc(String id, Supplier<Mono<Void>> work) {
        return Mono.from(subscriber -> {
            MDC.put(MDC_KEY, id);
            try {
                work.get().subscribe(subscriber);
            } finally {
                MDC.remove(MDC_KEY);
            }
        });
    }

    private ServiceError noSuchApi(MockRequest request) {
        List<String> methods = document.methods(request.path());
        return new ServiceError(405, ErrorCodes.NO_SUCH_API,
                "The API does not exist: " + (request.method() + " " + request.path()).trim() + ".",
                methods.isEmpty() ? Map.of() : Map.of(HttpHeaders.ALLOW, String.join(", ", methods)));
    }

    /**
     * The body, whole, or a 400 once it is known to be larger than allowed (before more is read)
     * or framed by a transfer coding other than chunked (whose end could not be found).
     */
    private Mono<byte[]> body(ServerHttpRequest request) {
        String coding = request.getHeaders().getFirst(HttpHeaders.TRANSFER_ENCODING);
        if (coding != null && !coding.trim().equalsIgnoreCase("chunked")) {
            return Mono.error(ServiceError.invalid("The request uses a transfer coding this server does not implement "
                    + "(Transfer-Encoding: " + coding + "); send the body with Content-Length or chunked."));
        }
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBodyBytes) {
            return Mono.error(tooLarge());
        }
        if (declared == 0) {
            return Mono.just(new byte[0]);
        }
        return DataBufferUtils.join(request.getBody(), maxBodyBytes)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge());
    }

    private ServiceError tooLarge() {
        return ServiceError.invalid("The request body is larger than " + maxBodyBytes
                + " bytes (dws.mock.max-body-size).");
    }

    /** The request with its body, read once here, for the operation to read again. */
    private static ServerHttpRequest withBody(ServerHttpRequest request, byte[] body) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
            }
        };
    }

    private Mono<Void> writeError(ServerWebExchange exchange, Throwable failure, MockRequest request, String id) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure); // the answer has begun: nothing can replace it
        }
        ErrorMapper.ErrorAnswer answer = errors.answer(failure, request, id);
        HttpHeaders headers = response.getHeaders();
        headers.clear();
        headers.set(RequestIds.HEADER, id);
        answer.headers().forEach(headers::set);
        return write(response, answer.status(), answer.body(id));
    }

    private Mono<Void> write(ServerHttpResponse response, int status, Object body) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        response.setStatusCode(HttpStatusCode.valueOf(status));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setContentLength(json.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json)));
    }

    private static MockRequest head(ServerHttpRequest request) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(16);
        request.getHeaders().forEach((name, values) -> values.forEach(value -> headers.add(Map.entry(name, value))));
        URI uri = request.getURI();
        // empty for a target without a path (CONNECT's authority form)
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return new MockRequest(request.getMethod().name(), path, uri.getRawQuery(), headers, null);
    }

    private static int status(ServerHttpResponse response) {
        HttpStatusCode status = response.getStatusCode();
        return status == null ? 200 : status.value();
    }
}
