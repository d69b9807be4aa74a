package org.opendws.snapshot.mock.request;

import java.util.function.BiConsumer;

/** What the gateway's checks and the journal read of a request: method, path, query and headers. */
public interface RequestHead {
    /** The method, e.g. {@code POST}. */
    String method();

    /** The path as sent, not decoded. */
    String path();

    /** The query as sent, or null. */
    String query();

    /** The first value of a header (name in any case), or null. */
    String header(String name);

    /** Each header as sent (name in its own case), in order. */
    void forEachHeader(BiConsumer<String, String> action);
}
