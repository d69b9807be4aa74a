package org.opendws.snapshot.mock.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.mock.store.SnapshotStore.RefusedException;
import org.opendws.snapshot.mock.store.SnapshotStore.Refusal;
import org.opendws.snapshot.mock.store.SnapshotStore.StoredSnapshot;

class SnapshotStoreTest {
    private static final String PROJECT = "89cd04f168b84af6be287f71730fdb4b";
    private static final String OTHER_PROJECT = "0123456789abcdef0123456789abcdef";
    private static final String CLUSTER = "44b277eb-39be-4921-be31-3d61b43651d7";
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00.123Z");

    @Test
    void returnsWhatWasStoredFieldForField() {
        SnapshotStore store = new SnapshotStore(10);
        UUID mixed = store.create(PROJECT, "Nightly-Ä_1", CLUSTER, "vor dem Upgrade ✓", "alice", T0);
        UUID lower = store.create(OTHER_PROJECT, "plain", "other-cluster", null, "bob", T0.plusMillis(1));
        UUID empty = store.create(PROJECT, "empty", CLUSTER, "", "alice", T0.plusMillis(2));

        assertThat(store.list(null)).containsExactly(
                new StoredSnapshot(mixed, "Nightly-Ä_1", CLUSTER, "vor dem Upgrade ✓", PROJECT, T0, "alice"),
                new StoredSnapshot(lower, "plain", "other-cluster", "", OTHER_PROJECT, T0.plusMillis(1), "bob"),
                new StoredSnapshot(empty, "empty", CLUSTER, "", PROJECT, T0.plusMillis(2), "alice"));
        assertThat(store.list(PROJECT)).extracting(StoredSnapshot::name).containsExactly("Nightly-Ä_1", "empty");
        assertThat(store.list("no-such-project")).isEmpty();
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void namesAreUniquePerProjectWithoutRegardToCase() {
        SnapshotStore store = new SnapshotStore(10);
        store.create(PROJECT, "Nightly", CLUSTER, null, "alice", T0);

        assertThat(store.nameTaken(PROJECT, "nIGHTLY")).isTrue();
        assertThat(store.nameTaken(PROJECT, "nightly2")).isFalse();
        assertThat(store.nameTaken(OTHER_PROJECT, "nightly")).isFalse();
        assertThatThrownBy(() -> store.create(PROJECT, "NIGHTLY", CLUSTER, null, "alice", T0))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.DUPLICATE_NAME));
        store.create(OTHER_PROJECT, "nightly", CLUSTER, null, "alice", T0);
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void refusesOnceFullAndTakesMoreAfterClear() {
        SnapshotStore store = new SnapshotStore(2);
        store.create(PROJECT, "a", CLUSTER, null, "alice", T0);
        store.create(PROJECT, "b", CLUSTER, null, "alice", T0);

        assertThatThrownBy(() -> store.create(PROJECT, "c", CLUSTER, null, "alice", T0))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.FULL));
        assertThat(store.size()).isEqualTo(2);
        store.clear();
        assertThat(store.size()).isZero();
        assertThat(store.list(null)).isEmpty();
        assertThat(store.nameTaken(PROJECT, "a")).isFalse();
        store.create(PROJECT, "a", CLUSTER, null, "alice", T0);
        assertThat(store.list(null)).extracting(StoredSnapshot::name).containsExactly("a");
    }

    @Test
    void aCapacityBeyondWhatTheIndexCanHoldIsRefused() {
        assertThat(new SnapshotStore(SnapshotStore.MAX_CAPACITY).capacity()).isEqualTo(SnapshotStore.MAX_CAPACITY);
        assertThatThrownBy(() -> new SnapshotStore(SnapshotStore.MAX_CAPACITY + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dws.mock.max-snapshots");
    }

    @Test
    void keepsEverySnapshotAcrossIndexGrowthAndManyChunks() {
        int n = 50_000; // the index doubles many times, the records fill many chunks
        SnapshotStore store = new SnapshotStore(n);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String description = "d".repeat(i % 300); // records of varied length leave varied ends of chunks
            ids.add(store.create(i % 3 == 0 ? OTHER_PROJECT : PROJECT, "Snap-" + i, CLUSTER, description, "alice",
                    T0.plusMillis(i)));
        }
        for (int i = 0; i < n; i += 997) {
            assertThat(store.nameTaken(i % 3 == 0 ? OTHER_PROJECT : PROJECT, "snap-" + i)).isTrue();
            assertThat(store.nameTaken(i % 3 == 0 ? PROJECT : OTHER_PROJECT, "snap-" + i)).isFalse();
        }
        List<StoredSnapshot> all = store.list(null);
        assertThat(all).hasSize(n);
        for (int i = 0; i < n; i++) {
            StoredSnapshot s = all.get(i);
            assertThat(s.id()).isEqualTo(ids.get(i));
            assertThat(s.name()).isEqualTo("Snap-" + i);
            assertThat(s.description()).hasSize(i % 300);
        }
        assertThat(store.list(OTHER_PROJECT)).hasSize((n + 2) / 3);
    }

    @Test
    void ofConcurrentCreatesOfOneNameExactlyOneWins() throws Exception {
        SnapshotStore store = new SnapshotStore(1_000_000);
        int threads = 8;
        int names = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger wins = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < names; i++) {
                        try {
                            // each thread spells the name its own way
                            store.create(PROJECT, (thread % 2 == 0 ? "race-" : "RACE-") + i, CLUSTER, null, "t" + thread, T0);
                            wins.incrementAndGet();
                        } catch (RefusedException e) {
                            assertThat(e.refusal()).isEqualTo(Refusal.DUPLICATE_NAME);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            assertThat(wins.get()).isEqualTo(names);
            assertThat(store.size()).isEqualTo(names);
            Set<String> stored = new HashSet<>();
            store.list(PROJECT).forEach(s -> stored.add(s.name().toLowerCase()));
            assertThat(stored).hasSize(names);
        } finally {
            pool.shutdownNow();
        }
    }
}
