package org.opendws.snapshot.client.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.opendws.snapshot.client.DwsSnapshotClient;
import org.opendws.snapshot.client.error.DwsException;
import org.opendws.snapshot.client.retry.RetryPolicy;
import org.opendws.snapshot.client.retry.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes a call, and makes it again as the {@link RetryPolicy} says, waiting through the {@link Sleeper}. */
public final class Retrier {
    /** On the client's logger, as documented: a user configures one logger for the client. */
    private static final Logger LOG = LoggerFactory.getLogger(DwsSnapshotClient.class);

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Function<RuntimeException, DwsException> translate;

    /**
     * @param policy    when to try again
     * @param sleeper   how to wait before trying again
     * @param translate the client's exception for what a call threw
     */
    public Retrier(RetryPolicy policy, Sleeper sleeper, Function<RuntimeException, DwsException> translate) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.translate = translate;
    }

    /**
     * The call, retried as the policy says. The failure thrown carries the earlier attempts'
     * failures as suppressed exceptions: a retried create refused because its name is taken
     * shows the broken attempt that most likely created the snapshot.
     *
     * @param operation the operation's name, for the log
     * @param call      the call
     * @param <T>       what it returns
     * @return what the first successful attempt returned
     * @throws DwsException the last attempt's failure
     */
    public <T> T call(String operation, Supplier<T> call) {
        List<DwsException> earlier = new ArrayList<>(0);
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                DwsException failure = translate.apply(e);
                if (!policy.shouldRetry(failure, attempt)) {
                    earlier.forEach(failure::addSuppressed);
                    throw failure;
                }
                Duration delay =
                        policy.backoff(attempt, ThreadLocalRandom.current().nextDouble());
                LOG.warn(
                        "{} attempt {} of {} failed, retrying in {} ms: {}",
                        operation,
                        attempt,
                        policy.maxAttempts(),
                        delay.toMillis(),
                        failure.getMessage());
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    earlier.forEach(failure::addSuppressed);
                    throw failure;
                }
                earlier.add(failure);
            }
        }
    }
}
