package org.opendws.snapshot.client.error;

/** HTTP 403 ({@code DWS.0015}): the credential may not use this project. */
public class ForbiddenException extends DwsClientErrorException {
    private static final long serialVersionUID = 1L;

    /**
     * @param errorCode    {@code error_code}, or null
     * @param errorMessage {@code error_msg}, or null
     * @param requestId    the request id, or null
     * @param rawBody      the body as received
     */
    public ForbiddenException(String errorCode, String errorMessage, String requestId, String rawBody) {
        super(403, errorCode, errorMessage, requestId, rawBody);
    }
}
