package org.opendws.snapshot.mock.request;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.opendws.snapshot.mock.error.ErrorWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code dws.mock.max-body-size} for every request, not only the operation's: a body above it
 * is refused with 400 {@code DWS.0001} before more than the cap (plus one byte) is read. Without
 * it the admin API's JSON reader, or Spring's form parser for a PUT, read a body of any size to
 * its end. Bodies within the cap are kept in memory ({@link CachedBodyRequest}) for what follows.
 */
public final class BodyLimitFilter extends OncePerRequestFilter {
    private final ErrorWriter errors;
    private final int maxBodyBytes;

    /** A filter refusing bodies above {@code maxBodyBytes}. */
    public BodyLimitFilter(ErrorWriter errors, int maxBodyBytes) {
        this.errors = errors;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CachedBodyRequest cached = CachedBodyRequest.readOrRefuse(request, response, maxBodyBytes, errors);
        if (cached != null) {
            chain.doFilter(cached, response);
        }
    }
}
