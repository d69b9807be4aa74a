package org.opendws.snapshot.mock.error;

import java.util.Map;

/**
 * An answer in the spec's error schema: HTTP status, error code and a message that names what
 * was wrong. Thrown anywhere in a request's handling and written by {@link ErrorMapper}; never
 * carries a secret.
 */
public class ServiceError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final transient Map<String, String> headers;

    /** An error answer. */
    public ServiceError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    /** An error answer with response headers (e.g. {@code Allow} of a 405). */
    public ServiceError(int status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    /** 400 {@code DWS.0001}. */
    public static ServiceError invalid(String message) {
        return new ServiceError(400, ErrorCodes.INVALID_PARAMETER, message);
    }

    /** 400 {@code DWS.0006}. */
    public static ServiceError emptyBody() {
        return new ServiceError(400, ErrorCodes.EMPTY_BODY, "The request body is empty.");
    }

    /** 401 {@code APIGW.0301}, the reason after the gateway's usual prefix. */
    public static ServiceError unauthenticated(String reason) {
        return new ServiceError(401, ErrorCodes.AUTHENTICATION_FAILED, ErrorCodes.AUTHENTICATION_PREFIX + reason);
    }

    /** 403 {@code DWS.0015}. */
    public static ServiceError forbidden(String message) {
        return new ServiceError(403, ErrorCodes.NO_RESOURCE, message);
    }

    /** 404 {@code DWS.0015}. */
    public static ServiceError notFound(String message) {
        return new ServiceError(404, ErrorCodes.NO_RESOURCE, message);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The error code. */
    public String code() {
        return code;
    }

    /** Headers of the answer besides the error body's. */
    public Map<String, String> headers() {
        return headers;
    }
}
