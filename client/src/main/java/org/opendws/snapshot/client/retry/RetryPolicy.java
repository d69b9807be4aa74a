package org.opendws.snapshot.client.retry;

import java.time.Duration;
import java.util.Objects;
import org.opendws.snapshot.client.error.DwsConnectTimeoutException;
import org.opendws.snapshot.client.error.DwsConnectionException;
import org.opendws.snapshot.client.error.DwsException;
import org.opendws.snapshot.client.error.InternalServerErrorException;
import org.opendws.snapshot.client.error.ServiceUnavailableException;

/**
 * When a failed call is tried again, and how long the client waits before it does. Immutable;
 * made with {@link #builder()}.
 *
 * <p>{@link #defaults()}: up to 3 attempts, for connection failures only (the connection could not
 * be made or broke, or timed out while connecting), with exponential backoff from 500 ms up to
 * 10 s and 50 % jitter. A 503 or a 500 is retried only when asked for ({@link Builder#retryOn503},
 * {@link Builder#retryOn500}); other statuses, read timeouts and invalid requests never are. A
 * read timeout is not retried because the service may already have created the snapshot.
 *
 * <p>The wait before retry {@code n} (1 for the first retry) is
 * {@code min(maxDelay, baseDelay * 2^(n-1)) * (1 - jitter * r)} with {@code r} uniformly drawn from
 * {@code [0, 1)}: between {@code (1 - jitter)} times and exactly the exponential delay.
 */
public final class RetryPolicy {
    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE =
            builder().maxAttempts(1).retryOnConnectionFailure(false).build();

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final double jitter;
    private final boolean retryOnConnectionFailure;
    private final boolean retryOn500;
    private final boolean retryOn503;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.baseDelay = builder.baseDelay;
        this.maxDelay = builder.maxDelay;
        this.jitter = builder.jitter;
        this.retryOnConnectionFailure = builder.retryOnConnectionFailure;
        this.retryOn500 = builder.retryOn500;
        this.retryOn503 = builder.retryOn503;
    }

    /** @return the default policy: 3 attempts for connection failures only, exponential backoff with jitter */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** @return a policy that never retries */
    public static RetryPolicy none() {
        return NONE;
    }

    /** @return a builder starting from {@link #defaults()} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether a call that failed with {@code failure} on attempt {@code attempt} (1 for the first)
     * is tried again.
     *
     * @param failure the failure of that attempt
     * @param attempt the number of the attempt that failed, from 1
     * @return true to retry
     */
    public boolean shouldRetry(DwsException failure, int attempt) {
        if (attempt >= maxAttempts) {
            return false;
        }
        if (failure instanceof DwsConnectionException || failure instanceof DwsConnectTimeoutException) {
            return retryOnConnectionFailure;
        }
        if (failure instanceof ServiceUnavailableException) {
            return retryOn503;
        }
        if (failure instanceof InternalServerErrorException) {
            return retryOn500;
        }
        return false;
    }

    /**
     * The wait before retry number {@code retry}.
     *
     * @param retry  1 for the first retry (the second attempt), 2 for the next, ...
     * @param random a number in {@code [0, 1)} that picks the jitter
     * @return the wait
     */
    public Duration backoff(int retry, double random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be at least 1, was " + retry);
        }
        if (random < 0 || random >= 1) {
            throw new IllegalArgumentException("random must be in [0, 1), was " + random);
        }
        long exponentialNanos = baseDelay.toNanos();
        for (int i = 1; i < retry && exponentialNanos < maxDelay.toNanos(); i++) {
            exponentialNanos *= 2;
        }
        long capped = Math.min(exponentialNanos, maxDelay.toNanos());
        return Duration.ofNanos(Math.round(capped * (1 - jitter * random)));
    }

    /** @return the most attempts of one call, the first included */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** @return the wait before the first retry, before jitter */
    public Duration baseDelay() {
        return baseDelay;
    }

    /** @return the longest wait before jitter */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** @return the share of the wait that is random, from 0 (none) to 1 */
    public double jitter() {
        return jitter;
    }

    /** @return whether connection failures and connect timeouts are retried */
    public boolean retryOnConnectionFailure() {
        return retryOnConnectionFailure;
    }

    /** @return whether a 500 is retried */
    public boolean retryOn500() {
        return retryOn500;
    }

    /** @return whether a 503 is retried */
    public boolean retryOn503() {
        return retryOn503;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetryPolicy that
                && maxAttempts == that.maxAttempts
                && baseDelay.equals(that.baseDelay)
                && maxDelay.equals(that.maxDelay)
                && Double.compare(jitter, that.jitter) == 0
                && retryOnConnectionFailure == that.retryOnConnectionFailure
                && retryOn500 == that.retryOn500
                && retryOn503 == that.retryOn503;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, baseDelay, maxDelay, jitter, retryOnConnectionFailure, retryOn500, retryOn503);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
                + ", jitter=" + jitter + ", retryOnConnectionFailure=" + retryOnConnectionFailure
                + ", retryOn500=" + retryOn500 + ", retryOn503=" + retryOn503 + "]";
    }

    /** Builds a {@link RetryPolicy}; starts from the defaults. Not thread-safe. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration baseDelay = Duration.ofMillis(500);
        private Duration maxDelay = Duration.ofSeconds(10);
        private double jitter = 0.5;
        private boolean retryOnConnectionFailure = true;
        private boolean retryOn500;
        private boolean retryOn503;

        private Builder() {}

        /**
         * @param maxAttempts the most attempts of one call, the first included; 1 means no retry
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * @param baseDelay the wait before the first retry, before jitter; zero or more
         * @return this builder
         */
        public Builder baseDelay(Duration baseDelay) {
            Objects.requireNonNull(baseDelay, "baseDelay");
            if (baseDelay.isNegative()) {
                throw new IllegalArgumentException("baseDelay must not be negative, was " + baseDelay);
            }
            this.baseDelay = baseDelay;
            return this;
        }

        /**
         * @param maxDelay the longest wait before jitter; at least the base delay
         * @return this builder
         */
        public Builder maxDelay(Duration maxDelay) {
            Objects.requireNonNull(maxDelay, "maxDelay");
            if (maxDelay.isNegative()) {
                throw new IllegalArgumentException("maxDelay must not be negative, was " + maxDelay);
            }
            this.maxDelay = maxDelay;
            return this;
        }

        /**
         * @param jitter the share of each wait that is random: 0 for none, 1 for anything from zero to the full wait
         * @return this builder
         */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /**
         * @param retry whether connection failures and connect timeouts are retried (default true)
         * @return this builder
         */
        public Builder retryOnConnectionFailure(boolean retry) {
            this.retryOnConnectionFailure = retry;
            return this;
        }

        /**
         * @param retry whether a 500 Internal Server Error is retried (default false)
         * @return this builder
         */
        public Builder retryOn500(boolean retry) {
            this.retryOn500 = retry;
            return this;
        }

        /**
         * @param retry whether a 503 Service Unavailable is retried (default false)
         * @return this builder
         */
        public Builder retryOn503(boolean retry) {
            this.retryOn503 = retry;
            return this;
        }

        /**
         * @return the policy
         * @throws IllegalStateException if the max delay is shorter than the base delay
         */
        public RetryPolicy build() {
            if (maxDelay.compareTo(baseDelay) < 0) {
                throw new IllegalStateException(
                        "maxDelay (" + maxDelay + ") is shorter than baseDelay (" + baseDelay + ")");
            }
            return new RetryPolicy(this);
        }
    }
}
