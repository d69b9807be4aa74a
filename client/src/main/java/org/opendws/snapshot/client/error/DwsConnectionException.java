package org.opendws.snapshot.client.error;

/**
 * No answer: the connection could not be made (refused, unknown host, TLS failure) or broke before
 * a response arrived. Not a service error, so it has no status and no request id.
 */
public class DwsConnectionException extends DwsException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the endpoint
     * @param cause   the I/O failure
     */
    public DwsConnectionException(String message, Throwable cause) {
        super(message, null, cause);
    }
}
