package org.opendws.snapshot.mock.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.opendws.snapshot.mock.generated.model.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Turns every exception of a request handled by Spring MVC into the spec's error schema:
 * validation failures into 400 {@code DWS.0001} naming field, rule and rejected value; Spring's
 * own errors (404, 405, 406, 415, unreadable JSON) keep their status; anything unexpected is a
 * 500 {@code DWS.0005} without internal detail (the stack trace goes to the log only).
 */
@RestControllerAdvice
public class ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);
    private final ViolationMessages violations;

    /** A handler wording violations with {@code violations}. */
    public ErrorHandler(ViolationMessages violations) {
        this.violations = violations;
    }

    /** An answer decided by the mock. */
    @ExceptionHandler(DwsException.class)
    public ResponseEntity<ErrorResponse> dws(DwsException e, HttpServletRequest request) {
        return answer(request, e.status(), e.code(), e.getMessage(), null);
    }

    /**
     * Spring MVC's built-in method validation of the generated interface's constraints: those of
     * the path variables and, through {@code @Valid}, those of the request body.
     */
    @ExceptionHandler(HandlerMethodValidationException.class)
    public ResponseEntity<ErrorResponse> methodValidation(HandlerMethodValidationException e, HttpServletRequest request) {
        List<String> messages = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            MethodParameter parameter = result.getMethodParameter();
            PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
            String prefix = pathVariable != null && !pathVariable.value().isEmpty() ? pathVariable.value() : null;
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                messages.add(violations.message(prefix, parameter.getParameterType(),
                        result.unwrap(error, ConstraintViolation.class)));
            }
        }
        return invalid(request, messages);
    }

    /** A body that is not JSON, or JSON of the wrong shape. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ErrorResponse> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return answer(request, 400, ErrorCodes.INVALID_PARAMETER, unreadableMessage(e.getCause()), null);
    }

    /**
     * Spring's own errors (they implement {@link org.springframework.web.ErrorResponse}) keep
     * their status, in the spec's schema; anything else unexpected is a 500 without detail, the
     * stack trace going to the log with the request id.
     */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<ErrorResponse> other(Exception e, HttpServletRequest request) {
        if (!(e instanceof org.springframework.web.ErrorResponse error)) {
            LOG.error("request failed", e);
            return answer(request, 500, ErrorCodes.SERVER_FAILURE, ErrorCodes.SERVER_FAILURE_MESSAGE, null);
        }
        int status = error.getStatusCode().value();
        // the path as the client sent it, also when Spring forwarded it (e.g. /docs/ to /docs/index.html)
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String path = forwarded != null ? forwarded.toString() : request.getRequestURI();
        String message;
        if (status == 404) {
            message = "The API does not exist: " + request.getMethod() + " " + path + ".";
        } else if (e instanceof HttpRequestMethodNotSupportedException notSupported) {
            message = "The API does not exist: " + request.getMethod() + " " + path
                    + " (supported methods: " + notSupported.getSupportedHttpMethods() + ").";
        } else {
            String detail = error.getBody().getDetail();
            message = detail != null ? detail : error.getStatusCode().toString();
        }
        if (status >= 500) {
            LOG.error("request failed", e);
            message = ErrorCodes.SERVER_FAILURE_MESSAGE;
        }
        return answer(request, status, ErrorCodes.forStatus(status), message, error.getHeaders());
    }

    private ResponseEntity<ErrorResponse> invalid(HttpServletRequest request, Collection<String> messages) {
        List<String> sorted = new ArrayList<>(messages);
        sorted.sort(null);
        return answer(request, 400, ErrorCodes.INVALID_PARAMETER, String.join("; ", sorted), null);
    }

    private static ResponseEntity<ErrorResponse> answer(HttpServletRequest request, int status, String code,
                                                        String message, HttpHeaders headers) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (headers != null) {
            headers.forEach((name, values) -> {
                if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                    builder.header(name, values.toArray(String[]::new));
                }
            });
        }
        return builder.body(ErrorWriter.body(request, code, message));
    }

    /** Words a Jackson failure: where in the JSON and what was expected, never a Java class name. */
    static String unreadableMessage(Throwable cause) {
        if (cause instanceof JsonMappingException mapping && mapping.getCause() instanceof StreamReadException parse) {
            // a syntax error met while mapping (a key given twice, say): told as the syntax error it is
            cause = parse;
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return jsonPath(mismatch.getPath()) + ": must be " + expected(mismatch.getTargetType())
                    + " (rejected value: " + rejected(mismatch) + ")";
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getOriginalMessage().startsWith("Trailing token")) {
            return "The request body is not valid JSON: there is more after the JSON document.";
        }
        if (cause instanceof MismatchedInputException) {
            return "The request body must be a JSON object.";
        }
        if (cause instanceof StreamReadException parse) {
            JsonLocation at = parse.getLocation();
            return "The request body is not valid JSON: " + parse.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return jsonPath(mapping.getPath()) + ": invalid value";
        }
        return "The request body must be a JSON object.";
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "an object" : "of another type";
    }

    private static String rejected(JsonProcessingException e) {
        if (e.getProcessor() instanceof JsonParser parser) {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT) {
                return "an object";
            }
            if (token == JsonToken.START_ARRAY) {
                return "a list";
            }
            try {
                return token == null ? "?" : parser.getText();
            } catch (java.io.IOException ignored) {
                return "?";
            }
        }
        return "?";
    }
}
