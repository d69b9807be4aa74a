package org.opendws.snapshot.mock.request;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** The id of each request, made first thing by the pipeline and sent as {@value #HEADER}. */
public final class RequestIds {
    /** The response header (and error body field {@code request_id}) that carries it. */
    public static final String HEADER = "X-Request-Id";

    private RequestIds() {}

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
