package org.opendws.snapshot.mock.error;

/**
 * An answer in the spec's error schema: HTTP status, error code and a message that names what
 * was wrong. Thrown anywhere in the request's handling; never carries a secret.
 */
public class DwsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;

    /** An error answer. */
    public DwsException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** 400 {@code DWS.0001}. */
    public static DwsException invalid(String message) {
        return new DwsException(400, ErrorCodes.INVALID_PARAMETER, message);
    }

    /** 400 {@code DWS.0006}. */
    public static DwsException emptyBody() {
        return new DwsException(400, ErrorCodes.EMPTY_BODY, "The request body is empty.");
    }

    /** 401 {@code APIGW.0301}, the reason after the gateway's usual prefix. */
    public static DwsException unauthenticated(String reason) {
        return new DwsException(401, ErrorCodes.AUTHENTICATION_FAILED, ErrorCodes.AUTHENTICATION_PREFIX + reason);
    }

    /** 403 {@code DWS.0015}. */
    public static DwsException forbidden(String message) {
        return new DwsException(403, ErrorCodes.NO_RESOURCE, message);
    }

    /** 404 {@code DWS.0015}. */
    public static DwsException notFound(String message) {
        return new DwsException(404, ErrorCodes.NO_RESOURCE, message);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The error code. */
    public String code() {
        return code;
    }
}
