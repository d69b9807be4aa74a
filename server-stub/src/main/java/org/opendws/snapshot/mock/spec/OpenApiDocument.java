package org.opendws.snapshot.mock.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.opendws.snapshot.mock.generated.api.SnapshotsApi;
import org.opendws.snapshot.mock.world.IdRules;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The API's OpenAPI document, read once from the api-spec artifact's classpath resource
 * {@value #RESOURCE}: served as is at {@code /openapi.yaml}, and the source of the examples
 * that fault injection answers with and of the id rules a world is checked against. Nothing
 * here restates the document.
 */
public final class OpenApiDocument {
    /** The classpath resource of the document. */
    public static final String RESOURCE = "openapi/dws-snapshot.yaml";

    private static final List<String> METHODS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final byte[] bytes;
    private final NavigableMap<Integer, Map<String, Object>> examples;
    private final IdRules idRules;
    private final List<Operation> operations;
    private final Map<String, String> parameterErrorCodes;

    /**
     * An operation of the document.
     *
     * @param id           its operation id, e.g. {@code createSnapshot}
     * @param method       its HTTP method, upper case
     * @param path         its path template, e.g. {@code /v1.0/{project_id}/snapshots}
     * @param bodyRequired whether it requires a request body
     * @param responses    its documented statuses, ascending, each to the examples of its JSON
     *                     body by name (empty for an answer without a body)
     */
    public record Operation(
            String id,
            String method,
            PathPattern path,
            boolean bodyRequired,
            NavigableMap<Integer, Map<String, Object>> responses) {
        /** Whether it documents this status. */
        public boolean documents(int status) {
            return responses.containsKey(status);
        }

        /** The statuses it documents, ascending. */
        public List<Integer> statuses() {
            return List.copyOf(responses.keySet());
        }
    }

    /**
     * A request's operation and the values of its path's variables (e.g. {@code project_id}).
     *
     * @param operation     the operation
     * @param pathVariables the path variables' values by name
     */
    public record Match(Operation operation, Map<String, String> pathVariables) {}

    private OpenApiDocument(byte[] bytes) {
        this.bytes = bytes;
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        Navigator doc = new Navigator(root);
        Object operation = doc.get(doc.get(root, "paths"), SnapshotsApi.PATH_CREATE_SNAPSHOT, "post");
        this.examples = Collections.unmodifiableNavigableMap(examples(doc, doc.get(operation, "responses")));
        this.idRules = idRules(doc, operation);
        List<Operation> all = new ArrayList<>();
        Map<String, String> codes = new LinkedHashMap<>();
        doc.map(doc.get(root, "paths")).forEach((template, item) -> {
            PathPattern pattern = PathPatternParser.defaultInstance.parse(template);
            doc.map(item).forEach((method, definition) -> {
                if (METHODS.contains(method)) {
                    boolean bodyRequired = Boolean.TRUE.equals(doc.find(definition, "requestBody", "required"));
                    all.add(new Operation(
                            String.valueOf(doc.find(definition, "operationId")),
                            method.toUpperCase(Locale.ROOT),
                            pattern,
                            bodyRequired,
                            Collections.unmodifiableNavigableMap(examples(doc, doc.get(definition, "responses")))));
                    Object parameters = doc.find(definition, "parameters");
                    if (parameters instanceof List<?> list) {
                        for (Object parameter : list) {
                            Object code = doc.find(parameter, "x-dws-error-code");
                            if (code != null) {
                                codes.put(String.valueOf(doc.get(parameter, "name")), String.valueOf(code));
                            }
                        }
                    }
                }
            });
        });
        this.operations = List.copyOf(all);
        this.parameterErrorCodes = Map.copyOf(codes);
    }

    /**
     * The error code the document gives a parameter that breaks its rule
     * ({@code x-dws-error-code}), or null for the usual {@code DWS.0001}.
     */
    public String parameterErrorCode(String name) {
        return parameterErrorCodes.get(name);
    }

    /** The operations, in document order. */
    public List<Operation> operations() {
        return operations;
    }

    /** The operation a request is for, or null when the document has none of that method and path. */
    public Match operation(String method, String path) {
        PathContainer parsed = PathContainer.parsePath(path);
        for (Operation operation : operations) {
            if (operation.method().equals(method)) {
                PathPattern.PathMatchInfo match = operation.path().matchAndExtract(parsed);
                if (match != null) {
                    return new Match(operation, match.getUriVariables());
                }
            }
        }
        return null;
    }

    /** The methods the document has for a path, in document order (empty when it has no such path). */
    public List<String> methods(String path) {
        PathContainer parsed = PathContainer.parsePath(path);
        return operations.stream()
                .filter(o -> o.path().matches(parsed))
                .map(Operation::method)
                .distinct()
                .toList();
    }

    /** A reading begun by {@link #preload()} and not yet taken by {@link #load()}. */
    private static final AtomicReference<CompletableFuture<OpenApiDocument>> PRELOADED = new AtomicReference<>();

    /**
     * Begins reading the document on a thread of its own, for the next {@link #load()}: the
     * standalone server calls it first thing, so that the YAML is parsed while Spring Boot starts
     * (off the main thread, which has the rest of the start to do).
     *
     * @return the reading (which {@link #load()} takes)
     */
    public static CompletableFuture<OpenApiDocument> preload() {
        CompletableFuture<OpenApiDocument> reading = CompletableFuture.supplyAsync(OpenApiDocument::read, task -> {
            Thread thread = new Thread(task, "dws-mock-spec-preload");
            thread.setDaemon(true);
            thread.start();
        });
        PRELOADED.set(reading);
        return reading.copy(); // completing or cancelling it leaves load()'s alone
    }

    /** Reads the document from the classpath (or takes the reading {@link #preload()} began). */
    public static OpenApiDocument load() {
        CompletableFuture<OpenApiDocument> preloaded = PRELOADED.getAndSet(null);
        if (preloaded == null) {
            return read();
        }
        try {
            return preloaded.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static OpenApiDocument read() {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        RESOURCE + " is not on the classpath (the api-spec artifact is missing)");
            }
            return new OpenApiDocument(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + " cannot be read", e);
        }
    }

    /** The document's bytes, as packaged. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The statuses the create operation documents, ascending. */
    public List<Integer> statuses() {
        return List.copyOf(examples.keySet());
    }

    /**
     * The create operation's documented examples of a status's JSON body, by example name in
     * document order (each value a tree of maps, lists and scalars); empty if the status is not
     * documented. Every operation's: {@link Operation#responses()}.
     */
    public Map<String, Object> examples(int status) {
        return examples.getOrDefault(status, Map.of());
    }

    /** The rules of project and cluster ids, read from the document's schemas. */
    public IdRules idRules() {
        return idRules;
    }

    private static NavigableMap<Integer, Map<String, Object>> examples(Navigator doc, Object responses) {
        NavigableMap<Integer, Map<String, Object>> byStatus = new TreeMap<>();
        doc.map(responses).forEach((status, response) -> {
            Object examples = doc.find(response, "content", "application/json", "examples");
            Map<String, Object> byName = new LinkedHashMap<>();
            if (examples != null) {
                doc.map(examples).forEach((name, example) -> byName.put(name, doc.get(example, "value")));
            }
            byStatus.put(Integer.valueOf(status), Collections.unmodifiableMap(byName));
        });
        return byStatus;
    }

    private static IdRules idRules(Navigator doc, Object operation) {
        Object projectSchema = null;
        for (Object parameter : (List<?>) doc.get(operation, "parameters")) {
            if ("project_id".equals(doc.get(parameter, "name"))) {
                projectSchema = doc.get(parameter, "schema");
            }
        }
        Object body = doc.get(operation, "requestBody", "content", "application/json", "schema");
        Object clusterSchema = doc.get(body, "properties", "snapshot", "properties", "cluster_id");
        StringRule project = new StringRule("project id", doc.map(projectSchema));
        StringRule cluster = new StringRule("cluster id", doc.map(clusterSchema));
        return new IdRules() {
            @Override
            public String projectIdProblem(String projectId) {
                return project.problem(projectId);
            }

            @Override
            public String clusterIdProblem(String clusterId) {
                return cluster.problem(clusterId);
            }
        };
    }

    /** A string schema's pattern and length limits. */
    private static final class StringRule {
        private final String what;
        private final Pattern pattern;
        private final int minLength;
        private final int maxLength;

        StringRule(String what, Map<String, Object> schema) {
            this.what = what;
            Object regex = schema.get("pattern");
            this.pattern = regex == null ? null : Pattern.compile(regex.toString());
            this.minLength = schema.get("minLength") instanceof Number n ? n.intValue() : 0;
            this.maxLength = schema.get("maxLength") instanceof Number n ? n.intValue() : Integer.MAX_VALUE;
        }

        String problem(String value) {
            if (value.length() < minLength
                    || value.length() > maxLength
                    || (pattern != null && !pattern.matcher(value).find())) {
                return what + " '" + value + "' is invalid: it must match " + pattern
                        + (maxLength == Integer.MAX_VALUE
                                ? ""
                                : " and have " + minLength + " to " + maxLength + " characters");
            }
            return null;
        }
    }

    /** Walks the parsed document, following local {@code $ref}s. */
    private static final class Navigator {
        private final Map<String, Object> root;

        Navigator(Map<String, Object> root) {
            this.root = root;
        }

        Object get(Object node, String... keys) {
            Object found = find(node, keys);
            if (found == null) {
                throw new IllegalStateException(RESOURCE + ": missing " + String.join("/", keys));
            }
            return found;
        }

        Object find(Object node, String... keys) {
            Object current = resolve(node);
            for (String key : keys) {
                if (!(current instanceof Map<?, ?> map)) {
                    return null;
                }
                current = resolve(map.get(key));
            }
            return current;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(Object node) {
            Map<String, Object> result = new LinkedHashMap<>();
            ((Map<Object, Object>) resolve(node)).forEach((k, v) -> result.put(String.valueOf(k), v));
            return result;
        }

        private Object resolve(Object node) {
            Object current = node;
            while (current instanceof Map<?, ?> map && map.get("$ref") instanceof String ref && ref.startsWith("#/")) {
                Object target = root;
                for (String part : ref.substring(2).split("/")) {
                    target = ((Map<?, ?>) target).get(part.replace("~1", "/").replace("~0", "~"));
                }
                current = target;
            }
            return current;
        }
    }
}
