package org.opendws.snapshot.mock.world;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opendws.snapshot.mock.SnapshotSeed;
import org.opendws.snapshot.mock.World;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a {@link World} from YAML (see {@code server-stub/examples/world.yaml}):
 *
 * <pre>
 * projects:                       # project id: its clusters, each an id or a mapping
 *   89cd04f168b84af6be287f71730fdb4b:
 *     - 44b277eb-39be-4921-be31-3d61b43651d7
 *     - id: 6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b
 *       name: dws-analytics         # default: dws- and the id's first 8 hex digits
 *       data_size_gb: 120.5         # the size of its snapshots (default 500.0)
 *       failing_snapshots: 1        # its next snapshots that end UNAVAILABLE (default 0)
 * credentials:                    # AK/SK pairs
 *   - ak: MOCKACCESSKEY0000000
 *     sk: MockSecretKeyForLocalDevelopmentOnly0000
 *     security_token: ...         # optional: temporary credentials
 *     projects: [89cd04f168b84af6be287f71730fdb4b]
 * tokens:                         # IAM tokens (X-Auth-Token)
 *   - id: dev-token
 *     token: MockIamTokenForLocalDevelopmentOnly
 *     projects: [89cd04f168b84af6be287f71730fdb4b]
 * snapshots:                      # snapshots it starts with, in any state
 *   - name: nightly-1
 *     project_id: 89cd04f168b84af6be287f71730fdb4b   # default: the default world's
 *     cluster_id: 44b277eb-39be-4921-be31-3d61b43651d7
 *     type: AUTO                    # MANUAL (default) or AUTO
 *     status: AVAILABLE             # default AVAILABLE
 *     started: 2026-12-08T03:59:23Z
 *     finished: 2026-12-08T04:01:23Z
 *     size: 480.0
 *     description: before the upgrade
 * </pre>
 *
 * <p>The file is read as a node tree so that every problem, a YAML syntax error as much as an
 * unknown key or an invalid id, is reported with its line number.
 */
public final class WorldFile {
    private final IdRules rules;

    /** A reader that checks ids with {@code rules}. */
    public WorldFile(IdRules rules) {
        this.rules = rules;
    }

    /** Reads the world in {@code file}. */
    public World load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WorldFileException("world file " + file + " cannot be read: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Reads the world in {@code yaml}; {@code source} names it in messages. */
    public World parse(String yaml, String source) {
        Node root;
        try (Reader reader = new StringReader(yaml)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new WorldFileException(where(source, mark) + "invalid YAML: " + e.getProblem(), e);
        } catch (YAMLException | IOException e) {
            throw new WorldFileException("world file " + source + ": invalid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new WorldFileException("world file " + source + " is empty");
        }
        return new Reading(source).world(root);
    }

    private static String where(String source, Mark mark) {
        return mark == null
                ? "world file " + source + ": "
                : "world file " + source + ", line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1)
                        + ": ";
    }

    /** One reading of one file: knows the source name for messages. */
    private final class Reading {
        private final String source;

        Reading(String source) {
            this.source = source;
        }

        World world(Node root) {
            World.Builder builder = World.builder();
            for (NodeTuple entry : mapping(root, "the world")) {
                String key = scalar(entry.getKeyNode(), "a top-level key");
                Node value = entry.getValueNode();
                switch (key) {
                    case "projects" -> projects(value, builder);
                    case "credentials" -> {
                        for (Node item : sequence(value, "credentials")) {
                            builder.credential(credential(item));
                        }
                    }
                    case "tokens" -> {
                        for (Node item : sequence(value, "tokens")) {
                            builder.token(token(item));
                        }
                    }
                    case "snapshots" -> {
                        Set<String> names = new HashSet<>();
                        for (Node item : sequence(value, "snapshots")) {
                            SnapshotSeed seed = snapshot(item);
                            String project = seed.projectId() == null ? World.DEFAULT_PROJECT_ID : seed.projectId();
                            if (!names.add(project + "/" + seed.name().toLowerCase(Locale.ROOT))) {
                                throw error(
                                        item,
                                        "a snapshot named " + seed.name() + " is already in project " + project
                                                + " (names are compared without regard to case)");
                            }
                            builder.snapshot(seed);
                        }
                    }
                    default ->
                        throw error(
                                entry.getKeyNode(),
                                "unknown key '" + key + "' (expected projects, credentials, tokens, snapshots)");
                }
            }
            return builder.build();
        }

        private void projects(Node node, World.Builder builder) {
            for (NodeTuple entry : mapping(node, "projects (project id: list of cluster ids)")) {
                String projectId = projectId(entry.getKeyNode());
                builder.project(projectId);
                Node value = entry.getValueNode();
                if (!isNull(value)) {
                    for (Node cluster : sequence(value, "the clusters of project " + projectId)) {
                        builder.cluster(
                                projectId,
                                cluster instanceof MappingNode
                                        ? cluster(cluster)
                                        : World.Cluster.of(clusterId(cluster)));
                    }
                }
            }
        }

        /** A cluster given as a mapping: id, name, data_size_gb, failing_snapshots. */
        private World.Cluster cluster(Node node) {
            String id = null;
            String name = null;
            double dataSize = World.DEFAULT_DATA_SIZE_GB;
            int failing = 0;
            for (NodeTuple entry : mapping(node, "a cluster (id, name, data_size_gb, failing_snapshots)")) {
                String key = scalar(entry.getKeyNode(), "a cluster key");
                Node value = entry.getValueNode();
                switch (key) {
                    case "id" -> id = clusterId(value);
                    case "name" -> name = scalar(value, "name");
                    case "data_size_gb" -> dataSize = number(value, "data_size_gb", 0);
                    case "failing_snapshots" -> failing = (int) integer(value, "failing_snapshots");
                    default ->
                        throw error(
                                entry.getKeyNode(),
                                "unknown cluster key '" + key
                                        + "' (expected id, name, data_size_gb, failing_snapshots)");
                }
            }
            if (id == null) {
                throw error(node, "a cluster needs an id");
            }
            return new World.Cluster(id, name, dataSize, failing);
        }

        /**
         * A snapshot to start with: name, project_id, cluster_id, description, type, status,
         * started, finished, size, created_by (the keys of the admin API's seeds).
         */
        private SnapshotSeed snapshot(Node node) {
            SnapshotSeed.Builder seed = SnapshotSeed.builder();
            String expected =
                    "name, project_id, cluster_id, description, type, status, started, finished, size, created_by";
            for (NodeTuple entry : mapping(node, "a snapshot (" + expected + ")")) {
                String key = scalar(entry.getKeyNode(), "a snapshot key");
                Node value = entry.getValueNode();
                switch (key) {
                    case "name" -> seed.name(scalar(value, "name"));
                    case "project_id" -> seed.projectId(projectId(value));
                    case "cluster_id" -> seed.clusterId(clusterId(value));
                    case "description" ->
                        seed.description(isNull(value) ? null : ((ScalarNode) scalarNode(value)).getValue());
                    case "type" -> seed.type(scalar(value, "type"));
                    case "status" -> seed.status(scalar(value, "status"));
                    case "started" -> seed.started(instant(value, "started"));
                    case "finished" -> seed.finished(instant(value, "finished"));
                    case "size" -> seed.size(number(value, "size", 0));
                    case "created_by" -> seed.createdBy(scalar(value, "created_by"));
                    default ->
                        throw error(
                                entry.getKeyNode(), "unknown snapshot key '" + key + "' (expected " + expected + ")");
                }
            }
            try {
                return seed.build();
            } catch (IllegalArgumentException e) {
                throw error(node, "snapshot: " + e.getMessage());
            }
        }

        private String clusterId(Node node) {
            String clusterId = scalar(node, "a cluster id");
            String problem = rules.clusterIdProblem(clusterId);
            if (problem != null) {
                throw error(node, problem);
            }
            return clusterId;
        }

        private Node scalarNode(Node node) {
            if (!(node instanceof ScalarNode)) {
                throw error(node, "expected a text");
            }
            return node;
        }

        private Instant instant(Node node, String what) {
            String text = scalar(node, what);
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw error(node, what + ": expected an instant such as 2026-12-08T03:59:23Z, got '" + text + "'");
            }
        }

        private double number(Node node, String what, double min) {
            String text = scalar(node, what);
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw error(node, what + ": expected a number, got '" + text + "'");
            }
            if (Double.isNaN(value) || Double.isInfinite(value) || value < min) {
                throw error(node, what + ": expected a number of at least " + min + ", got '" + text + "'");
            }
            return value;
        }

        private long integer(Node node, String what) {
            String text = scalar(node, what);
            try {
                int value = Integer.parseInt(text);
                if (value >= 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // worded below
            }
            throw error(node, what + ": expected a whole number of at least 0, got '" + text + "'");
        }

        private World.Credential credential(Node node) {
            String ak = null;
            String sk = null;
            String securityToken = null;
            Set<String> projects = Set.of();
            for (NodeTuple entry : mapping(node, "a credential (ak, sk, security_token, projects)")) {
                String key = scalar(entry.getKeyNode(), "a credential key");
                Node value = entry.getValueNode();
                switch (key) {
                    case "ak" -> ak = scalar(value, "ak");
                    case "sk" -> sk = scalar(value, "sk");
                    case "security_token" -> securityToken = scalar(value, "security_token");
                    case "projects" -> projects = projectIds(value);
                    default ->
                        throw error(
                                entry.getKeyNode(),
                                "unknown credential key '" + key + "' (expected ak, sk, security_token, projects)");
                }
            }
            if (ak == null || sk == null) {
                throw error(node, "a credential needs both ak and sk");
            }
            return new World.Credential(ak, sk, securityToken, projects);
        }

        private World.Token token(Node node) {
            String id = null;
            String value = null;
            Set<String> projects = Set.of();
            for (NodeTuple entry : mapping(node, "a token (id, token, projects)")) {
                String key = scalar(entry.getKeyNode(), "a token key");
                switch (key) {
                    case "id" -> id = scalar(entry.getValueNode(), "id");
                    case "token" -> value = scalar(entry.getValueNode(), "token");
                    case "projects" -> projects = projectIds(entry.getValueNode());
                    default ->
                        throw error(
                                entry.getKeyNode(), "unknown token key '" + key + "' (expected id, token, projects)");
                }
            }
            if (id == null || value == null) {
                throw error(node, "a token needs both id and token");
            }
            return new World.Token(id, value, projects);
        }

        private Set<String> projectIds(Node node) {
            Set<String> ids = new LinkedHashSet<>();
            for (Node item : sequence(node, "projects (a list of project ids)")) {
                ids.add(projectId(item));
            }
            return ids;
        }

        private String projectId(Node node) {
            String id = scalar(node, "a project id");
            String problem = rules.projectIdProblem(id);
            if (problem != null) {
                throw error(node, problem);
            }
            return id;
        }

        private List<NodeTuple> mapping(Node node, String what) {
            if (!(node instanceof MappingNode mapping)) {
                throw error(node, "expected " + what + " as a mapping (key: value)");
            }
            Set<String> seen = new HashSet<>();
            for (NodeTuple entry : mapping.getValue()) {
                if (entry.getKeyNode() instanceof ScalarNode key && !seen.add(key.getValue())) {
                    throw error(key, "duplicate key '" + key.getValue() + "'");
                }
            }
            return mapping.getValue();
        }

        private List<Node> sequence(Node node, String what) {
            if (!(node instanceof SequenceNode sequence)) {
                throw error(node, "expected " + what + " as a list");
            }
            return sequence.getValue();
        }

        private String scalar(Node node, String what) {
            if (!(node instanceof ScalarNode scalar)
                    || isNull(node)
                    || scalar.getValue().isBlank()) {
                throw error(node, "expected " + what + " as a non-empty text");
            }
            return scalar.getValue();
        }

        private boolean isNull(Node node) {
            return node instanceof ScalarNode scalar
                    && "tag:yaml.org,2002:null".equals(scalar.getTag().getValue());
        }

        private WorldFileException error(Node node, String message) {
            return new WorldFileException(where(source, node.getStartMark()) + message);
        }
    }
}
