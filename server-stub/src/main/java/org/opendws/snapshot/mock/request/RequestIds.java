package org.opendws.snapshot.mock.request;

import jakarta.servlet.ServletRequest;
import java.util.UUID;

/** The id of each request: made by {@link RequestIdFilter}, kept as a request attribute. */
public final class RequestIds {
    /** The response header (and error body field {@code request_id}) that carries it. */
    public static final String HEADER = "X-Request-Id";
    /** The MDC key under which log lines of the request carry it. */
    public static final String MDC_KEY = "request_id";
    static final String ATTRIBUTE = RequestIds.class.getName();

    private RequestIds() {
    }

    /** The id of this request (made here if the filter did not run, e.g. in an error dispatch). */
    public static String of(ServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        if (id == null) {
            id = newId();
            request.setAttribute(ATTRIBUTE, id);
        }
        return (String) id;
    }

    /** A fresh id: 32 lowercase hex characters, like the gateway's. */
    public static String newId() {
        UUID uuid = UUID.randomUUID();
        return String.format("%016x%016x", uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
    }
}
