package org.opendws.snapshot.mock.world;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.opendws.snapshot.mock.World;

/**
 * The world as it is now: the start-up {@link World} plus what the admin API changed since.
 * Thread-safe; {@link #reset()} goes back to the start-up world.
 */
public final class WorldState {
    private final World initial;
    private final IdRules rules;
    /** project id to its clusters by id; each id the one String instance that snapshots refer to */
    private final Map<String, Map<String, ClusterState>> clusters = new ConcurrentHashMap<>();

    private final Map<String, World.Credential> credentials = new ConcurrentHashMap<>();
    /** by token value, the way requests look them up */
    private final Map<String, World.Token> tokensByValue = new ConcurrentHashMap<>();

    /** The state of {@code initial}, whose ids are checked against {@code rules}. */
    public WorldState(World initial, IdRules rules) {
        rules.check(initial);
        this.initial = initial;
        this.rules = rules;
        reset();
    }

    /** The start-up world. */
    public World initial() {
        return initial;
    }

    /** The rules ids are checked with. */
    public IdRules rules() {
        return rules;
    }

    /** Back to the start-up world. */
    public synchronized void reset() {
        clusters.clear();
        credentials.clear();
        tokensByValue.clear();
        initial.clusters().forEach((project, byId) -> byId.values().forEach(cluster -> putCluster(project, cluster)));
        initial.credentials().values().forEach(this::putCredential);
        initial.tokens().values().forEach(this::putToken);
    }

    /**
     * The stored instance of a cluster id if the cluster exists in the project, else null.
     * Snapshots keep that instance, so a million snapshots of one cluster share one String.
     */
    public String cluster(String projectId, String clusterId) {
        ClusterState state = state(projectId, clusterId);
        return state == null ? null : state.cluster.id();
    }

    /**
     * A cluster of a project as it is now (how many of its next snapshots fail included), or
     * null when the project has no such cluster.
     */
    public World.Cluster clusterInfo(String projectId, String clusterId) {
        ClusterState state = state(projectId, clusterId);
        return state == null ? null : state.now();
    }

    /**
     * Adds a cluster to a project (creating the project) with the default name and data size;
     * false if it was there already (it then stays as it is).
     */
    public boolean putCluster(String projectId, String clusterId) {
        String id = clusterId.toLowerCase(Locale.ROOT);
        return clusters.computeIfAbsent(projectId, p -> new ConcurrentHashMap<>())
                        .putIfAbsent(id, new ClusterState(World.Cluster.of(id)))
                == null;
    }

    /** Adds a cluster to a project (creating the project), replacing one of the same id; false if it replaced one. */
    public boolean putCluster(String projectId, World.Cluster cluster) {
        return clusters.computeIfAbsent(projectId, p -> new ConcurrentHashMap<>())
                        .put(cluster.id(), new ClusterState(cluster))
                == null;
    }

    /** Removes a cluster from a project; false if it was not there. */
    public boolean removeCluster(String projectId, String clusterId) {
        Map<String, ClusterState> ids = clusters.get(projectId);
        return ids != null && ids.remove(clusterId.toLowerCase(Locale.ROOT)) != null;
    }

    /**
     * Makes the next {@code count} snapshots of a cluster fail ({@code UNAVAILABLE}; 0: none);
     * false when the project has no such cluster.
     */
    public boolean failNextSnapshots(String projectId, String clusterId, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be at least 0, got " + count);
        }
        ClusterState state = state(projectId, clusterId);
        if (state == null) {
            return false;
        }
        state.failing.set(count);
        return true;
    }

    /**
     * Whether the next snapshot of the cluster fails: true (and one fewer to fail) when it was
     * told to fail its next snapshots.
     */
    public boolean takeFailure(String projectId, String clusterId) {
        ClusterState state = state(projectId, clusterId);
        return state != null && state.failing.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    /** Gives back a failure taken by {@link #takeFailure} for a snapshot that was not made after all. */
    public void returnFailure(String projectId, String clusterId) {
        ClusterState state = state(projectId, clusterId);
        if (state != null) {
            state.failing.incrementAndGet();
        }
    }

    private ClusterState state(String projectId, String clusterId) {
        Map<String, ClusterState> ids = clusters.get(projectId);
        return ids == null ? null : ids.get(clusterId.toLowerCase(Locale.ROOT));
    }

    /** A cluster and the number of its next snapshots that fail, which changes. */
    private static final class ClusterState {
        private final World.Cluster cluster;
        private final AtomicInteger failing;

        ClusterState(World.Cluster cluster) {
            this.cluster = cluster;
            this.failing = new AtomicInteger(cluster.failingSnapshots());
        }

        World.Cluster now() {
            return new World.Cluster(cluster.id(), cluster.name(), cluster.dataSizeGb(), failing.get());
        }
    }

    /** The credential of an AK, or null. */
    public World.Credential credential(String accessKey) {
        return credentials.get(accessKey);
    }

    /** Adds or replaces a credential. */
    public void putCredential(World.Credential credential) {
        credentials.put(credential.accessKey(), credential);
    }

    /** Removes a credential; false if there was none. */
    public boolean removeCredential(String accessKey) {
        return credentials.remove(accessKey) != null;
    }

    /** The token whose value is {@code value}, or null. */
    public World.Token tokenByValue(String value) {
        return tokensByValue.get(value);
    }

    /** Adds or replaces (by id) a token. */
    public synchronized void putToken(World.Token token) {
        removeToken(token.id());
        tokensByValue.put(token.value(), token);
    }

    /** Removes the token with this id; false if there was none. */
    public synchronized boolean removeToken(String id) {
        return tokensByValue.values().removeIf(t -> t.id().equals(id));
    }

    /** The world as it is now. */
    public World current() {
        World.Builder builder = World.builder();
        clusters.forEach((project, ids) -> {
            builder.project(project);
            ids.values().forEach(state -> builder.cluster(project, state.now()));
        });
        credentials.values().forEach(builder::credential);
        tokensByValue.values().forEach(builder::token);
        initial.snapshots().forEach(builder::snapshot);
        return builder.build();
    }
}
