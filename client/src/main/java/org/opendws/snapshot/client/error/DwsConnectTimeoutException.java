package org.opendws.snapshot.client.error;

/** The connection was not established within the connect timeout; the request was not sent. */
public class DwsConnectTimeoutException extends DwsTimeoutException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what timed out, naming the endpoint and the limit
     * @param cause   the transport's timeout exception
     */
    public DwsConnectTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
