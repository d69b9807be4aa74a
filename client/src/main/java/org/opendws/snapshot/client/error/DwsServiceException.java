package org.opendws.snapshot.client.error;

/**
 * The service answered with a status that is not a success. Subtypes tell 4xx
 * ({@link DwsClientErrorException}) from 5xx ({@link DwsServerErrorException}), and each documented
 * status has its own type; this class itself is used for any other status (such as a redirect).
 *
 * <p>{@link #errorCode()} and {@link #errorMessage()} come from the documented JSON error body; when
 * the body is not that JSON they are null and {@link #rawBody()} still holds what was received.
 */
public class DwsServiceException extends DwsException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY_IN_MESSAGE = 200;

    /** The HTTP status. */
    private final int status;
    /** The body's {@code error_code}, or null. */
    private final String errorCode;
    /** The body's {@code error_msg}, or null. */
    private final String errorMessage;
    /** The body as received. */
    private final String rawBody;

    /**
     * @param status       the HTTP status
     * @param errorCode    {@code error_code} of the body, or null
     * @param errorMessage {@code error_msg} of the body, or null
     * @param requestId    the {@code X-Request-Id} (or the body's {@code request_id}), or null
     * @param rawBody      the body as received (empty string for none)
     */
    public DwsServiceException(int status, String errorCode, String errorMessage, String requestId, String rawBody) {
        super(describe(status, errorCode, errorMessage, requestId, rawBody), requestId, null);
        this.status = status;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.rawBody = rawBody == null ? "" : rawBody;
    }

    /**
     * The exception type for a status: one of the documented statuses' own types, else
     * {@link DwsClientErrorException} for 4xx, {@link DwsServerErrorException} for 5xx and this class
     * for anything else.
     *
     * @param status       the HTTP status
     * @param errorCode    {@code error_code} of the body, or null
     * @param errorMessage {@code error_msg} of the body, or null
     * @param requestId    the request id, or null
     * @param rawBody      the body as received
     * @return the exception to throw
     */
    public static DwsServiceException of(
            int status, String errorCode, String errorMessage, String requestId, String rawBody) {
        return switch (status) {
            case 400 -> new BadRequestException(errorCode, errorMessage, requestId, rawBody);
            case 401 -> new UnauthorizedException(errorCode, errorMessage, requestId, rawBody);
            case 403 -> new ForbiddenException(errorCode, errorMessage, requestId, rawBody);
            case 404 -> new NotFoundException(errorCode, errorMessage, requestId, rawBody);
            case 500 -> new InternalServerErrorException(errorCode, errorMessage, requestId, rawBody);
            case 503 -> new ServiceUnavailableException(errorCode, errorMessage, requestId, rawBody);
            default -> {
                if (status >= 400 && status < 500) {
                    yield new DwsClientErrorException(status, errorCode, errorMessage, requestId, rawBody);
                }
                if (status >= 500 && status < 600) {
                    yield new DwsServerErrorException(status, errorCode, errorMessage, requestId, rawBody);
                }
                yield new DwsServiceException(status, errorCode, errorMessage, requestId, rawBody);
            }
        };
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the {@code error_code} of the body (e.g. {@code DWS.0001}), or null when the body is not the documented JSON */
    public String errorCode() {
        return errorCode;
    }

    /** @return the {@code error_msg} of the body, or null when the body is not the documented JSON */
    public String errorMessage() {
        return errorMessage;
    }

    /** @return the body as received, empty when there was none */
    public String rawBody() {
        return rawBody;
    }

    private static String describe(int status, String code, String message, String requestId, String rawBody) {
        StringBuilder text = new StringBuilder("HTTP ").append(status);
        if (code != null || message != null) {
            text.append(' ')
                    .append(code == null ? "(no error_code)" : code)
                    .append(": ")
                    .append(message == null ? "(no error_msg)" : message);
        } else if (rawBody == null || rawBody.isEmpty()) {
            text.append(" with an empty body");
        } else {
            String shown = rawBody.length() > MAX_BODY_IN_MESSAGE
                    ? rawBody.substring(0, MAX_BODY_IN_MESSAGE) + "..."
                    : rawBody;
            text.append(" with a body that is not the documented JSON: ").append(shown.replaceAll("\\s+", " "));
        }
        return text.append(" (request id: ")
                .append(requestId == null ? "none" : requestId)
                .append(')')
                .toString();
    }
}
