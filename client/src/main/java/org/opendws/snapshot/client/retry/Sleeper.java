package org.opendws.snapshot.client.retry;

import java.time.Duration;

/**
 * How the client waits between two attempts. The default sleeps the calling thread; tests inject
 * one that records the delays instead.
 */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps the calling thread. */
    Sleeper THREAD_SLEEP = delay -> Thread.sleep(delay.toMillis());

    /**
     * Waits for {@code delay}.
     *
     * @param delay how long
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration delay) throws InterruptedException;
}
