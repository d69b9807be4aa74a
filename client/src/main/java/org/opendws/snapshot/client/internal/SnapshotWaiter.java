package org.opendws.snapshot.client.internal;

import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.opendws.snapshot.client.DwsSnapshotClient;
import org.opendws.snapshot.client.Snapshot;
import org.opendws.snapshot.client.SnapshotStatus;
import org.opendws.snapshot.client.WaitOptions;
import org.opendws.snapshot.client.error.DwsException;
import org.opendws.snapshot.client.error.SnapshotWaitException;
import org.opendws.snapshot.client.error.SnapshotWaitException.Reason;
import org.opendws.snapshot.client.retry.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a snapshot until it is {@code AVAILABLE}, as AWS SDK v2's waiters do: a success state
 * ({@code AVAILABLE}), a failure state ({@code UNAVAILABLE}), every other state means poll again;
 * a failing poll ends the wait with its own exception (the poll's retry policy has already retried
 * what it retries).
 */
public final class SnapshotWaiter {
    private static final Logger LOG = LoggerFactory.getLogger(DwsSnapshotClient.class);
    /** Each wait is shortened by up to this share, so that many waiters do not poll in step. */
    static final double JITTER = 0.5;

    private final Function<String, Snapshot> poll;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private final DoubleSupplier random;

    /**
     * @param poll     reads a snapshot by id
     * @param sleeper  how to wait between polls
     * @param nanoTime a monotonic clock in nanoseconds (System::nanoTime): the deadline must not
     *                 move when the wall clock is set
     * @param random   numbers in [0, 1) for the jitter
     */
    public SnapshotWaiter(
            Function<String, Snapshot> poll, Sleeper sleeper, LongSupplier nanoTime, DoubleSupplier random) {
        this.poll = poll;
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
        this.random = random;
    }

    /**
     * Polls until the snapshot is {@code AVAILABLE}; see {@link DwsSnapshotClient#waitUntilAvailable(String, WaitOptions)}.
     *
     * @param snapshotId the snapshot's id
     * @param options    the timeout and the intervals
     * @return the snapshot, {@code AVAILABLE}
     */
    public Snapshot waitUntilAvailable(String snapshotId, WaitOptions options) {
        long deadline = nanoTime.getAsLong() + saturatedNanos(options.timeout());
        Duration interval = options.initialInterval();
        for (int polls = 1; ; polls++) {
            Snapshot snapshot = poll.apply(snapshotId);
            SnapshotStatus status = snapshot.status();
            if (status == SnapshotStatus.AVAILABLE) {
                return snapshot;
            }
            if (status == SnapshotStatus.UNAVAILABLE) {
                throw new SnapshotWaitException(
                        "Snapshot " + snapshotId + " is UNAVAILABLE: taking it failed",
                        snapshotId,
                        status,
                        Reason.UNAVAILABLE);
            }
            long remaining = deadline - nanoTime.getAsLong();
            if (remaining <= 0) {
                throw new SnapshotWaitException(
                        "Snapshot " + snapshotId + " is still " + status + " after " + options.timeout() + " (" + polls
                                + " polls)",
                        snapshotId,
                        status,
                        Reason.TIMEOUT);
            }
            // never past the deadline: the last poll then happens at the deadline
            Duration delay = min(jittered(interval), Duration.ofNanos(remaining));
            LOG.debug("snapshot {} is {}, polling again in {} ms", snapshotId, status, delay.toMillis());
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DwsException(
                        "Interrupted while waiting for snapshot " + snapshotId + " (last status " + status + ")",
                        null,
                        e);
            }
            interval = min(interval.multipliedBy(2), options.maxInterval());
        }
    }

    /** Between {@code (1 - JITTER)} times and exactly the interval. */
    private Duration jittered(Duration interval) {
        return Duration.ofNanos(Math.round(saturatedNanos(interval) * (1 - JITTER * random.getAsDouble())));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The duration in nanoseconds, at most a century (Duration.toNanos overflows past 292 years). */
    private static long saturatedNanos(Duration duration) {
        return duration.compareTo(Duration.ofDays(36_500)) > 0
                ? Duration.ofDays(36_500).toNanos()
                : duration.toNanos();
    }
}
