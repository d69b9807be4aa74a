package org.opendws.snapshot.mock.world;

import org.opendws.snapshot.mock.World;

/**
 * Checks project and cluster ids against the API's rules. The mock's implementation reads the
 * rules from the OpenAPI document, so that a world cannot hold an id no request could reach.
 */
public interface IdRules {
    /** Rules that accept every id. */
    IdRules ANY = new IdRules() {
        @Override
        public String projectIdProblem(String projectId) {
            return null;
        }

        @Override
        public String clusterIdProblem(String clusterId) {
            return null;
        }
    };

    /** What is wrong with a project id, or null when it is valid. */
    String projectIdProblem(String projectId);

    /** What is wrong with a cluster id, or null when it is valid. */
    String clusterIdProblem(String clusterId);

    /** Throws {@link IllegalArgumentException} naming the first invalid id of the world. */
    default void check(World world) {
        world.projects().forEach((project, clusters) -> {
            requireValid(projectIdProblem(project));
            clusters.forEach(cluster -> requireValid(clusterIdProblem(cluster)));
        });
        world.credentials().values().forEach(c -> c.projects().forEach(p -> requireValid(projectIdProblem(p))));
        world.tokens().values().forEach(t -> t.projects().forEach(p -> requireValid(projectIdProblem(p))));
        world.snapshots().forEach(seed -> {
            if (seed.projectId() != null) {
                requireValid(projectIdProblem(seed.projectId()));
            }
            if (seed.clusterId() != null) {
                requireValid(clusterIdProblem(seed.clusterId()));
            }
        });
    }

    private static void requireValid(String problem) {
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }
}
