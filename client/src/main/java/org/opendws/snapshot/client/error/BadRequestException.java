package org.opendws.snapshot.client.error;

/** HTTP 400: the request is wrong ({@code DWS.0001} a parameter, {@code DWS.0006} an empty body). */
public class BadRequestException extends DwsClientErrorException {
    private static final long serialVersionUID = 1L;

    /**
     * @param errorCode    {@code error_code}, or null
     * @param errorMessage {@code error_msg}, or null
     * @param requestId    the request id, or null
     * @param rawBody      the body as received
     */
    public BadRequestException(String errorCode, String errorMessage, String requestId, String rawBody) {
        super(400, errorCode, errorMessage, requestId, rawBody);
    }
}
