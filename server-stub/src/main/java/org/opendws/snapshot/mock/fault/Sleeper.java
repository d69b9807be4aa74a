package org.opendws.snapshot.mock.fault;

import java.time.Duration;
import java.util.concurrent.Executor;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.context.ApplicationListener;

/**
 * Sleeps a request's thread for an injected delay ({@code dws.mock.latency}, {@code Prefer:
 * delay}) while lending its place in Tomcat's worker pool to the other requests.
 *
 * <p>The pool is small on purpose (two threads per core, {@code MockServerConfiguration}): on a
 * 2-core machine, a worker per busy connection (16 or 64 runnable threads time-slicing each other)
 * made the slowest answers much slower. A sleeping worker is not runnable, so the
 * pool grows by one for as long as it sleeps, and a thousand delayed requests never hold back an
 * undelayed one. The price: a delayed request may start a thread and, once it wakes, end one.
 * Other waits (a slow upload, a client that reads slowly) still hold their worker.
 */
public final class Sleeper implements ApplicationListener<WebServerInitializedEvent> {
    private volatile ThreadPoolExecutor workers;

    /** Takes Tomcat's worker pool once the server has started. */
    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // the main server's, not a child context's (e.g. a management port)
        if (event.getApplicationContext().getServerNamespace() == null
                && event.getWebServer() instanceof TomcatWebServer tomcat) {
            Executor executor =
                    tomcat.getTomcat().getConnector().getProtocolHandler().getExecutor();
            if (executor instanceof ThreadPoolExecutor pool) {
                workers = pool;
            }
        }
    }

    /**
     * Sleeps for {@code duration}; the pool has one more thread meanwhile. No delay, no change:
     * resizing the pool starts and ends a thread, which no undelayed request may pay for.
     */
    public void sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        ThreadPoolExecutor pool = workers;
        if (pool != null) {
            resize(pool, 1);
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (pool != null) {
                resize(pool, -1);
            }
        }
    }

    /** Core and maximum size move together; a larger core size starts a thread for a waiting request. */
    private static synchronized void resize(ThreadPoolExecutor pool, int by) {
        if (by > 0) {
            pool.setMaximumPoolSize(pool.getMaximumPoolSize() + by);
            pool.setCorePoolSize(pool.getCorePoolSize() + by);
        } else {
            pool.setCorePoolSize(pool.getCorePoolSize() + by);
            pool.setMaximumPoolSize(pool.getMaximumPoolSize() + by);
        }
    }
}
