package org.opendws.snapshot.mock.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import org.opendws.snapshot.mock.error.DwsException;
import org.opendws.snapshot.mock.error.ErrorCodes;
import org.opendws.snapshot.mock.error.ErrorWriter;
import org.opendws.snapshot.mock.gateway.GatewayFilter;
import org.opendws.snapshot.mock.generated.api.SnapshotsApi;
import org.opendws.snapshot.mock.generated.model.CreateSnapshotRequestBody;
import org.opendws.snapshot.mock.generated.model.CreateSnapshotResponse;
import org.opendws.snapshot.mock.request.CachedBodyRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * The create operation without Spring MVC's dispatch, because that dispatch was the largest part
 * of a create's CPU (README "Benchmarks"). It answers only a request that Spring MVC would hand
 * to {@link SnapshotController} unchanged: a plain path, a JSON body in UTF-8, JSON accepted, the
 * body read and valid as Spring MVC would find it ({@link CreateReader}). Everything else
 * (another media type, unreadable JSON, a violated constraint) goes on to Spring MVC, whose error
 * handler words it: the fast path has no error of its own but the controller's. Off with
 * {@code dws.mock.fast-path=false}.
 */
public final class CreateFastPath extends OncePerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(CreateFastPath.class);

    private final SnapshotsApi operation;
    private final CreateReader reader;
    private final ObjectWriter writer;
    private final ErrorWriter errors;

    /** The fast path to {@code operation}, reading with {@code reader} and writing with {@code mapper}. */
    public CreateFastPath(SnapshotsApi operation, CreateReader reader, ObjectMapper mapper, ErrorWriter errors) {
        this.operation = operation;
        this.reader = reader;
        this.writer = mapper.writerFor(CreateSnapshotResponse.class);
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CreateSnapshotRequestBody body = null;
        // set by the gateway on the create requests it passes on, with the body it kept
        String projectId = (String) request.getAttribute(GatewayFilter.PROJECT_ID_ATTRIBUTE);
        CachedBodyRequest cached = WebUtils.getNativeRequest(request, CachedBodyRequest.class);
        String uri = request.getRequestURI();
        // '%' and ';' left to Spring MVC, which decodes the one and strips the other from the path
        if (projectId != null && cached != null && uri.indexOf('%') < 0 && uri.indexOf(';') < 0
                && CreateReader.isPlainJson(request.getContentType()) && acceptsJson(request)) {
            body = reader.readValid(projectId, cached.body());
        }
        if (body == null) {
            chain.doFilter(request, response);
            return;
        }
        LOG.trace("answering {} without Spring MVC's dispatch", uri);
        ResponseEntity<CreateSnapshotResponse> answer;
        byte[] json;
        try {
            answer = operation.createSnapshot(projectId, body);
            json = writer.writeValueAsBytes(answer.getBody());
        } catch (DwsException e) {
            errors.write(request, response, e);
            return;
        } catch (RuntimeException | IOException e) {
            // as ErrorHandler does for Spring MVC: the trace to the log (with the request id), no detail out
            LOG.error("request failed", e);
            errors.write(request, response, new DwsException(500, ErrorCodes.SERVER_FAILURE, ErrorCodes.SERVER_FAILURE_MESSAGE));
            return;
        }
        response.setStatus(answer.getStatusCode().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    /** No {@code Accept}, or one that plainly takes JSON. */
    private static boolean acceptsJson(HttpServletRequest request) {
        Enumeration<String> accepts = request.getHeaders("Accept");
        if (!accepts.hasMoreElements()) {
            return true;
        }
        String accept = accepts.nextElement();
        return !accepts.hasMoreElements() && CreateReader.acceptsJson(accept);
    }
}
