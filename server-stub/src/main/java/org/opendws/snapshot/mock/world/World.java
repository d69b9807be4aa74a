package org.opendws.snapshot.mock.world;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the mock knows before the first request: projects and their clusters, AK/SK credentials
 * and IAM tokens, each with the projects it may use.
 *
 * <p>Immutable; build one with {@link #builder()} or load one with {@link WorldFile}. Cluster ids
 * are kept in lower case (a UUID's hex digits compare without regard to case).
 */
public final class World {
    /** The project of the API page's example. */
    public static final String DEFAULT_PROJECT_ID = "89cd04f168b84af6be287f71730fdb4b";
    /** The cluster of the API page's example. */
    public static final String DEFAULT_CLUSTER_ID = "44b277eb-39be-4921-be31-3d61b43651d7";
    /** The development AK of the default world. */
    public static final String DEFAULT_ACCESS_KEY = "MOCKACCESSKEY0000000";
    /** The development SK of the default world; for local development only. */
    public static final String DEFAULT_SECRET_KEY = "MockSecretKeyForLocalDevelopmentOnly0000";
    /** The id of the default world's development IAM token (what a snapshot's created_by shows). */
    public static final String DEFAULT_TOKEN_ID = "dev-token";
    /** The default world's development IAM token, sent as {@code X-Auth-Token}. */
    public static final String DEFAULT_TOKEN = "MockIamTokenForLocalDevelopmentOnly";

    private final Map<String, Set<String>> projects;
    private final Map<String, Credential> credentials;
    private final Map<String, Token> tokens;

    private World(Builder builder) {
        Map<String, Set<String>> p = new LinkedHashMap<>();
        builder.projects.forEach((id, clusters) -> p.put(id, Set.copyOf(clusters)));
        this.projects = java.util.Collections.unmodifiableMap(p);
        this.credentials = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(builder.credentials));
        this.tokens = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(builder.tokens));
    }

    /**
     * The default world, in which the API page's example works unchanged: project
     * {@value #DEFAULT_PROJECT_ID} holding cluster {@value #DEFAULT_CLUSTER_ID}, the AK
     * {@value #DEFAULT_ACCESS_KEY} with SK {@value #DEFAULT_SECRET_KEY}, and the IAM token
     * {@value #DEFAULT_TOKEN} (id {@value #DEFAULT_TOKEN_ID}), both allowed on that project.
     */
    public static World defaultWorld() {
        return builder()
                .project(DEFAULT_PROJECT_ID, DEFAULT_CLUSTER_ID)
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
        projects.forEach((id, clusters) -> builder.project(id, clusters.toArray(String[]::new)));
        credentials.values().forEach(builder::credential);
        tokens.values().forEach(builder::token);
        return builder;
    }

    /** Project id to the ids (lower case) of its clusters. */
    public Map<String, Set<String>> projects() {
        return projects;
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
        return credentials.values().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("this world has no AK/SK credential"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof World w && w.projects.equals(projects) && w.credentials.equals(credentials)
                && w.tokens.equals(tokens);
    }

    @Override
    public int hashCode() {
        return Objects.hash(projects, credentials, tokens);
    }

    @Override
    public String toString() {
        return "World[projects=" + projects + ", credentials=" + credentials.values() + ", tokens=" + tokens.values() + "]";
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
        private final Map<String, Set<String>> projects = new LinkedHashMap<>();
        private final Map<String, Credential> credentials = new LinkedHashMap<>();
        private final Map<String, Token> tokens = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds a project (if new) and the given clusters to it. */
        public Builder project(String projectId, String... clusterIds) {
            return project(projectId, List.of(clusterIds));
        }

        /** Adds a project (if new) and the given clusters to it. */
        public Builder project(String projectId, Collection<String> clusterIds) {
            requireText(projectId, "project id");
            Set<String> clusters = projects.computeIfAbsent(projectId, id -> new LinkedHashSet<>());
            for (String clusterId : clusterIds) {
                requireText(clusterId, "cluster id");
                clusters.add(clusterId.toLowerCase(Locale.ROOT));
            }
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
