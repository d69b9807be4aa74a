package org.opendws.snapshot.client.error;

/**
 * The request was sent but no response arrived within the read timeout. The service may still have
 * acted on it.
 */
public class DwsReadTimeoutException extends DwsTimeoutException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what timed out, naming the endpoint and the limit
     * @param cause   the transport's timeout exception
     */
    public DwsReadTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
