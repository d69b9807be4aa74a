package org.opendws.snapshot.mock.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.mock.store.SnapshotStore.Deletion;
import org.opendws.snapshot.mock.store.SnapshotStore.NewSnapshot;
import org.opendws.snapshot.mock.store.SnapshotStore.Page;
import org.opendws.snapshot.mock.store.SnapshotStore.Refusal;
import org.opendws.snapshot.mock.store.SnapshotStore.RefusedException;
import org.opendws.snapshot.mock.store.SnapshotStore.SortKey;
import org.opendws.snapshot.mock.store.SnapshotStore.Status;
import org.opendws.snapshot.mock.store.SnapshotStore.StoredSnapshot;
import org.opendws.snapshot.mock.store.SnapshotStore.Type;

class SnapshotStoreTest {
    private static final String PROJECT = "89cd04f168b84af6be287f71730fdb4b";
    private static final String OTHER_PROJECT = "0123456789abcdef0123456789abcdef";
    private static final String CLUSTER = "44b277eb-39be-4921-be31-3d61b43651d7";
    private static final String OTHER_CLUSTER = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00.123Z");
    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    /** A snapshot of {@code cluster} started at {@code started}, CREATING for 5 s, then AVAILABLE (or failing). */
    private static NewSnapshot creating(String project, String cluster, String name, Instant started, boolean fails) {
        return new NewSnapshot(
                project,
                cluster,
                "dws-demo",
                name,
                null,
                "alice",
                Type.MANUAL,
                started,
                started.plusSeconds(5),
                fails ? Status.UNAVAILABLE : Status.AVAILABLE,
                true,
                fails ? 0 : 500.0);
    }

    private static NewSnapshot available(String name, Instant started) {
        return new NewSnapshot(
                PROJECT,
                CLUSTER,
                "dws-demo",
                name,
                "d",
                "alice",
                Type.MANUAL,
                started,
                started,
                Status.AVAILABLE,
                false,
                1.5);
    }

    @Test
    void returnsWhatWasStoredFieldForField() {
        SnapshotStore store = new SnapshotStore(10);
        UUID mixed = store.create(PROJECT, "Nightly-Ä_1", CLUSTER, "vor dem Upgrade ✓", "alice", T0);
        UUID lower = store.create(OTHER_PROJECT, "plain", "other-cluster", null, "bob", T0.plusSeconds(1));
        UUID empty = store.create(PROJECT, "empty", CLUSTER, "", "alice", T0.plusSeconds(2));

        assertThat(store.list(null, LATER))
                .containsExactly(
                        new StoredSnapshot(
                                mixed,
                                PROJECT,
                                CLUSTER,
                                "dws-44b277eb",
                                "Nightly-Ä_1",
                                "vor dem Upgrade ✓",
                                "alice",
                                Type.MANUAL,
                                Status.AVAILABLE,
                                T0,
                                T0,
                                0),
                        new StoredSnapshot(
                                lower,
                                OTHER_PROJECT,
                                "other-cluster",
                                "dws-other-cl",
                                "plain",
                                "",
                                "bob",
                                Type.MANUAL,
                                Status.AVAILABLE,
                                T0.plusSeconds(1),
                                T0.plusSeconds(1),
                                0),
                        new StoredSnapshot(
                                empty,
                                PROJECT,
                                CLUSTER,
                                "dws-44b277eb",
                                "empty",
                                "",
                                "alice",
                                Type.MANUAL,
                                Status.AVAILABLE,
                                T0.plusSeconds(2),
                                T0.plusSeconds(2),
                                0));
        assertThat(store.list(PROJECT, LATER)).extracting(StoredSnapshot::name).containsExactly("Nightly-Ä_1", "empty");
        assertThat(store.list("no-such-project", LATER)).isEmpty();
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void aSnapshotIsCreatingUntilFinishedThenItsFinalState() {
        SnapshotStore store = new SnapshotStore(10);
        UUID ok = store.create(creating(PROJECT, CLUSTER, "ok", T0, false));
        UUID failed = store.create(creating(PROJECT, CLUSTER, "failed", T0, true));

        StoredSnapshot before = store.find(PROJECT, ok, T0.plusMillis(4_999));
        assertThat(before.status()).isEqualTo(Status.CREATING);
        assertThat(before.finished()).isNull();
        assertThat(before.size()).isZero();
        StoredSnapshot after = store.find(PROJECT, ok, T0.plusSeconds(5));
        assertThat(after.status()).isEqualTo(Status.AVAILABLE);
        assertThat(after.finished()).isEqualTo(T0.plusSeconds(5));
        assertThat(after.size()).isEqualTo(500.0);
        StoredSnapshot unavailable = store.find(PROJECT, failed, T0.plusSeconds(6));
        assertThat(unavailable.status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(unavailable.finished()).isEqualTo(T0.plusSeconds(5));
        assertThat(unavailable.size()).isZero();
    }

    @Test
    void findsByIdOnlyInItsProject() {
        SnapshotStore store = new SnapshotStore(10);
        UUID id = store.create(available("a", T0));

        assertThat(store.find(PROJECT, id, LATER)).isNotNull();
        assertThat(store.find(OTHER_PROJECT, id, LATER)).isNull();
        assertThat(store.find(PROJECT, UUID.randomUUID(), LATER)).isNull();
        assertThat(store.delete(OTHER_PROJECT, id, LATER)).isEqualTo(Deletion.NOT_FOUND);
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void deletesManualFinishedSnapshotsOnly() {
        SnapshotStore store = new SnapshotStore(10);
        UUID manual = store.create(available("Manual", T0));
        UUID auto = store.create(new NewSnapshot(
                PROJECT, CLUSTER, "dws-demo", "auto", null, "policy", Type.AUTO, T0, T0, Status.AVAILABLE, false, 1));
        UUID busy = store.create(creating(PROJECT, CLUSTER, "busy", T0, false));

        assertThat(store.delete(PROJECT, auto, LATER)).isEqualTo(Deletion.AUTOMATED);
        assertThat(store.delete(PROJECT, busy, T0.plusSeconds(1))).isEqualTo(Deletion.CREATING);
        assertThat(store.delete(PROJECT, manual, LATER)).isEqualTo(Deletion.DELETED);
        assertThat(store.delete(PROJECT, manual, LATER)).isEqualTo(Deletion.NOT_FOUND);
        assertThat(store.find(PROJECT, manual, LATER)).isNull();
        assertThat(store.nameTaken(PROJECT, "manual")).isFalse();
        assertThat(store.delete(PROJECT, busy, T0.plusSeconds(5))).isEqualTo(Deletion.DELETED);
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.page(PROJECT, CLUSTER, SortKey.NAME, true, 0, null, LATER)
                        .snapshots())
                .extracting(StoredSnapshot::id)
                .containsExactly(auto);
        store.create(available("manual", T0)); // the name is free again
    }

    @Test
    void namesAreUniquePerProjectWithoutRegardToCase() {
        SnapshotStore store = new SnapshotStore(10);
        store.create(PROJECT, "Nightly", CLUSTER, null, "alice", T0);

        assertThat(store.nameTaken(PROJECT, "nIGHTLY")).isTrue();
        assertThat(store.nameTaken(PROJECT, "nightly2")).isFalse();
        assertThat(store.nameTaken(OTHER_PROJECT, "nightly")).isFalse();
        assertThatThrownBy(() -> store.create(PROJECT, "NIGHTLY", OTHER_CLUSTER, null, "alice", T0))
                .isInstanceOfSatisfying(
                        RefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.DUPLICATE_NAME));
        store.create(OTHER_PROJECT, "nightly", CLUSTER, null, "alice", T0);
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void refusesOnceFullAndTakesMoreAfterClear() {
        SnapshotStore store = new SnapshotStore(2);
        store.create(PROJECT, "a", CLUSTER, null, "alice", T0);
        store.create(PROJECT, "b", CLUSTER, null, "alice", T0);

        assertThatThrownBy(() -> store.create(PROJECT, "c", CLUSTER, null, "alice", T0))
                .isInstanceOfSatisfying(
                        RefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.FULL));
        assertThat(store.size()).isEqualTo(2);
        store.clear();
        assertThat(store.size()).isZero();
        assertThat(store.list(null, LATER)).isEmpty();
        assertThat(store.nameTaken(PROJECT, "a")).isFalse();
        store.create(PROJECT, "a", CLUSTER, null, "alice", T0);
        assertThat(store.list(null, LATER)).extracting(StoredSnapshot::name).containsExactly("a");
    }

    @Test
    void aCapacityBeyondWhatTheIndexCanHoldIsRefused() {
        assertThat(new SnapshotStore(SnapshotStore.MAX_CAPACITY).capacity()).isEqualTo(SnapshotStore.MAX_CAPACITY);
        assertThatThrownBy(() -> new SnapshotStore(SnapshotStore.MAX_CAPACITY + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dws.mock.max-snapshots");
    }

    @Test
    void keepsEverySnapshotAcrossIndexGrowthAndManyLeaves() {
        int n = 50_000; // the tables double many times, the indexes split many leaves
        SnapshotStore store = new SnapshotStore(n);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(store.create(
                    i % 3 == 0 ? OTHER_PROJECT : PROJECT,
                    "Snap-" + i,
                    CLUSTER,
                    "d".repeat(i % 300),
                    "alice",
                    T0.plusSeconds(i)));
        }
        for (int i = 0; i < n; i += 997) {
            assertThat(store.nameTaken(i % 3 == 0 ? OTHER_PROJECT : PROJECT, "snap-" + i))
                    .isTrue();
            assertThat(store.nameTaken(i % 3 == 0 ? PROJECT : OTHER_PROJECT, "snap-" + i))
                    .isFalse();
            assertThat(store.find(i % 3 == 0 ? OTHER_PROJECT : PROJECT, ids.get(i), LATER)
                            .name())
                    .isEqualTo("Snap-" + i);
        }
        List<StoredSnapshot> all = store.list(null, LATER);
        assertThat(all).hasSize(n);
        for (int i = 0; i < n; i++) {
            StoredSnapshot s = all.get(i);
            assertThat(s.id()).isEqualTo(ids.get(i));
            assertThat(s.name()).isEqualTo("Snap-" + i);
            assertThat(s.description()).hasSize(i % 300);
        }
        assertThat(store.list(OTHER_PROJECT, LATER)).hasSize((n + 2) / 3);
    }

    /** Every order, direction, page size and page of a cluster, against the same order computed naively. */
    @Test
    void pagesAreSlicesOfTheWholeOrderWithTiesById() {
        SnapshotStore store = new SnapshotStore(10_000);
        Random random = new Random(22);
        List<StoredSnapshot> mine = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            // started in few distinct seconds (ties), names with repeats of case ("a-1" and "A-1x")
            Instant started = T0.plusSeconds(random.nextInt(50)).plusMillis(random.nextInt(1000));
            String name = (random.nextBoolean() ? "s" : "S") + random.nextInt(500) + "-" + i;
            String cluster = i % 4 == 0 ? OTHER_CLUSTER : CLUSTER;
            UUID id = store.create(PROJECT, name, cluster, null, "alice", started);
            if (cluster.equals(CLUSTER)) {
                mine.add(store.find(PROJECT, id, LATER));
            }
        }
        // some deleted, so that leaves shrink and merge
        for (int i = 0; i < mine.size(); i += 3) {
            assertThat(store.delete(PROJECT, mine.get(i).id(), LATER)).isEqualTo(Deletion.DELETED);
        }
        List<StoredSnapshot> kept = new ArrayList<>();
        for (int i = 0; i < mine.size(); i++) {
            if (i % 3 != 0) {
                kept.add(mine.get(i));
            }
        }
        Comparator<StoredSnapshot> byId = Comparator.comparing(s -> s.id().toString());
        Comparator<StoredSnapshot> byStarted = Comparator.<StoredSnapshot>comparingLong(
                        s -> s.started().getEpochSecond())
                .thenComparing(byId);
        Comparator<StoredSnapshot> byName = Comparator.<StoredSnapshot, String>comparing(
                        StoredSnapshot::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(byId);
        for (SortKey key : SortKey.values()) {
            for (boolean ascending : new boolean[] {true, false}) {
                Comparator<StoredSnapshot> order = key == SortKey.NAME ? byName : byStarted;
                List<StoredSnapshot> expected = kept.stream()
                        .sorted(ascending ? order : order.reversed())
                        .toList();
                assertThat(store.page(PROJECT, CLUSTER, key, ascending, 0, null, LATER)
                                .snapshots())
                        .isEqualTo(expected);
                assertThat(store.page(PROJECT, CLUSTER, key, ascending, 1, null, LATER)
                                .snapshots())
                        .isEmpty();
                for (int limit : new int[] {1, 7, 100, expected.size(), expected.size() + 1}) {
                    for (int offset = 0;
                            (long) offset * limit <= expected.size() + limit;
                            offset += Math.max(1, 37 / limit)) {
                        Page page = store.page(PROJECT, CLUSTER, key, ascending, offset, limit, LATER);
                        int from = Math.min(expected.size(), offset * limit);
                        assertThat(page.snapshots())
                                .as("%s %s limit %d offset %d", key, ascending, limit, offset)
                                .isEqualTo(expected.subList(from, Math.min(expected.size(), from + limit)));
                        assertThat(page.count()).isEqualTo(expected.size());
                    }
                }
            }
        }
        assertThat(store.page(PROJECT, "00000000-0000-4000-8000-000000000000", SortKey.STARTED, false, 0, 10, LATER))
                .isEqualTo(new Page(List.of(), 0));
        assertThat(store.page(PROJECT, CLUSTER, SortKey.STARTED, false, Integer.MAX_VALUE, Integer.MAX_VALUE, LATER)
                        .snapshots())
                .isEmpty();
    }

    /** What a page reads depends on its size and the log of the cluster's, not on the cluster's size. */
    @Test
    void aPageReadsItsEntriesAndALogarithmicSearchNoMore() {
        long small = readsOfOnePage(100, 0);
        long large = readsOfOnePage(100_000, 500);
        assertThat(small).isBetween(100L, 100L + 2);
        assertThat(large).isBetween(100L, 100L + 20); // about log2(100,000 / 512) steps to find the first leaf
    }

    private static long readsOfOnePage(int clusterSize, int pageIndex) {
        SnapshotStore store = new SnapshotStore(clusterSize);
        for (int i = 0; i < clusterSize; i++) {
            store.create(PROJECT, "n" + i, CLUSTER, null, "alice", T0.plusSeconds(i));
        }
        long before = store.reads(PROJECT, CLUSTER);
        Page page = store.page(PROJECT, CLUSTER, SortKey.NAME, false, pageIndex, 100, LATER);
        assertThat(page.snapshots()).hasSize(100);
        return store.reads(PROJECT, CLUSTER) - before;
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
                            store.create(
                                    PROJECT,
                                    (thread % 2 == 0 ? "race-" : "RACE-") + i,
                                    CLUSTER,
                                    null,
                                    "t" + thread,
                                    T0);
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
            store.list(PROJECT, LATER).forEach(s -> stored.add(s.name().toLowerCase()));
            assertThat(stored).hasSize(names);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Creates, deletes, pages and finds from many threads: what is left is exactly what was not deleted. */
    @Test
    void concurrentCreatesAndDeletesLeaveTheStoreConsistent() throws Exception {
        SnapshotStore store = new SnapshotStore(1_000_000);
        Set<UUID> alive = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    List<UUID> mine = new ArrayList<>();
                    for (int i = 0; i < 3_000; i++) {
                        UUID id = store.create(
                                PROJECT,
                                "t" + thread + "-" + i,
                                i % 2 == 0 ? CLUSTER : OTHER_CLUSTER,
                                null,
                                "t",
                                T0.plus(Duration.ofSeconds(i)));
                        mine.add(id);
                        if (i % 3 == 0) {
                            UUID victim = mine.remove(mine.size() / 2);
                            assertThat(store.delete(PROJECT, victim, LATER)).isEqualTo(Deletion.DELETED);
                        }
                        if (i % 50 == 0) {
                            store.page(PROJECT, CLUSTER, SortKey.NAME, i % 100 == 0, 3, 20, LATER);
                        }
                    }
                    alive.addAll(mine);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<StoredSnapshot> all = store.list(null, LATER);
        assertThat(all).extracting(StoredSnapshot::id).containsExactlyInAnyOrderElementsOf(alive);
        assertThat(store.size()).isEqualTo(alive.size());
        int inClusters =
                store.page(PROJECT, CLUSTER, SortKey.NAME, true, 0, null, LATER).count()
                        + store.page(PROJECT, OTHER_CLUSTER, SortKey.STARTED, true, 0, null, LATER)
                                .count();
        assertThat(inClusters).isEqualTo(alive.size());
        for (StoredSnapshot s : all) {
            assertThat(store.find(PROJECT, s.id(), LATER)).isEqualTo(s);
            assertThat(store.nameTaken(PROJECT, s.name().toUpperCase())).isTrue();
        }
    }
}
