package org.opendws.snapshot.mock;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the mock knows before the first request: projects and their clusters (each with a name,
 * a data size and how many of its next snapshots fail), AK/SK credentials and IAM tokens, each
 * with the projects it may use, and snapshots to start with.
 *
 * <p>Immutable; build one with {@link #builder()}, or give the mock a world file (the property
 * {@code dws.mock.world}, the format in the server-stub README). Cluster ids
 * are kept in lower case (a UUID's hex digits compare without regard to case).
 */
public final class World {
    /** The project of the API page's example. */
    public static final String DEFAULT_PROJECT_ID = "89cd04f168b84af6be287f71730fdb4b";
    /** The cluster of the API page's example. */
    public static final String DEFAULT_CLUSTER_ID = "44b277eb-39be-4921-be31-3d61b43651d7";
    /** The name of the default world's cluster. */
    public static final String DEFAULT_CLUSTER_NAME = "dws-demo";
    /** A cluster's data size in GB when none is given: what its snapshots' size becomes. */
    public static final double DEFAULT_DATA_SIZE_GB = 500.0;
    /** The development AK of the default world. */
    public static final String DEFAULT_ACCESS_KEY = "MOCKACCESSKEY0000000";
    /** The development SK of the default world; for local development only. */
    public static final String DEFAULT_SECRET_KEY = "MockSecretKeyForLocalDevelopmentOnly0000";
    /** The id of the default world's development IAM token (what a snapshot's created_by shows). */
    public static final String DEFAULT_TOKEN_ID = "dev-token";
    /** The default world's development IAM token, sent as {@code X-Auth-Token}. */
    public static final String DEFAULT_TOKEN = "MockIamTokenForLocalDevelopmentOnly";

    private final Map<String, Set<String>> projects;
    private final Map<String, Map<String, Cluster>> clusters;
    private final Map<String, Credential> credentials;
    private final Map<String, Token> tokens;
    private final List<SnapshotSeed> snapshots;

    private World(Builder builder) {
        Map<String, Set<String>> p = new LinkedHashMap<>();
        Map<String, Map<String, Cluster>> c = new LinkedHashMap<>();
        builder.projects.forEach((id, byId) -> {
            p.put(id, Set.copyOf(byId.keySet()));
            c.put(id, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byId)));
        });
        this.projects = java.util.Collections.unmodifiableMap(p);
        this.clusters = java.util.Collections.unmodifiableMap(c);
        this.credentials = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(builder.credentials));
        this.tokens = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(builder.tokens));
        this.snapshots = List.copyOf(builder.snapshots);
    }

    /**
     * The default world, in which the API page's example works unchanged: project
     * {@value #DEFAULT_PROJECT_ID} holding cluster {@value #DEFAULT_CLUSTER_ID} (named
     * {@value #DEFAULT_CLUSTER_NAME}, {@value #DEFAULT_DATA_SIZE_GB} GB of data), the AK
     * {@value #DEFAULT_ACCESS_KEY} with SK {@value #DEFAULT_SECRET_KEY}, and the IAM token
     * {@value #DEFAULT_TOKEN} (id {@value #DEFAULT_TOKEN_ID}), both allowed on that project.
     */
    public static World defaultWorld() {
        return builder()
                .cluster(
                        DEFAULT_PROJECT_ID,
                        new Cluster(DEFAULT_CLUSTER_ID, DEFAULT_CLUSTER_NAME, DEFAULT_DATA_SIZE_GB, 0))
                .credential(DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, DEFAULT_PROJECT_ID)
                .token(DEFAULT_TOKEN_ID, DEFAULT_TOKEN, DEFAULT_PROJECT_ID)
                .build();
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this world, to derive another one. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        clusters.forEach((id, byId) -> {
            builder.project(id);
            byId.values().forEach(cluster -> builder.cluster(id, cluster));
        });
        credentials.values().forEach(builder::credential);
        tokens.values().forEach(builder::token);
        snapshots.forEach(builder::snapshot);
        return builder;
    }

    /** Project id to the ids (lower case) of its clusters. */
    public Map<String, Set<String>> projects() {
        return projects;
    }

    /** Project id to its clusters by id (lower case), in the order they were added. */
    public Map<String, Map<String, Cluster>> clusters() {
        return clusters;
    }

    /** A cluster of a project (its id compared without regard to case), or null. */
    public Cluster cluster(String projectId, String clusterId) {
        Map<String, Cluster> byId = clusters.get(projectId);
        return byId == null ? null : byId.get(clusterId.toLowerCase(Locale.ROOT));
    }

    /** The snapshots the world starts with, in the order they were added. */
    public List<SnapshotSeed> snapshots() {
        return snapshots;
    }

    /** The AK/SK credentials by AK, in the order they were added. */
    public Map<String, Credential> credentials() {
        return credentials;
    }

    /** The IAM tokens by id, in the order they were added. */
    public Map<String, Token> tokens() {
        return tokens;
    }

    /** The first credential added (in the default world, the development AK/SK). */
    public Credential firstCredential() {
        return credentials.values().stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("this world has no AK/SK credential"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof World w
                && w.clusters.equals(clusters)
                && w.credentials.equals(credentials)
                && w.tokens.equals(tokens)
                && w.snapshots.equals(snapshots);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clusters, credentials, tokens, snapshots);
    }

    @Override
    public String toString() {
        return "World[clusters=" + clusters + ", credentials=" + credentials.values() + ", tokens=" + tokens.values()
                + ", snapshots=" + snapshots + "]";
    }

    /**
     * A cluster.
     *
     * @param id               its id (kept in lower case)
     * @param name             its name (what a snapshot's {@code cluster_name} shows); null for
     *                         {@code dws-} and the id's first 8 hex digits
     * @param dataSizeGb       how much data it holds, in GB: the size of its snapshots
     * @param failingSnapshots how many of its next snapshots fail (end {@code UNAVAILABLE})
     */
    public record Cluster(String id, String name, double dataSizeGb, int failingSnapshots) {
        /** Checks the parts; lower-cases the id, names an unnamed cluster. */
        public Cluster {
            requireText(id, "cluster id");
            id = id.toLowerCase(Locale.ROOT);
            if (name == null || name.isBlank()) {
                name = defaultName(id);
            }
            if (Double.isNaN(dataSizeGb) || Double.isInfinite(dataSizeGb) || dataSizeGb < 0) {
                throw new IllegalArgumentException(
                        "data size of cluster " + id + " must be at least 0 GB, got " + dataSizeGb);
            }
            if (failingSnapshots < 0) {
                throw new IllegalArgumentException(
                        "failing snapshots of cluster " + id + " must be at least 0, got " + failingSnapshots);
            }
        }

        /** A cluster with the default name and data size whose snapshots do not fail. */
        public static Cluster of(String id) {
            return new Cluster(id, null, DEFAULT_DATA_SIZE_GB, 0);
        }

        /** The name of a cluster that was given none: {@code dws-} and the id's first 8 characters. */
        public static String defaultName(String id) {
            String lower = id.toLowerCase(Locale.ROOT);
            return "dws-" + lower.substring(0, Math.min(8, lower.length()));
        }
    }

    /**
     * An AK/SK credential.
     *
     * @param accessKey     the AK
     * @param secretKey     the SK (never shown by {@link #toString()})
     * @param securityToken the session token of temporary credentials, or null for a permanent AK
     * @param projects      the projects it may use
     */
    public record Credential(String accessKey, String secretKey, String securityToken, Set<String> projects) {
        /** Checks the parts and copies the project set. */
        public Credential {
            requireText(accessKey, "AK");
            requireText(secretKey, "SK of AK " + accessKey);
            if (securityToken != null && securityToken.isBlank()) {
                securityToken = null;
            }
            projects = Set.copyOf(projects);
        }

        @Override
        public String toString() {
            return "Credential[accessKey=" + accessKey + ", secretKey=***, securityToken="
                    + (securityToken == null ? "none" : "***") + ", projects=" + projects + "]";
        }
    }

    /**
     * An IAM token.
     *
     * @param id       a name for it, shown as a snapshot's creator (the token itself is a secret)
     * @param value    the token, sent as {@code X-Auth-Token} (never shown by {@link #toString()})
     * @param projects the projects it may use
     */
    public record Token(String id, String value, Set<String> projects) {
        /** Checks the parts and copies the project set. */
        public Token {
            requireText(id, "token id");
            requireText(value, "value of token " + id);
            projects = Set.copyOf(projects);
        }

        @Override
        public String toString() {
            return "Token[id=" + id + ", value=***, projects=" + projects + "]";
        }
    }

    /** Builds a {@link World}; later entries with the same key replace earlier ones. */
    public static final class Builder {
        private final Map<String, Map<String, Cluster>> projects = new LinkedHashMap<>();
        private final Map<String, Credential> credentials = new LinkedHashMap<>();
        private final Map<String, Token> tokens = new LinkedHashMap<>();
        private final List<SnapshotSeed> snapshots = new java.util.ArrayList<>();

        private Builder() {}

        /** Adds a project (if new) and the given clusters to it. */
        public Builder project(String projectId, String... clusterIds) {
            return project(projectId, List.of(clusterIds));
        }

        /**
         * Adds a project (if new) and the given clusters to it, each with the default name and
         * data size (a cluster it has already stays as it is).
         */
        public Builder project(String projectId, Collection<String> clusterIds) {
            requireText(projectId, "project id");
            Map<String, Cluster> clusters = projects.computeIfAbsent(projectId, id -> new LinkedHashMap<>());
            for (String clusterId : clusterIds) {
                requireText(clusterId, "cluster id");
                clusters.putIfAbsent(clusterId.toLowerCase(Locale.ROOT), Cluster.of(clusterId));
            }
            return this;
        }

        /** Adds a project (if new) and the cluster to it, replacing one of the same id. */
        public Builder cluster(String projectId, Cluster cluster) {
            requireText(projectId, "project id");
            projects.computeIfAbsent(projectId, id -> new LinkedHashMap<>()).put(cluster.id(), cluster);
            return this;
        }

        /** Adds a snapshot the world starts with. */
        public Builder snapshot(SnapshotSeed seed) {
            snapshots.add(Objects.requireNonNull(seed, "seed"));
            return this;
        }

        /** Adds a permanent AK/SK credential allowed on the given projects. */
        public Builder credential(String accessKey, String secretKey, String... projectIds) {
            return credential(new Credential(accessKey, secretKey, null, Set.of(projectIds)));
        }

        /** Adds a credential. */
        public Builder credential(Credential credential) {
            credentials.put(credential.accessKey(), credential);
            return this;
        }

        /** Adds an IAM token allowed on the given projects. */
        public Builder token(String id, String value, String... projectIds) {
            return token(new Token(id, value, Set.of(projectIds)));
        }

        /** Adds an IAM token. */
        public Builder token(Token token) {
            tokens.put(token.id(), token);
            return this;
        }

        /** The world. */
        public World build() {
            return new World(this);
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }
}
