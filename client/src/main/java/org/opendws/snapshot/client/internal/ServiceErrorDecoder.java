package org.opendws.snapshot.client.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import org.opendws.snapshot.client.error.DwsServiceException;
import org.opendws.snapshot.client.generated.model.ErrorResponse;

/**
 * Turns every non-2xx response into the {@link DwsServiceException} subtype of its status, with the
 * documented {@code error_code}, {@code error_msg} and request id when the body has them, and the
 * raw body in any case.
 */
final class ServiceErrorDecoder implements ErrorDecoder {
    private final ObjectMapper mapper;

    ServiceErrorDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        String requestId = Responses.requestId(response.headers());
        String raw;
        try {
            raw = Responses.text(Responses.body(response));
        } catch (IOException unreadable) {
            raw = "";
        }
        ErrorResponse error = parse(raw);
        if (error == null) {
            return DwsServiceException.of(response.status(), null, null, requestId, raw);
        }
        if (requestId == null) {
            requestId = error.getRequestId();
        }
        return DwsServiceException.of(response.status(), error.getErrorCode(), error.getErrorMsg(), requestId, raw);
    }

    /** The documented error body, or null when the body is something else. */
    private ErrorResponse parse(String raw) {
        if (raw.isBlank()) {
            return null;
        }
        try {
            ErrorResponse error = mapper.readValue(raw, ErrorResponse.class);
            boolean documented = error != null && (error.getErrorCode() != null || error.getErrorMsg() != null);
            return documented ? error : null;
        } catch (IOException notTheDocumentedJson) {
            return null;
        }
    }
}
