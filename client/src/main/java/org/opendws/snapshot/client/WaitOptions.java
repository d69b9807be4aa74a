package org.opendws.snapshot.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link DwsSnapshotClient#waitUntilAvailable(String, WaitOptions)} waits: for at most
 * {@code timeout}, polling first after {@code initialInterval}, then after twice as long each
 * time up to {@code maxInterval}. Each wait is shortened by a random share of up to half
 * (jitter, so that many waiters do not poll in step) and never reaches past the timeout.
 *
 * @param timeout         how long to wait in all (default 30 minutes)
 * @param initialInterval the wait before the second poll, before jitter (default 2 s)
 * @param maxInterval     the longest wait between two polls, before jitter (default 30 s)
 */
public record WaitOptions(Duration timeout, Duration initialInterval, Duration maxInterval) {
    private static final WaitOptions DEFAULTS = builder().build();

    /**
     * Checks the values.
     *
     * @param timeout         how long to wait in all
     * @param initialInterval the wait before the second poll, before jitter
     * @param maxInterval     the longest wait between two polls, before jitter
     * @throws IllegalArgumentException if a duration is not positive, or the max interval is shorter than the initial one
     */
    public WaitOptions {
        positive(timeout, "timeout");
        positive(initialInterval, "initialInterval");
        positive(maxInterval, "maxInterval");
        if (maxInterval.compareTo(initialInterval) < 0) {
            throw new IllegalArgumentException(
                    "maxInterval (" + maxInterval + ") is shorter than initialInterval (" + initialInterval + ")");
        }
    }

    /** @return 30 minutes, polling after 2 s, then up to every 30 s */
    public static WaitOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }

    /** Builds {@link WaitOptions}; starts from the defaults. Not thread-safe. */
    public static final class Builder {
        // 30 minutes, as the Terraform provider waits for a snapshot; polls start sooner than its
        // 30 s because a snapshot of a small cluster can be taken within seconds
        private Duration timeout = Duration.ofMinutes(30);
        private Duration initialInterval = Duration.ofSeconds(2);
        private Duration maxInterval = Duration.ofSeconds(30);

        private Builder() {}

        /**
         * @param timeout how long to wait in all
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * @param initialInterval the wait before the second poll, before jitter
         * @return this builder
         */
        public Builder initialInterval(Duration initialInterval) {
            this.initialInterval = initialInterval;
            return this;
        }

        /**
         * @param maxInterval the longest wait between two polls, before jitter
         * @return this builder
         */
        public Builder maxInterval(Duration maxInterval) {
            this.maxInterval = maxInterval;
            return this;
        }

        /**
         * @return the options
         * @throws IllegalArgumentException if a duration is not positive, or the max interval is shorter than the initial one
         * @throws NullPointerException if a duration is null
         */
        public WaitOptions build() {
            return new WaitOptions(timeout, initialInterval, maxInterval);
        }
    }
}
