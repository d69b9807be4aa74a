package org.opendws.snapshot.mock.request;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.opendws.snapshot.mock.journal.Journal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * First filter of every request: gives it a fresh id (response header {@code X-Request-Id},
 * MDC {@code request_id}), then logs one line for it and keeps it in the journal.
 */
public final class RequestIdFilter extends OncePerRequestFilter {
    /** The logger of the one line per request ({@code dws.mock.access-log=true}), at INFO. */
    public static final String ACCESS_LOGGER = "org.opendws.snapshot.mock.access";
    private static final Logger ACCESS = LoggerFactory.getLogger(ACCESS_LOGGER);

    private final Journal journal;
    private final Clock clock;
    private final boolean accessLog;

    /**
     * A filter that records requests in {@code journal}, timestamped by {@code clock}, and logs a
     * line for each when {@code accessLog}: off by default, because a CI job's log stays readable
     * without it and at tens of thousands of requests a second the line was an eighth of a
     * create's CPU (README "Benchmarks").
     */
    public RequestIdFilter(Journal journal, Clock clock, boolean accessLog) {
        this.journal = journal;
        this.clock = clock;
        this.accessLog = accessLog;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = RequestIds.newId();
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        response.setHeader(RequestIds.HEADER, id);
        MDC.put(RequestIds.MDC_KEY, id);
        Instant received = clock.instant();
        long start = System.nanoTime();
        boolean journaled = journal.capacity() > 0 && !request.getRequestURI().startsWith("/__admin/");
        if (journaled) {
            journal.begin();
        }
        // Answers are small: each is kept whole and sent with a Content-Length in one write once
        // it is logged and journaled (a chunked body took a second write for its last chunk, and
        // a client could hold a complete answer before its request was in the journal).
        ContentCachingResponseWrapper whole = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, whole);
        } finally {
            int status = whole.getStatus();
            if (accessLog) {
                logAccess(request.getMethod(), request.getRequestURI(), status, start, id);
            }
            if (journaled) {
                journal.end(received, RequestHead.of(request), status, id);
            }
            MDC.remove(RequestIds.MDC_KEY);
            whole.copyBodyToResponse();
        }
    }

    /** The access log's line of a request answered {@code status}, begun at {@code startNanos}. */
    public static void logAccess(String method, String path, int status, long startNanos, String id) {
        ACCESS.info("{} {} -> {} ({} ms) request_id={}", method, path, status, (System.nanoTime() - startNanos) / 1_000_000, id);
    }
}
