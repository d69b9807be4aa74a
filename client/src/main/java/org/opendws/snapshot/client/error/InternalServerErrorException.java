package org.opendws.snapshot.client.error;

/** HTTP 500 ({@code DWS.0005}): the service failed. */
public class InternalServerErrorException extends DwsServerErrorException {
    private static final long serialVersionUID = 1L;

    /**
     * @param errorCode    {@code error_code}, or null
     * @param errorMessage {@code error_msg}, or null
     * @param requestId    the request id, or null
     * @param rawBody      the body as received
     */
    public InternalServerErrorException(String errorCode, String errorMessage, String requestId, String rawBody) {
        super(500, errorCode, errorMessage, requestId, rawBody);
    }
}
