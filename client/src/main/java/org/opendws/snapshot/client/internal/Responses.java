package org.opendws.snapshot.client.internal;

import feign.Response;
import feign.Util;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/** Reading what every response carries: its body and its request id. */
final class Responses {
    /** The response header that holds the request id. */
    static final String REQUEST_ID = "X-Request-Id";

    private Responses() {}

    /** The body's bytes, empty when there is none. */
    static byte[] body(Response response) throws IOException {
        if (response.body() == null) {
            return new byte[0];
        }
        try (InputStream in = response.body().asInputStream()) {
            return Util.toByteArray(in);
        }
    }

    /** The body as text (UTF-8, as the API sends), empty when there is none. */
    static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of {@code X-Request-Id}, or null. Feign's header maps ignore case. */
    static String requestId(Map<String, Collection<String>> headers) {
        Collection<String> values = headers.get(REQUEST_ID);
        if (values == null) {
            values = headers.get(REQUEST_ID.toLowerCase(java.util.Locale.ROOT));
        }
        return values == null || values.isEmpty() ? null : values.iterator().next();
    }
}
