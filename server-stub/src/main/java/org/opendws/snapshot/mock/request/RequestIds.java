package org.opendws.snapshot.mock.request;

import jakarta.servlet.ServletRequest;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

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

    /**
     * A fresh id: 32 lowercase hex characters, like the gateway's. Random, not secret: a
     * per-thread generator, because UUID.randomUUID()'s shared SecureRandom serialised every
     * request on one lock under load.
     */
    public static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong());
    }
}
