package org.opendws.snapshot.mock.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that tests set and move; thread-safe. */
public final class MutableClock extends Clock {
    private volatile Instant now;

    /** A clock standing at {@code now}. */
    public MutableClock(Instant now) {
        this.now = now;
    }

    /** Moves it. */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Sets it. */
    public void set(Instant instant) {
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
        return this;
    }
}
