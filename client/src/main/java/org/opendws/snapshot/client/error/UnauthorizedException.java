package org.opendws.snapshot.client.error;

/** HTTP 401 ({@code APIGW.0301}): authentication failed (unknown AK or token, bad signature, clock skew). */
public class UnauthorizedException extends DwsClientErrorException {
    private static final long serialVersionUID = 1L;

    /**
     * @param errorCode    {@code error_code}, or null
     * @param errorMessage {@code error_msg}, or null
     * @param requestId    the request id, or null
     * @param rawBody      the body as received
     */
    public UnauthorizedException(String errorCode, String errorMessage, String requestId, String rawBody) {
        super(401, errorCode, errorMessage, requestId, rawBody);
    }
}
