package org.opendws.snapshot.contract.provider;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The mock server's clock during a replay: it stands still at the time the interaction's request
 * was signed (its {@code X-Sdk-Date} in the pact), so that a recorded request is on time whenever
 * it is replayed, and only its signature can make it fail authentication.
 */
final class ReplayClock extends Clock {
    private volatile Instant now = Instant.EPOCH;

    /** Stops the clock at {@code instant}. */
    void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("the replay clock is UTC only");
        }
        return this;
    }
}
