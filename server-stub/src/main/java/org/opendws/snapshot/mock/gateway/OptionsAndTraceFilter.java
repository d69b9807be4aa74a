package org.opendws.snapshot.mock.gateway;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.opendws.snapshot.mock.error.DwsException;
import org.opendws.snapshot.mock.error.ErrorCodes;
import org.opendws.snapshot.mock.error.ErrorWriter;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * OPTIONS and TRACE are no API here: 405 {@code APIGW.0101} in the error schema, like any other
 * method a path does not have. Left to the container and Spring MVC, OPTIONS got an empty 200
 * and TRACE an empty 405 without request id; a TRACE is never echoed (it would reflect the
 * request's credentials).
 */
public final class OptionsAndTraceFilter extends OncePerRequestFilter {
    private final ErrorWriter errors;

    /** A filter writing its answers with {@code errors}. */
    public OptionsAndTraceFilter(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"OPTIONS".equals(request.getMethod()) && !"TRACE".equals(request.getMethod());
    }

    /** Also on the error page's dispatch, for a TRACE the container refused itself (below). */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // the container refused the request itself (a path under /META-INF, say): the error
            // page answers it as it would a GET; as a TRACE, the servlet would leave it empty
            chain.doFilter("TRACE".equals(request.getMethod()) ? new HttpServletRequestWrapper(request) {
                @Override
                public String getMethod() {
                    return "GET";
                }
            } : request, response);
            return;
        }
        if (Gateway.OPERATION.matches(PathContainer.parsePath(request.getRequestURI()))) {
            response.setHeader("Allow", "POST");
        }
        errors.write(request, response, new DwsException(405, ErrorCodes.NO_SUCH_API,
                "The API does not exist: " + request.getMethod() + " " + request.getRequestURI() + "."));
    }
}
