package org.opendws.snapshot.client.error;

/** HTTP 404 ({@code DWS.0015}): the cluster does not exist in the project. */
public class NotFoundException extends DwsClientErrorException {
    private static final long serialVersionUID = 1L;

    /**
     * @param errorCode    {@code error_code}, or null
     * @param errorMessage {@code error_msg}, or null
     * @param requestId    the request id, or null
     * @param rawBody      the body as received
     */
    public NotFoundException(String errorCode, String errorMessage, String requestId, String rawBody) {
        super(404, errorCode, errorMessage, requestId, rawBody);
    }
}
