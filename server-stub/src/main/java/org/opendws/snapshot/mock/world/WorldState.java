package org.opendws.snapshot.mock.world;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The world as it is now: the start-up {@link World} plus what the admin API changed since.
 * Thread-safe; {@link #reset()} goes back to the start-up world.
 */
public final class WorldState {
    private final World initial;
    private final IdRules rules;
    /** project id to its cluster ids, each the one String instance that snapshots refer to */
    private final Map<String, Map<String, String>> clusters = new ConcurrentHashMap<>();
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
        initial.projects().forEach((project, ids) -> ids.forEach(id -> putCluster(project, id)));
        initial.credentials().values().forEach(this::putCredential);
        initial.tokens().values().forEach(this::putToken);
    }

    /**
     * The stored instance of a cluster id if the cluster exists in the project, else null.
     * Snapshots keep that instance, so a million snapshots of one cluster share one String.
     */
    public String cluster(String projectId, String clusterId) {
        Map<String, String> ids = clusters.get(projectId);
        return ids == null ? null : ids.get(clusterId.toLowerCase(Locale.ROOT));
    }

    /** Adds a cluster to a project (creating the project); false if it was there already. */
    public boolean putCluster(String projectId, String clusterId) {
        String id = clusterId.toLowerCase(Locale.ROOT);
        return clusters.computeIfAbsent(projectId, p -> new ConcurrentHashMap<>()).putIfAbsent(id, id) == null;
    }

    /** Removes a cluster from a project; false if it was not there. */
    public boolean removeCluster(String projectId, String clusterId) {
        Map<String, String> ids = clusters.get(projectId);
        return ids != null && ids.remove(clusterId.toLowerCase(Locale.ROOT)) != null;
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
        clusters.forEach((project, ids) -> builder.project(project, Set.copyOf(ids.keySet())));
        credentials.values().forEach(builder::credential);
        tokensByValue.values().forEach(builder::token);
        return builder.build();
    }
}
