package org.opendws.snapshot.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The time of the mock's snapshots: when one started, and so when it stops being
 * {@code CREATING}. It runs with the server's clock by default; a test freezes, sets or advances
 * it to move a snapshot through its lifecycle without sleeping.
 *
 * <p>It is not the clock of the AK/SK signature check, which keeps the server's own
 * {@link Clock}: moving this one never makes a signed request's {@code X-Sdk-Date} too far off.
 * Thread-safe: its state is one immutable value, replaced whole.
 */
public final class MockClock {
    private final Clock base;
    private volatile State state = State.REAL;

    /** The time is {@code base}'s plus an offset (running), or a fixed instant (frozen). */
    private record State(Duration offset, Instant frozenAt) {
        static final State REAL = new State(Duration.ZERO, null);
    }

    /** A mock clock running with {@code base} (the server's clock); the mock makes its own. */
    MockClock(Clock base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    /** The mock's time now. */
    public Instant now() {
        State s = state;
        return s.frozenAt != null ? s.frozenAt : base.instant().plus(s.offset);
    }

    /** Whether it is frozen (stands still until set, advanced or resumed). */
    public boolean frozen() {
        return state.frozenAt != null;
    }

    /** Stops it where it is now. */
    public synchronized void freeze() {
        state = new State(Duration.ZERO, now());
    }

    /** Lets it run again from where it stands, at the server clock's pace. */
    public synchronized void resume() {
        state = new State(Duration.between(base.instant(), now()), null);
    }

    /** Sets it to {@code instant}; it stays frozen if it was, else it runs on from there. */
    public synchronized void set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        state = frozen()
                ? new State(Duration.ZERO, instant)
                : new State(Duration.between(base.instant(), instant), null);
    }

    /** Moves it by {@code duration} (negative: back), frozen or running. */
    public synchronized void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        State s = state;
        state = s.frozenAt != null
                ? new State(Duration.ZERO, s.frozenAt.plus(duration))
                : new State(s.offset.plus(duration), null);
    }

    /** Back to the server's time, running (what a reset of the mock does). */
    public synchronized void reset() {
        state = State.REAL;
    }

    @Override
    public String toString() {
        return "MockClock[" + now() + (frozen() ? ", frozen" : "") + "]";
    }
}
