package org.opendws.snapshot.mock.fault;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.convert.DurationStyle;

/**
 * An added response time: fixed ({@code dws.mock.latency=200ms}) or random between {@code min}
 * and {@code max} ({@code dws.mock.latency.min=50ms}, {@code dws.mock.latency.max=500ms}).
 *
 * @param min the least latency
 * @param max the greatest latency (null: the same as {@code min})
 */
public record Latency(Duration min, Duration max) {
    /** Checks the bounds. */
    public Latency {
        if (min == null) {
            min = Duration.ZERO;
        }
        if (max == null) {
            max = min;
        }
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException(
                    "dws.mock.latency: need 0 <= min <= max, got min=" + min + ", max=" + max);
        }
    }

    /** A fixed latency written as a duration, e.g. {@code 200ms} or {@code 1s}. */
    public static Latency parse(String text) {
        Duration fixed = DurationStyle.detectAndParse(text.trim());
        return new Latency(fixed, fixed);
    }

    /** A latency drawn from the range. */
    public Duration draw() {
        long span = max.toMillis() - min.toMillis();
        return span == 0 ? min : min.plusMillis(ThreadLocalRandom.current().nextLong(span + 1));
    }
}
