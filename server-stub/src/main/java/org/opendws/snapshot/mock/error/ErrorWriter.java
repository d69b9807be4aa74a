package org.opendws.snapshot.mock.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.opendws.snapshot.mock.generated.model.ErrorResponse;
import org.opendws.snapshot.mock.request.RequestIds;
import org.springframework.http.MediaType;

/**
 * Writes JSON answers straight to the servlet response, for the code that runs before or
 * outside Spring MVC (filters, the error page): the spec's error schema with the request id.
 */
public final class ErrorWriter {
    private final ObjectMapper mapper;

    /** A writer that serialises with {@code mapper}. */
    public ErrorWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The error body of {@code error} for this request. */
    public static ErrorResponse body(HttpServletRequest request, String code, String message) {
        return body(RequestIds.of(request), code, message);
    }

    /** The error body of a request with this id. */
    public static ErrorResponse body(String requestId, String code, String message) {
        return new ErrorResponse(code, message).requestId(requestId);
    }

    /** Writes {@code error} as the answer. */
    public void write(HttpServletRequest request, HttpServletResponse response, DwsException error) throws IOException {
        write(request, response, error.status(), body(request, error.code(), error.getMessage()));
    }

    /** Writes {@code body} as JSON with {@code status}, and the request id header. */
    public void write(HttpServletRequest request, HttpServletResponse response, int status, Object body)
            throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setHeader(RequestIds.HEADER, RequestIds.of(request));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        byte[] json = mapper.writeValueAsBytes(body);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
        response.flushBuffer();
    }
}
