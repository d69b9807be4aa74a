package org.opendws.snapshot.mock.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opendws.snapshot.mock.error.ErrorCodes;
import org.opendws.snapshot.mock.error.ErrorMapper;
import org.opendws.snapshot.mock.error.ServiceError;
import org.opendws.snapshot.mock.fault.Sleeper;
import org.opendws.snapshot.mock.gateway.Gateway;
import org.opendws.snapshot.mock.journal.Journal;
import org.opendws.snapshot.mock.request.MockRequest;
import org.opendws.snapshot.mock.request.RequestIds;
import org.opendws.snapshot.mock.spec.OpenApiDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The one way every request goes, whatever its path: request id, body limit, gateway
 * (authentication, clock skew, lockout, project permission; {@link Gateway}), faults and
 * delays, the operation (Spring MVC's dispatch to the generated interface, or the admin API, the
 * document, the docs), the journal, and {@link ErrorMapper} for every failure (here, and in
 * Spring MVC through {@link ErrorAdvice}). This filter is the thin part that knows the HTTP
 * server: it turns the servlet request into a {@link MockRequest}, acts on the gateway's
 * {@link Gateway.Admission}, and writes answers.
 */
public final class MockPipeline extends OncePerRequestFilter {
    /** The request attribute of the request's id. */
    public static final String REQUEST_ID = MockPipeline.class.getName() + ".requestId";
    /** The request attribute of the {@link MockRequest}, for the error mapper in Spring MVC. */
    public static final String MOCK_REQUEST = MockPipeline.class.getName() + ".request";
    /** The request attribute of the authenticated principal, on a request to an operation. */
    public static final String PRINCIPAL = MockPipeline.class.getName() + ".principal";
    /** The logger of the one line per request ({@code dws.mock.access-log=true}), at INFO. */
    public static final String ACCESS_LOGGER = "org.opendws.snapshot.mock.access";
    /** The MDC key under which log lines written while a request is handled carry its id. */
    public static final String MDC_KEY = "request_id";

    private static final Logger ACCESS = LoggerFactory.getLogger(ACCESS_LOGGER);
    private static final String ADMIN_PREFIX = "/__admin/";
    /**
     * Methods that are no API on any path: 405 {@code APIGW.0101}, like any other method a path
     * does not have (with {@code Allow} on a path of the document), instead of Spring MVC's own
     * handling (an automatic answer to OPTIONS). A TRACE is never echoed: it would reflect the
     * request's credentials. (Tomcat answers CONNECT and {@code OPTIONS *} before any filter:
     * {@link JsonErrorReportValve}, {@link AsteriskOptions}.)
     */
    private static final Set<String> NO_API_METHODS = Set.of("OPTIONS", "TRACE");

    private final Gateway gateway;
    private final ErrorMapper errors;
    private final Journal journal;
    private final OpenApiDocument document;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Sleeper sleeper;
    private final int maxBodyBytes;
    private final boolean accessLog;

    /**
     * The pipeline over these parts.
     *
     * @param sleeper      what waits out a delay
     * @param maxBodyBytes the largest body accepted (400 above, refused before more is read)
     * @param accessLog    whether to log one line per request
     */
    public MockPipeline(
            Gateway gateway,
            ErrorMapper errors,
            Journal journal,
            OpenApiDocument document,
            ObjectMapper mapper,
            Clock clock,
            Sleeper sleeper,
            int maxBodyBytes,
            boolean accessLog) {
        this.gateway = gateway;
        this.errors = errors;
        this.journal = journal;
        this.document = document;
        this.mapper = mapper;
        this.clock = clock;
        this.sleeper = sleeper;
        this.maxBodyBytes = maxBodyBytes;
        this.accessLog = accessLog;
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest servletRequest, HttpServletResponse servletResponse, FilterChain chain)
            throws ServletException, IOException {
        String id = RequestIds.newId();
        Instant received = clock.instant();
        long start = System.nanoTime();
        servletRequest.setAttribute(REQUEST_ID, id);
        servletResponse.setHeader(RequestIds.HEADER, id);
        MDC.put(MDC_KEY, id);
        MockRequest request = head(servletRequest);
        // Answers are small: each is kept whole and sent with a Content-Length once it is
        // journaled, so a client holding an answer finds its request in the journal.
        ContentCachingResponseWrapper response = new ContentCachingResponseWrapper(servletResponse);
        try {
            request = request.withBody(BodyRequest.read(servletRequest, maxBodyBytes));
            servletRequest.setAttribute(MOCK_REQUEST, request);
            if (NO_API_METHODS.contains(request.method())
                    || ("HEAD".equals(request.method())
                            && !document.methods(request.path()).isEmpty())) {
                // HEAD on a path of the document: no operation of it (Spring MVC would run the
                // GET's handler without the gateway, which only admits the document's operations)
                throw noSuchApi(request);
            }
            Gateway.Admission admission = gateway.admit(request, id);
            sleeper.sleep(admission.delay());
            if (admission.refusal() != null) {
                throw admission.refusal();
            }
            if (admission.fault() != null) {
                Gateway.Fault fault = admission.fault();
                if (fault.preferred()) {
                    response.setHeader("Preference-Applied", "code=" + fault.status());
                }
                write(response, fault.status(), fault.body());
            } else {
                BodyRequest next = new BodyRequest(servletRequest, request.body());
                next.setAttribute(PRINCIPAL, admission.principal());
                chain.doFilter(next, response);
            }
        } catch (IOException | ServletException | RuntimeException failure) {
            writeError(response, failure, request, id);
        } finally {
            int status = response.getStatus();
            if (!request.path().startsWith(ADMIN_PREFIX)) {
                journal.record(received, request, status, id);
            }
            if (accessLog) {
                ACCESS.info(
                        "{} {} -> {} ({} ms) request_id={}",
                        request.method(),
                        request.path(),
                        status,
                        (System.nanoTime() - start) / 1_000_000,
                        id);
            }
            MDC.remove(MDC_KEY);
            response.copyBodyToResponse();
        }
    }

    private ServiceError noSuchApi(MockRequest request) {
        List<String> methods = document.methods(request.path());
        return new ServiceError(
                405,
                ErrorCodes.NO_SUCH_API,
                "The API does not exist: " + (request.method() + " " + request.path()).trim() + ".",
                methods.isEmpty() ? Map.of() : Map.of(HttpHeaders.ALLOW, String.join(", ", methods)));
    }

    private void writeError(HttpServletResponse response, Throwable failure, MockRequest request, String id)
            throws IOException {
        if (response.isCommitted()) {
            return; // the answer is set already (or Tomcat has chosen it, to be written by JsonErrorReportValve)
        }
        ErrorMapper.ErrorAnswer answer = errors.answer(failure, request, id);
        answer.headers().forEach(response::setHeader);
        write(response, answer.status(), answer.body(id));
    }

    /** Writes an answer; a null body (a fault whose documented answer has none, a delete's 202) writes none. */
    private void write(HttpServletResponse response, int status, Object body) throws IOException {
        if (body == null) {
            response.resetBuffer();
            response.setStatus(status);
            response.setContentLength(0);
            return;
        }
        byte[] json = mapper.writeValueAsBytes(body);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    /** The request's method, path, query and headers (no body yet). */
    static MockRequest head(HttpServletRequest request) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(16);
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
                headers.add(Map.entry(name, values.nextElement()));
            }
        }
        return new MockRequest(request.getMethod(), request.getRequestURI(), request.getQueryString(), headers, null);
    }
}
