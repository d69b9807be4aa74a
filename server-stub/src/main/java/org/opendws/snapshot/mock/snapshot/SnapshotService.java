package org.opendws.snapshot.mock.snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.opendws.snapshot.mock.MockClock;
import org.opendws.snapshot.mock.SnapshotSeed;
import org.opendws.snapshot.mock.SnapshotView;
import org.opendws.snapshot.mock.World;
import org.opendws.snapshot.mock.store.SnapshotStore;
import org.opendws.snapshot.mock.store.SnapshotStore.NewSnapshot;
import org.opendws.snapshot.mock.store.SnapshotStore.Status;
import org.opendws.snapshot.mock.store.SnapshotStore.StoredSnapshot;
import org.opendws.snapshot.mock.store.SnapshotStore.Type;
import org.opendws.snapshot.mock.world.WorldState;

/**
 * A snapshot's lifecycle, in one place: a create starts {@code CREATING} at the mock clock's
 * now and is finished the creation time later, {@code AVAILABLE} with its cluster's data size,
 * or {@code UNAVAILABLE} (size 0) when the cluster was told to fail its next snapshot; a seed is
 * any snapshot in any state, its missing values chosen here. The operations, the admin API, the
 * embedding API and the world's seeds all go through this.
 */
public final class SnapshotService {
    /** How long before now a seed started, when it does not say. */
    static final Duration SEED_AGE = Duration.ofHours(1);

    private final SnapshotStore store;
    private final WorldState world;
    private final MockClock clock;
    private final Duration creationTime;

    /**
     * The lifecycle of the snapshots in {@code store}.
     *
     * @param creationTime how long a snapshot is {@code CREATING} ({@code dws.mock.snapshot.creation-time})
     */
    public SnapshotService(SnapshotStore store, WorldState world, MockClock clock, Duration creationTime) {
        if (creationTime.isNegative()) {
            throw new IllegalArgumentException(
                    "dws.mock.snapshot.creation-time must not be negative, got " + creationTime);
        }
        this.store = store;
        this.world = world;
        this.clock = clock;
        this.creationTime = creationTime;
    }

    /** The store. */
    public SnapshotStore store() {
        return store;
    }

    /** The mock clock. */
    public MockClock clock() {
        return clock;
    }

    /**
     * Creates a snapshot of a cluster of the world ({@code CREATING} from now on).
     *
     * @throws SnapshotStore.RefusedException when the name is taken or the store is full
     */
    public UUID create(String projectId, World.Cluster cluster, String name, String description, String createdBy) {
        boolean fails = world.takeFailure(projectId, cluster.id());
        Instant started = clock.now();
        try {
            return store.create(new NewSnapshot(
                    projectId,
                    cluster.id(),
                    cluster.name(),
                    name,
                    description,
                    createdBy,
                    Type.MANUAL,
                    started,
                    started.plus(creationTime),
                    fails ? Status.UNAVAILABLE : Status.AVAILABLE,
                    true,
                    fails ? 0 : cluster.dataSizeGb()));
        } catch (RuntimeException e) {
            if (fails) {
                world.returnFailure(projectId, cluster.id()); // no snapshot was made: the next one fails instead
            }
            throw e;
        }
    }

    /**
     * Stores a seed, its missing values chosen (see {@link SnapshotSeed}).
     *
     * @throws IllegalArgumentException when an id breaks the document's rules
     * @throws SnapshotStore.RefusedException when the name is taken or the store is full
     */
    public StoredSnapshot seed(SnapshotSeed seed) {
        String projectId = seed.projectId() != null ? seed.projectId() : World.DEFAULT_PROJECT_ID;
        String clusterId =
                (seed.clusterId() != null ? seed.clusterId() : World.DEFAULT_CLUSTER_ID).toLowerCase(Locale.ROOT);
        requireValid(world.rules().projectIdProblem(projectId), "project_id");
        requireValid(world.rules().clusterIdProblem(clusterId), "cluster_id");
        World.Cluster cluster = world.clusterInfo(projectId, clusterId);
        if (cluster == null) {
            cluster = World.Cluster.of(clusterId);
        }
        Status status = seed.status() == null ? Status.AVAILABLE : Status.valueOf(seed.status());
        Instant now = clock.now();
        Instant started = seed.started();
        if (started == null) {
            started = now.minus(SEED_AGE);
            if (seed.finished() != null && seed.finished().isBefore(started.plus(creationTime))) {
                started = seed.finished().minus(creationTime);
            }
        }
        Instant finished = seed.finished() != null ? seed.finished() : started.plus(creationTime);
        boolean creating = status == Status.CREATING;
        double size = seed.size() != null ? seed.size() : status == Status.UNAVAILABLE ? 0 : cluster.dataSizeGb();
        UUID id = store.create(new NewSnapshot(
                projectId,
                cluster.id(),
                cluster.name(),
                seed.name(),
                seed.description(),
                seed.createdBy() == null ? "admin" : seed.createdBy(),
                "AUTO".equals(seed.type()) ? Type.AUTO : Type.MANUAL,
                started,
                finished,
                creating ? Status.AVAILABLE : status,
                creating,
                size));
        return store.find(projectId, id, now);
    }

    /** Stores the snapshots the world starts with (at start-up and after a reset). */
    public void seedWorld() {
        for (SnapshotSeed seed : world.initial().snapshots()) {
            try {
                seed(seed);
            } catch (SnapshotStore.RefusedException e) {
                throw new IllegalStateException(
                        "the world's snapshot " + seed.name() + " cannot be stored: "
                                + (e.refusal() == SnapshotStore.Refusal.FULL
                                        ? "dws.mock.max-snapshots is reached"
                                        : "its name is taken in its project"),
                        e);
            }
        }
    }

    /** Every snapshot as it is now, oldest first. */
    public List<SnapshotView> views() {
        return store.list(null, clock.now()).stream().map(SnapshotService::view).toList();
    }

    /** A stored snapshot as the embedding API shows it. */
    public static SnapshotView view(StoredSnapshot s) {
        return new SnapshotView(
                s.id().toString(),
                s.name(),
                s.description(),
                s.projectId(),
                s.clusterId(),
                s.clusterName(),
                s.status().name(),
                s.type().name(),
                s.started(),
                s.finished(),
                s.size(),
                s.createdBy());
    }

    private static void requireValid(String problem, String field) {
        if (problem != null) {
            throw new IllegalArgumentException(field + ": " + problem);
        }
    }
}
