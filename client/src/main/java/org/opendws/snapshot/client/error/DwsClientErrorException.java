package org.opendws.snapshot.client.error;

/** The service answered 4xx: the request was wrong (its own types for 400, 401, 403 and 404). */
public class DwsClientErrorException extends DwsServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * @param status       the HTTP status, 400 to 499
     * @param errorCode    {@code error_code}, or null
     * @param errorMessage {@code error_msg}, or null
     * @param requestId    the request id, or null
     * @param rawBody      the body as received
     */
    public DwsClientErrorException(
            int status, String errorCode, String errorMessage, String requestId, String rawBody) {
        super(status, errorCode, errorMessage, requestId, rawBody);
    }
}
