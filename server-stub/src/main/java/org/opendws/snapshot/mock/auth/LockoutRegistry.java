package org.opendws.snapshot.mock.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locks an AK, like the API gateway does, after more than {@code failures} failed signatures in a
 * row, for {@code duration}. Counted per AK: other AKs are unaffected. Thread-safe.
 */
public final class LockoutRegistry {
    private final int failures;
    private final Duration duration;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    private record State(int failures, Instant lockedUntil) {}

    /** Locks after more than {@code failures} failures in a row, for {@code duration}. */
    public LockoutRegistry(int failures, Duration duration) {
        this.failures = failures;
        this.duration = duration;
    }

    /** How long the AK stays locked from {@code now}, or null if it is not locked. */
    public Duration lockedFor(String accessKey, Instant now) {
        State state = states.get(accessKey);
        if (state == null || state.lockedUntil == null || !now.isBefore(state.lockedUntil)) {
            return null;
        }
        return Duration.between(now, state.lockedUntil);
    }

    /**
     * Counts a failed signature; the one that makes more than the allowed number locks the AK.
     * A failure that raced past {@link #lockedFor} while another locked the AK changes nothing:
     * it used to start a new count, which lifted the lock (concurrent failures never locked).
     */
    public void failed(String accessKey, Instant now) {
        states.compute(accessKey, (ak, state) -> {
            if (isLocked(state, now)) {
                return state;
            }
            int count = (state == null || state.lockedUntil != null ? 0 : state.failures) + 1;
            return count > failures ? new State(0, now.plus(duration)) : new State(count, null);
        });
    }

    /** A good signature ends the run of failures (not a lock that a concurrent failure set meanwhile). */
    public void succeeded(String accessKey, Instant now) {
        states.computeIfPresent(accessKey, (ak, state) -> isLocked(state, now) ? state : null);
    }

    private static boolean isLocked(State state, Instant now) {
        return state != null && state.lockedUntil != null && now.isBefore(state.lockedUntil);
    }

    /** Forgets every failure and lock. */
    public void clear() {
        states.clear();
    }
}
