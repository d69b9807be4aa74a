package org.opendws.snapshot.mock;

import java.util.Optional;
import org.opendws.snapshot.mock.fault.FaultInjector;

/**
 * The mock's planned faults, what {@code /__admin/faults} does over HTTP: the next requests
 * answer a documented error status instead of doing their work, without the client under test
 * asking for it. Random faults and latency are start-up properties ({@code dws.mock.fault.rate},
 * {@code dws.mock.latency}); a reset cancels the plan.
 *
 * <pre>{@code
 * mock.faults().plan(503, 2);   // the next two creates, lists, ... answer 503 DWS.0005
 * }</pre>
 */
public final class MockFaults {
    private final FaultInjector injector;

    MockFaults(FaultInjector injector) {
        this.injector = injector;
    }

    /**
     * Makes the next {@code count} authenticated requests to operations that document
     * {@code status} answer it; replaces a plan made before.
     *
     * @throws IllegalArgumentException when no operation documents the status, or count is not positive
     */
    public FaultPlan plan(int status, int count) {
        FaultInjector.Planned planned = injector.plan(status, count);
        return new FaultPlan(planned.status(), planned.remaining());
    }

    /** The plan as it stands now, or empty when none is left. */
    public Optional<FaultPlan> planned() {
        return Optional.ofNullable(injector.planned()).map(p -> new FaultPlan(p.status(), p.remaining()));
    }

    /** Cancels the plan. */
    public void clear() {
        injector.clear();
    }
}
