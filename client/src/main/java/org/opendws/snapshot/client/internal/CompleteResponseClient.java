package org.opendws.snapshot.client.internal;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
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
    /** How often the watchdog looks at the reads in progress: read timeouts fire up to this late. */
    static final long TICK_MILLIS = 10;

    private final Client transport;
    private final ScheduledExecutorService timer;
    // One watchdog for all reads, instead of a timer task scheduled and cancelled per call: that
    // woke the timer thread on every call, a measurable share of a call's CPU. The watchdog
    // runs every tick while reads are in progress, and not at all otherwise.
    private final Set<Read> reads = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean watching = new AtomicBoolean();

    CompleteResponseClient(Client transport, ScheduledExecutorService timer) {
        this.transport = transport;
        this.timer = timer;
    }

    /** A body being read, and when it must be complete. */
    private static final class Read {
        final InputStream body;
        final long deadlineNanos;
        volatile boolean expired;

        Read(InputStream body, long deadlineNanos) {
            this.body = body;
            this.deadlineNanos = deadlineNanos;
        }
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        long start = System.nanoTime();
        Response response = transport.execute(request, options);
        if (response.body() == null) {
            return response;
        }
        try (InputStream body = response.body().asInputStream()) {
            Read read = new Read(body, start + TimeUnit.MILLISECONDS.toNanos(options.readTimeoutMillis()));
            reads.add(read);
            watch();
            try {
                return response.toBuilder().body(body.readNBytes(MAX_BODY_BYTES)).build();
            } catch (IOException e) {
                if (read.expired) {
                    HttpTimeoutException timeout = new HttpTimeoutException(
                            "response body not complete within the read timeout of " + options.readTimeoutMillis() + " ms");
                    timeout.initCause(e);
                    throw timeout;
                }
                throw e;
            } finally {
                reads.remove(read);
            }
        }
    }

    /** Starts the watchdog unless it runs. */
    private void watch() {
        if (watching.compareAndSet(false, true)) {
            timer.schedule(this::tick, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Closes the bodies past their deadline (which ends their blocked reads); again next tick while any is read. */
    private void tick() {
        long now = System.nanoTime();
        for (Read read : reads) {
            if (now - read.deadlineNanos >= 0 && !read.expired) {
                read.expired = true;
                closeQuietly(read.body);
            }
        }
        watching.set(false);
        if (!reads.isEmpty()) {
            watch(); // a read added since: watch() above saw the watchdog still running
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
