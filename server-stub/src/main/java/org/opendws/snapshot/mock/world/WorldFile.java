package org.opendws.snapshot.mock.world;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
 * projects:                       # project id: its cluster ids
 *   89cd04f168b84af6be287f71730fdb4b:
 *     - 44b277eb-39be-4921-be31-3d61b43651d7
 * credentials:                    # AK/SK pairs
 *   - ak: MOCKACCESSKEY0000000
 *     sk: MockSecretKeyForLocalDevelopmentOnly0000
 *     security_token: ...         # optional: temporary credentials
 *     projects: [89cd04f168b84af6be287f71730fdb4b]
 * tokens:                         # IAM tokens (X-Auth-Token)
 *   - id: dev-token
 *     token: MockIamTokenForLocalDevelopmentOnly
 *     projects: [89cd04f168b84af6be287f71730fdb4b]
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
        return mark == null ? "world file " + source + ": "
                : "world file " + source + ", line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
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
                    default -> throw error(entry.getKeyNode(),
                            "unknown key '" + key + "' (expected projects, credentials, tokens)");
                }
            }
            return builder.build();
        }

        private void projects(Node node, World.Builder builder) {
            for (NodeTuple entry : mapping(node, "projects (project id: list of cluster ids)")) {
                String projectId = projectId(entry.getKeyNode());
                List<String> clusters = new ArrayList<>();
                Node value = entry.getValueNode();
                if (!isNull(value)) {
                    for (Node cluster : sequence(value, "the clusters of project " + projectId)) {
                        String clusterId = scalar(cluster, "a cluster id");
                        String problem = rules.clusterIdProblem(clusterId);
                        if (problem != null) {
                            throw error(cluster, problem);
                        }
                        clusters.add(clusterId);
                    }
                }
                builder.project(projectId, clusters);
            }
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
                    default -> throw error(entry.getKeyNode(),
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
                    default -> throw error(entry.getKeyNode(),
                            "unknown token key '" + key + "' (expected id, token, projects)");
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
            if (!(node instanceof ScalarNode scalar) || isNull(node) || scalar.getValue().isBlank()) {
                throw error(node, "expected " + what + " as a non-empty text");
            }
            return scalar.getValue();
        }

        private boolean isNull(Node node) {
            return node instanceof ScalarNode scalar && "tag:yaml.org,2002:null".equals(scalar.getTag().getValue());
        }

        private WorldFileException error(Node node, String message) {
            return new WorldFileException(where(source, node.getStartMark()) + message);
        }
    }
}
