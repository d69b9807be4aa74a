package org.opendws.snapshot.client.error;

/**
 * The root of every exception the client throws. Unchecked; catch a subtype to react to one kind
 * of failure. Messages never contain credentials.
 */
public class DwsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The service's request id, or null. */
    private final String requestId;

    /**
     * @param message   what went wrong
     * @param requestId the service's {@code X-Request-Id}, or null when no answer was received
     * @param cause     the underlying failure, or null
     */
    public DwsException(String message, String requestId, Throwable cause) {
        super(message, cause);
        this.requestId = requestId;
    }

    /**
     * The request id the service gave this call ({@code X-Request-Id}), to quote to support; null
     * when the service never answered (connection failure, timeout) or the request was not sent.
     *
     * @return the request id, or null
     */
    public String requestId() {
        return requestId;
    }
}
