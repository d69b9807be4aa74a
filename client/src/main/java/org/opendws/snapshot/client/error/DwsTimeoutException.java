package org.opendws.snapshot.client.error;

/** No answer in time: see {@link DwsConnectTimeoutException} and {@link DwsReadTimeoutException}. */
public abstract class DwsTimeoutException extends DwsException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what timed out, naming the endpoint and the limit
     * @param cause   the transport's timeout exception
     */
    protected DwsTimeoutException(String message, Throwable cause) {
        super(message, null, cause);
    }
}
