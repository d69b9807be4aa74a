package org.opendws.snapshot.mock;

import java.util.Optional;
import org.opendws.snapshot.mock.world.WorldState;

/**
 * The mock's world as it is now, to read and change while it runs (as the admin API's
 * {@code /__admin/world}, {@code /__admin/projects/...}, {@code /__admin/credentials/...} and
 * {@code /__admin/tokens/...} do over HTTP): clusters, AK/SK credentials and IAM tokens. Unlike
 * the admin API and a start-up world, ids are not checked against the document's rules: a test
 * may give a credential a project id that no request can reach, to see it refused. A reset goes
 * back to the start-up world ({@link DwsMockServer#world()}).
 *
 * <pre>{@code
 * mock.worldState().putCluster(World.DEFAULT_PROJECT_ID, "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b");
 * mock.worldState().putCredential(new World.Credential("READONLYACCESSKEY000", "...", null, Set.of()));
 * }</pre>
 */
public final class MockWorld {
    private final WorldState state;

    MockWorld(WorldState state) {
        this.state = state;
    }

    /** The world as it is now (how many of each cluster's next snapshots fail included). */
    public World current() {
        return state.current();
    }

    /** A cluster of a project as it is now, or empty when the project has no such cluster. */
    public Optional<World.Cluster> cluster(String projectId, String clusterId) {
        return Optional.ofNullable(state.clusterInfo(projectId, clusterId));
    }

    /** The credential of an AK, or empty. */
    public Optional<World.Credential> credential(String accessKey) {
        return Optional.ofNullable(state.credential(accessKey));
    }

    /**
     * Adds a cluster to a project (and the project, if new) with the default name and data size.
     *
     * @return false when the project had the cluster already (it then stays as it is)
     */
    public boolean putCluster(String projectId, String clusterId) {
        return state.putCluster(projectId, clusterId);
    }

    /**
     * Adds a cluster to a project (and the project, if new), replacing one of the same id.
     *
     * @return false when it replaced one
     */
    public boolean putCluster(String projectId, World.Cluster cluster) {
        return state.putCluster(projectId, cluster);
    }

    /** Removes a cluster from a project; false if it was not there. */
    public boolean removeCluster(String projectId, String clusterId) {
        return state.removeCluster(projectId, clusterId);
    }

    /**
     * Adds a credential, or replaces the one of its AK.
     *
     */
    public void putCredential(World.Credential credential) {
        state.putCredential(credential);
    }

    /** Removes the credential of an AK; false if there was none. */
    public boolean removeCredential(String accessKey) {
        return state.removeCredential(accessKey);
    }

    /**
     * Adds an IAM token, or replaces the one of its id.
     *
     */
    public void putToken(World.Token token) {
        state.putToken(token);
    }

    /** Removes the IAM token of this id; false if there was none. */
    public boolean removeToken(String id) {
        return state.removeToken(id);
    }
}
