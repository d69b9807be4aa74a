package org.opendws.snapshot.client.error;

/** The service answered 5xx: it failed (its own types for 500 and 503). */
public class DwsServerErrorException extends DwsServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * @param status       the HTTP status, 500 to 599
     * @param errorCode    {@code error_code}, or null
     * @param errorMessage {@code error_msg}, or null
     * @param requestId    the request id, or null
     * @param rawBody      the body as received
     */
    public DwsServerErrorException(
            int status, String errorCode, String errorMessage, String requestId, String rawBody) {
        super(status, errorCode, errorMessage, requestId, rawBody);
    }
}
