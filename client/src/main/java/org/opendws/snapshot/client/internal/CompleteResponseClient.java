package org.opendws.snapshot.client.internal;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;

/**
 * Reads the whole response body before the call returns, so that a failure while reading it is
 * the call's failure, of the call's types: the transport's call timeout covers the body, and
 * when it interrupts the read it becomes an {@link HttpTimeoutException}, the read timeout.
 */
final class CompleteResponseClient implements Client {
    /** Bodies of this API are small; anything past this is cut off (and then fails to parse). */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final Client transport;

    CompleteResponseClient(Client transport) {
        this.transport = transport;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        Response response = transport.execute(request, options);
        if (response.body() == null) {
            return response;
        }
        try (InputStream body = response.body().asInputStream()) {
            return response.toBuilder().body(body.readNBytes(MAX_BODY_BYTES)).build();
        } catch (InterruptedIOException e) {
            HttpTimeoutException timeout = new HttpTimeoutException(
                    "response body not complete within the read timeout of " + options.readTimeoutMillis() + " ms");
            timeout.initCause(e);
            throw timeout;
        }
    }
}
