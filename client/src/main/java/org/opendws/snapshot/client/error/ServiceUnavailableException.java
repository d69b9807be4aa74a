package org.opendws.snapshot.client.error;

/** HTTP 503 ({@code DWS.0005}): the service is temporarily unavailable; retry later. */
public class ServiceUnavailableException extends DwsServerErrorException {
    private static final long serialVersionUID = 1L;

    /**
     * @param errorCode    {@code error_code}, or null
     * @param errorMessage {@code error_msg}, or null
     * @param requestId    the request id, or null
     * @param rawBody      the body as received
     */
    public ServiceUnavailableException(String errorCode, String errorMessage, String requestId, String rawBody) {
        super(503, errorCode, errorMessage, requestId, rawBody);
    }
}
