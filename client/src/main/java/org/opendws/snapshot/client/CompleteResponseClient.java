package org.opendws.snapshot.client;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads the whole response body within the read timeout. The JDK HttpClient's request timeout ends
 * when the response headers arrive; without this a server that stalls in the middle of a body would
 * block the caller forever. When the read timeout (counted from the start of the exchange) passes,
 * the body stream is closed, which ends the blocked read, and an {@link HttpTimeoutException} is
 * thrown like the transport's own read timeout.
 */
final class CompleteResponseClient implements Client {
    /** Bodies of this API are small; anything past this is cut off (and then fails to parse). */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final Client transport;
    private final ScheduledExecutorService timer;

    CompleteResponseClient(Client transport, ScheduledExecutorService timer) {
        this.transport = transport;
        this.timer = timer;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        long start = System.nanoTime();
        Response response = transport.execute(request, options);
        if (response.body() == null) {
            return response;
        }
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        long remainingMillis = Math.max(0, options.readTimeoutMillis() - elapsedMillis);
        AtomicBoolean expired = new AtomicBoolean();
        try (InputStream body = response.body().asInputStream()) {
            ScheduledFuture<?> deadline = timer.schedule(() -> {
                expired.set(true);
                closeQuietly(body);
            }, remainingMillis, TimeUnit.MILLISECONDS);
            try {
                return response.toBuilder().body(body.readNBytes(MAX_BODY_BYTES)).build();
            } catch (IOException e) {
                if (expired.get()) {
                    HttpTimeoutException timeout = new HttpTimeoutException(
                            "response body not complete within the read timeout of " + options.readTimeoutMillis() + " ms");
                    timeout.initCause(e);
                    throw timeout;
                }
                throw e;
            } finally {
                deadline.cancel(false);
            }
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException alreadyBroken) {
            // the reader sees the failure itself
        }
    }
}
