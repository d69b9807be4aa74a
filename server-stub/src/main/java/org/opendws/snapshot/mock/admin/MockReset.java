package org.opendws.snapshot.mock.admin;

import org.opendws.snapshot.mock.MockClock;
import org.opendws.snapshot.mock.auth.LockoutRegistry;
import org.opendws.snapshot.mock.fault.FaultInjector;
import org.opendws.snapshot.mock.journal.Journal;
import org.opendws.snapshot.mock.snapshot.SnapshotService;
import org.opendws.snapshot.mock.store.SnapshotStore;
import org.opendws.snapshot.mock.world.WorldState;

/**
 * Puts the mock back to its start: the start-up world (its snapshots included, started anew
 * relative to the clock), the mock clock running with the server's, no other snapshot, no
 * journal, fault or lockout.
 */
public final class MockReset {
    private final WorldState world;
    private final SnapshotStore store;
    private final Journal journal;
    private final FaultInjector faults;
    private final LockoutRegistry lockouts;
    private final MockClock clock;
    private final SnapshotService snapshots;

    /** A reset of these parts. */
    public MockReset(
            WorldState world,
            SnapshotStore store,
            Journal journal,
            FaultInjector faults,
            LockoutRegistry lockouts,
            MockClock clock,
            SnapshotService snapshots) {
        this.world = world;
        this.store = store;
        this.journal = journal;
        this.faults = faults;
        this.lockouts = lockouts;
        this.clock = clock;
        this.snapshots = snapshots;
    }

    /** Resets everything; one reset at a time (two interleaved would seed the world twice). */
    public synchronized void run() {
        world.reset();
        store.clear();
        clock.reset();
        snapshots.seedWorld();
        journal.clear();
        faults.clear();
        lockouts.clear();
    }
}
