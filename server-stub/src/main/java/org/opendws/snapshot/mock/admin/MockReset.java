package org.opendws.snapshot.mock.admin;

import org.opendws.snapshot.mock.auth.LockoutRegistry;
import org.opendws.snapshot.mock.fault.FaultInjector;
import org.opendws.snapshot.mock.journal.Journal;
import org.opendws.snapshot.mock.store.SnapshotStore;
import org.opendws.snapshot.mock.world.WorldState;

/** Puts the mock back to its start: the start-up world, no snapshot, journal, fault or lockout. */
public final class MockReset {
    private final WorldState world;
    private final SnapshotStore store;
    private final Journal journal;
    private final FaultInjector faults;
    private final LockoutRegistry lockouts;

    /** A reset of these parts. */
    public MockReset(WorldState world, SnapshotStore store, Journal journal, FaultInjector faults,
                     LockoutRegistry lockouts) {
        this.world = world;
        this.store = store;
        this.journal = journal;
        this.faults = faults;
        this.lockouts = lockouts;
    }

    /** Resets everything. */
    public void run() {
        world.reset();
        store.clear();
        journal.clear();
        faults.clear();
        lockouts.clear();
    }
}
