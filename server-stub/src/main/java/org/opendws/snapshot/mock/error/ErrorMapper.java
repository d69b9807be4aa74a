package org.opendws.snapshot.mock.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opendws.snapshot.mock.generated.model.ErrorResponse;
import org.opendws.snapshot.mock.request.MockRequest;
import org.opendws.snapshot.mock.spec.OpenApiDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The one place where a failure becomes an answer in the spec's error schema, whatever raised it:
 * the gateway and the operations ({@link ServiceError}), the body limit, Spring MVC's binding and
 * validation of the generated interface (400 {@code DWS.0001} naming field or parameter, rule and
 * rejected value, or the code the document gives the parameter in {@code x-dws-error-code}),
 * Spring's own refusals (no such path or method: {@code APIGW.0101}), and anything
 * unexpected (500 {@code DWS.0005} without internal detail; the stack trace goes to the log with
 * the request id). Free of any HTTP server: the pipeline ({@code web} package) writes what it
 * returns.
 */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    private final ViolationMessages violations;
    private final OpenApiDocument document;

    /**
     * A mapper wording violations with {@code violations}, with the error codes {@code document}
     * gives parameters.
     */
    public ErrorMapper(ViolationMessages violations, OpenApiDocument document) {
        this.violations = violations;
        this.document = document;
    }

    /**
     * An error answer: status, error code, message and headers besides the body's.
     *
     * @param status  the HTTP status
     * @param code    the error code
     * @param message what was wrong
     * @param headers further response headers (e.g. {@code Allow})
     */
    public record ErrorAnswer(int status, String code, String message, Map<String, String> headers) {
        /** The body in the spec's error schema. */
        public ErrorResponse body(String requestId) {
            return new ErrorResponse(code, message).requestId(requestId);
        }
    }

    /** The answer to {@code request} (whose id is {@code requestId}) that failed with {@code failure}. */
    public ErrorAnswer answer(Throwable failure, MockRequest request, String requestId) {
        if (failure instanceof ServiceError e) {
            return new ErrorAnswer(e.status(), e.code(), e.getMessage(), e.headers());
        }
        if (failure instanceof HandlerMethodValidationException e) {
            return methodViolations(e);
        }
        if (failure instanceof MethodArgumentTypeMismatchException e) {
            return typeMismatch(e);
        }
        if (failure instanceof BindingResult e) {
            return invalid(bindingViolations(e));
        }
        if (failure instanceof HttpMediaTypeNotSupportedException) {
            return new ErrorAnswer(400, ErrorCodes.INVALID_PARAMETER, mediaTypeMessage(request), Map.of());
        }
        if (failure instanceof HttpMessageNotReadableException e) {
            return new ErrorAnswer(400, ErrorCodes.INVALID_PARAMETER, unreadableMessage(e.getCause()), Map.of());
        }
        if (failure instanceof org.springframework.web.ErrorResponse e
                && e.getStatusCode().value() < 500) {
            return springRefusal(e, request);
        }
        LOG.error("request {} failed", requestId, failure);
        int status = failure instanceof org.springframework.web.ErrorResponse e
                ? e.getStatusCode().value()
                : 500;
        return new ErrorAnswer(status, ErrorCodes.SERVER_FAILURE, ErrorCodes.SERVER_FAILURE_MESSAGE, Map.of());
    }

    /** Spring's own 4xx: no such API (404, 405) or a malformed request, in the error schema. */
    private static ErrorAnswer springRefusal(org.springframework.web.ErrorResponse e, MockRequest request) {
        int status = e.getStatusCode().value();
        String api = request.method() + " " + request.path();
        String message;
        if (status == 404) {
            message = "The API does not exist: " + api + ".";
        } else if (e instanceof HttpRequestMethodNotSupportedException notAllowed) {
            message = "The API does not exist: " + api + " (supported methods: " + notAllowed.getSupportedHttpMethods()
                    + ").";
        } else {
            String detail = e.getBody().getDetail();
            message = detail != null ? detail : e.getStatusCode().toString();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        e.getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                headers.put(name, String.join(", ", values));
            }
        });
        return new ErrorAnswer(status, ErrorCodes.forStatus(status), message, headers);
    }

    /**
     * The document's rule (its description): a body is JSON, sent as {@code application/json};
     * the gateway answers another or a missing {@code Content-Type} with 400, not 415.
     */
    private static String mediaTypeMessage(MockRequest request) {
        String sent = request.header(HttpHeaders.CONTENT_TYPE);
        return sent == null
                ? "Content-Type is missing: send the body as application/json."
                : "Content-Type '" + sent + "' is not supported: send the body as application/json.";
    }

    /**
     * Spring's built-in method validation of the generated interface's constraints: those of
     * the path and query parameters, each named as the document names it. The code is the one
     * the document gives the first parameter at fault ({@code x-dws-error-code}), else
     * {@code DWS.0001}.
     */
    private ErrorAnswer methodViolations(HandlerMethodValidationException e) {
        List<String> messages = new ArrayList<>();
        String code = null;
        List<ParameterValidationResult> results = new ArrayList<>(e.getParameterValidationResults());
        results.sort(
                java.util.Comparator.comparingInt(r -> r.getMethodParameter().getParameterIndex()));
        for (ParameterValidationResult result : results) {
            MethodParameter parameter = result.getMethodParameter();
            String name = parameterName(parameter);
            if (code == null) {
                code = name == null || document.parameterErrorCode(name) == null
                        ? ErrorCodes.INVALID_PARAMETER
                        : document.parameterErrorCode(name);
            }
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                messages.add(violations.message(
                        name, parameter.getParameterType(), result.unwrap(error, ConstraintViolation.class)));
            }
        }
        List<String> sorted = new ArrayList<>(messages);
        sorted.sort(null);
        return new ErrorAnswer(
                400, code == null ? ErrorCodes.INVALID_PARAMETER : code, String.join("; ", sorted), Map.of());
    }

    /**
     * A path or query parameter that is not of its type: a number that is not one, a value not
     * in the document's list ({@code sort_dir: must be one of asc, desc (rejected value: down)}).
     */
    private ErrorAnswer typeMismatch(MethodArgumentTypeMismatchException e) {
        String name = parameterName(e.getParameter());
        if (name == null) {
            name = e.getName();
        }
        Class<?> type = e.getRequiredType();
        String rule;
        if (type != null && type.isEnum()) {
            List<String> values = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                values.add(constant.toString()); // the generated enums' toString() is the document's value
            }
            rule = "must be one of " + String.join(", ", values);
        } else if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            rule = "must be an integer";
        } else {
            rule = "must be " + expected(type);
        }
        String code = document.parameterErrorCode(name);
        return new ErrorAnswer(
                400,
                code == null ? ErrorCodes.INVALID_PARAMETER : code,
                name + ": " + rule + " (rejected value: " + ViolationMessages.shown(e.getValue()) + ")",
                Map.of());
    }

    /** A parameter's name in the document: its {@code @PathVariable} or {@code @RequestParam} name. */
    private static String parameterName(MethodParameter parameter) {
        PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
        if (pathVariable != null && !pathVariable.value().isEmpty()) {
            return pathVariable.value();
        }
        RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
        if (requestParam != null && !requestParam.value().isEmpty()) {
            return requestParam.value();
        }
        return null;
    }

    /** The constraints of a request body ({@code @Valid}), checked as Spring read it. */
    private List<String> bindingViolations(BindingResult e) {
        Object target = e.getTarget();
        List<String> messages = new ArrayList<>();
        for (ObjectError error : e.getAllErrors()) {
            if (error.contains(ConstraintViolation.class)) {
                messages.add(violations.message(
                        null, target == null ? null : target.getClass(), error.unwrap(ConstraintViolation.class)));
            } else {
                String field = error instanceof FieldError fieldError ? fieldError.getField() + ": " : "";
                messages.add(field + error.getDefaultMessage());
            }
        }
        return messages;
    }

    private static ErrorAnswer invalid(Collection<String> messages) {
        List<String> sorted = new ArrayList<>(messages);
        sorted.sort(null);
        return new ErrorAnswer(400, ErrorCodes.INVALID_PARAMETER, String.join("; ", sorted), Map.of());
    }

    /** Words a Jackson failure: where in the JSON and what was expected, never a Java class name. */
    static String unreadableMessage(Throwable cause) {
        if (cause instanceof JsonMappingException mapping && mapping.getCause() instanceof StreamReadException parse) {
            // a syntax error met while mapping (a key given twice, say): told as the syntax error it is
            cause = parse;
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return jsonPath(mismatch.getPath()) + ": must be " + expected(mismatch.getTargetType())
                    + " (rejected value: " + rejected(mismatch) + ")";
        }
        if (cause instanceof MismatchedInputException mismatch
                && mismatch.getOriginalMessage().startsWith("Trailing token")) {
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
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")
                ? "an object"
                : "of another type";
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
