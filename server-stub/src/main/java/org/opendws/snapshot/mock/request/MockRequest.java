package org.opendws.snapshot.mock.request;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A request as the mock's core sees it, free of any HTTP server's types: what the server adapter
 * ({@code web} package) hands to the gateway, the journal and the error mapper.
 *
 * @param method  the method, e.g. {@code POST}
 * @param path    the path as sent, not decoded
 * @param query   the query as sent, or null
 * @param headers each header as sent (name in its own case) with its values, in order
 * @param body    the body's bytes (empty when there is none)
 */
public record MockRequest(
        String method, String path, String query, List<Map.Entry<String, String>> headers, byte[] body) {
    private static final byte[] NO_BODY = new byte[0];

    /** A request; a null body is an empty one. */
    public MockRequest {
        headers = List.copyOf(headers);
        body = body == null ? NO_BODY : body;
    }

    /** The same request with {@code body}. */
    public MockRequest withBody(byte[] body) {
        return new MockRequest(method, path, query, headers, body);
    }

    /** The first value of a header (name in any case), or null. */
    public String header(String name) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    /** Every value of a header (name in any case), in order. */
    public List<String> headers(String name) {
        return headers.stream()
                .filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .toList();
    }

    /** Each header as sent (name in its own case), in order. */
    public void forEachHeader(BiConsumer<String, String> action) {
        for (Map.Entry<String, String> header : headers) {
            action.accept(header.getKey(), header.getValue());
        }
    }
}
