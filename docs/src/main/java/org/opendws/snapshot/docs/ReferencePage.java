package org.opendws.snapshot.docs;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Node;

/**
 * The API reference page, generated entirely from the OpenAPI document: overview, servers,
 * authentication schemes, every operation (parameters, request body, every response with its
 * named examples), the error-code table of {@code info.description}, and every schema with all
 * its constraints. Nothing on it is copied by hand from the document.
 */
final class ReferencePage {
    /** The parameter extension naming the error code of the parameter's violation. */
    static final String ERROR_CODE_EXTENSION = "x-dws-error-code";

    private final OpenAPI api;
    private final Components components;
    private final Markdown markdown = Markdown.forSpec();
    private final List<TocEntry> toc = new ArrayList<>();

    ReferencePage(OpenAPI api) {
        this.api = Objects.requireNonNull(api, "api");
        this.components = api.getComponents() == null ? new Components() : api.getComponents();
    }

    /** The page's sections, for the navigation; filled by {@link #render()}. */
    List<TocEntry> toc() {
        return List.copyOf(toc);
    }

    /** The page's content (without the frame of {@link Layout}). */
    String render() {
        toc.clear();
        StringBuilder out = new StringBuilder(64 * 1024);
        List<Node> errorTables = overview(out);
        servers(out);
        authentication(out);
        operations(out);
        errorCodes(errorTables, out);
        schemas(out);
        return out.toString();
    }

    // ---- sections

    /** Title, version and description; returns the description's tables (the error codes), rendered later. */
    private List<Node> overview(StringBuilder out) {
        Info info = api.getInfo();
        out.append("<h1>")
                .append(Html.escape(info.getTitle()))
                .append("</h1>\n")
                .append("<p class=\"meta\">API version ")
                .append(Html.code(info.getVersion()))
                .append(" &middot; OpenAPI ")
                .append(Html.code(api.getOpenapi()))
                .append("</p>\n");
        section("overview", "Overview", out);
        Node description = markdown.parse(info.getDescription());
        List<Node> tables = new ArrayList<>();
        description.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomBlock block) {
                if (block instanceof TableBlock) {
                    tables.add(block);
                }
            }
        });
        tables.forEach(Node::unlink);
        out.append(markdown.render(description, new ArrayList<>()));
        if (!tables.isEmpty()) {
            out.append("<p>The error codes are listed under <a href=\"#error-codes\">Error codes</a>.</p>\n");
        }
        List<String> links = new ArrayList<>();
        if (info.getContact() != null && info.getContact().getUrl() != null) {
            links.add("Contact: "
                    + link(info.getContact().getUrl(), info.getContact().getName()));
        }
        if (info.getLicense() != null) {
            links.add("License: "
                    + link(info.getLicense().getUrl(), info.getLicense().getName()));
        }
        if (!links.isEmpty()) {
            out.append("<p class=\"meta\">")
                    .append(String.join(" &middot; ", links))
                    .append("</p>\n");
        }
        out.append("</section>\n");
        return tables;
    }

    private void servers(StringBuilder out) {
        if (api.getServers() == null || api.getServers().isEmpty()) {
            return;
        }
        section("servers", "Servers", out);
        out.append(
                "<table class=\"servers\">\n<thead><tr><th>URL</th><th>Description</th><th>Variables</th></tr></thead>\n<tbody>\n");
        for (Server server : api.getServers()) {
            out.append("<tr><td>")
                    .append(Html.code(server.getUrl()))
                    .append("</td><td>")
                    .append(markdown.toHtml(server.getDescription()))
                    .append("</td><td>");
            if (server.getVariables() != null) {
                for (Map.Entry<String, ServerVariable> variable :
                        server.getVariables().entrySet()) {
                    ServerVariable v = variable.getValue();
                    out.append("<div class=\"variable\">")
                            .append(Html.code("{" + variable.getKey() + "}"))
                            .append(" default ")
                            .append(Html.code(v.getDefault()));
                    if (v.getEnum() != null && !v.getEnum().isEmpty()) {
                        out.append(", one of ").append(codes(v.getEnum()));
                    }
                    out.append(markdown.toHtml(v.getDescription())).append("</div>");
                }
            }
            out.append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    private void authentication(StringBuilder out) {
        Map<String, SecurityScheme> schemes = orEmpty(components.getSecuritySchemes());
        if (schemes.isEmpty()) {
            return;
        }
        section("authentication", "Authentication", out);
        if (api.getSecurity() != null && !api.getSecurity().isEmpty()) {
            out.append("<p>Unless an operation says otherwise, a request must satisfy one of: ")
                    .append(security(api.getSecurity()))
                    .append(".</p>\n");
        }
        for (Map.Entry<String, SecurityScheme> entry : schemes.entrySet()) {
            SecurityScheme scheme = entry.getValue();
            out.append("<article class=\"scheme\" id=\"security-")
                    .append(Html.escape(entry.getKey()))
                    .append("\">\n")
                    .append("<h3>")
                    .append(Html.escape(entry.getKey()))
                    .append("</h3>\n<dl class=\"facts\">");
            fact("type", scheme.getType() == null ? null : scheme.getType().toString(), out);
            fact("in", scheme.getIn() == null ? null : scheme.getIn().toString(), out);
            fact("header", scheme.getName(), out);
            fact("scheme", scheme.getScheme(), out);
            fact("bearer format", scheme.getBearerFormat(), out);
            fact("OpenID Connect URL", scheme.getOpenIdConnectUrl(), out);
            out.append("</dl>\n")
                    .append(markdown.toHtml(scheme.getDescription()))
                    .append("</article>\n");
        }
        out.append("</section>\n");
    }

    private void operations(StringBuilder out) {
        section("operations", "Operations", out);
        // an index first: every operation of the document, one row each, linking to its article
        out.append("<table class=\"operation-index\">\n<thead><tr><th>Operation</th><th>Method and path</th>")
                .append("<th>Summary</th></tr></thead>\n<tbody>\n");
        forEachOperation((method, path, item, op) -> out.append("<tr><td><a href=\"#")
                .append(Html.escape(operationId(method, path, op)))
                .append("\">")
                .append(Html.escape(op.getOperationId() != null ? op.getOperationId() : method + " " + path))
                .append("</a></td><td><span class=\"method method-")
                .append(Html.escape(method.toLowerCase()))
                .append("\">")
                .append(Html.escape(method))
                .append("</span> ")
                .append(Html.code(path))
                .append("</td><td>")
                .append(Html.escape(op.getSummary()))
                .append("</td></tr>\n"));
        out.append("</tbody>\n</table>\n");
        forEachOperation((method, path, item, op) -> operation(method, path, item, op, out));
        out.append("</section>\n");
    }

    /** What is done with each operation: its method, its path, the path's item, the operation. */
    private interface OperationVisitor {
        void visit(String method, String path, PathItem item, Operation op);
    }

    /** Every operation of the document, in the document's order of paths. */
    private void forEachOperation(OperationVisitor visitor) {
        for (Map.Entry<String, PathItem> path : orEmpty(api.getPaths()).entrySet()) {
            PathItem item = path.getValue();
            item.readOperationsMap().forEach((method, op) -> visitor.visit(method.toString(), path.getKey(), item, op));
        }
    }

    /** The fragment id of an operation's article: its operationId, else made from method and path. */
    private static String operationId(String method, String path, Operation op) {
        return op.getOperationId() != null ? op.getOperationId() : Html.slug(method + " " + path);
    }

    private void operation(String method, String path, PathItem item, Operation op, StringBuilder out) {
        String id = operationId(method, path, op);
        toc.add(new TocEntry(id, op.getOperationId() != null ? op.getOperationId() : method + " " + path));
        out.append("<article class=\"operation\" id=\"")
                .append(Html.escape(id))
                .append("\">\n")
                .append("<h3 class=\"endpoint\"><span class=\"method method-")
                .append(Html.escape(method.toLowerCase()))
                .append("\">")
                .append(Html.escape(method))
                .append("</span> <code class=\"path\">")
                .append(Html.escape(path))
                .append("</code></h3>\n");
        if (op.getSummary() != null) {
            out.append("<p class=\"summary\">")
                    .append(Html.escape(op.getSummary()))
                    .append("</p>\n");
        }
        out.append("<dl class=\"facts\">");
        fact("operationId", op.getOperationId(), out);
        if (op.getTags() != null && !op.getTags().isEmpty()) {
            out.append("<dt>tags</dt><dd>").append(tags(op.getTags())).append("</dd>");
        }
        List<SecurityRequirement> security = op.getSecurity() != null ? op.getSecurity() : api.getSecurity();
        if (security != null && !security.isEmpty()) {
            out.append("<dt>authentication</dt><dd>").append(security(security)).append("</dd>");
        }
        if (Boolean.TRUE.equals(op.getDeprecated())) {
            out.append("<dt>deprecated</dt><dd>yes</dd>");
        }
        out.append("</dl>\n").append(markdown.toHtml(op.getDescription()));

        List<Parameter> parameters = new ArrayList<>();
        orEmpty(item.getParameters()).forEach(p -> parameters.add(resolve(p)));
        orEmpty(op.getParameters()).forEach(p -> parameters.add(resolve(p)));
        if (!parameters.isEmpty()) {
            parameters(id, parameters, out);
        }
        if (op.getRequestBody() != null) {
            requestBody(id, resolve(op.getRequestBody()), out);
        }
        tryIt(id, method, path, parameters, op, security, out);
        if (op.getResponses() != null) {
            out.append(
                    "<h4>Responses</h4>\n<table class=\"status-summary\">\n<thead><tr><th>Status</th><th>Meaning</th></tr></thead>\n<tbody>\n");
            op.getResponses()
                    .forEach((status, response) -> out.append("<tr><td><a href=\"#")
                            .append(Html.escape(id + "-" + status))
                            .append("\">")
                            .append(statusBadge(status))
                            .append("</a></td><td>")
                            .append(Html.escape(firstSentence(resolve(response).getDescription())))
                            .append("</td></tr>\n"));
            out.append("</tbody>\n</table>\n");
            op.getResponses().forEach((status, response) -> response(id, status, resolve(response), out));
        }
        out.append("</article>\n");
    }

    /** The operation's "Try it" form ({@link TryItForm}): its parameters, its body's first example, its ways to authenticate. */
    private void tryIt(
            String id,
            String method,
            String path,
            List<Parameter> parameters,
            Operation op,
            List<SecurityRequirement> security,
            StringBuilder out) {
        List<TryItForm.Field> fields = new ArrayList<>();
        parameters.forEach(p ->
                fields.add(new TryItForm.Field(p, resolve(p.getSchema() == null ? new Schema<>() : p.getSchema()))));
        String mediaType = null;
        Object example = null;
        String exampleName = null;
        if (op.getRequestBody() != null) {
            Map<String, MediaType> content =
                    orEmpty(resolve(op.getRequestBody()).getContent());
            // the JSON body, as the mock reads it; the first media type otherwise
            Map.Entry<String, MediaType> chosen = content.entrySet().stream()
                    .filter(e -> e.getKey().contains("json"))
                    .findFirst()
                    .orElse(content.entrySet().stream().findFirst().orElse(null));
            if (chosen != null) {
                mediaType = chosen.getKey();
                MediaType media = chosen.getValue();
                if (media.getExamples() != null && !media.getExamples().isEmpty()) {
                    Map.Entry<String, Example> first =
                            media.getExamples().entrySet().iterator().next();
                    exampleName = first.getKey();
                    example = resolve(first.getValue()).getValue();
                } else if (media.getExample() != null) {
                    example = media.getExample();
                } else if (media.getSchema() != null) {
                    example = resolve(media.getSchema()).getExample();
                }
            }
        }
        out.append(TryItForm.render(id, method, path, fields, mediaType, example, exampleName, auths(security)));
    }

    /**
     * The ways a request may authenticate, from the security requirements: a scheme that puts
     * {@code SDK-HMAC-SHA256} in {@code Authorization} is signed, another key in a header is sent
     * as typed; an empty requirement, and a mock run with {@code --dws.mock.auth=none}, need nothing.
     */
    private List<TryItForm.Auth> auths(List<SecurityRequirement> security) {
        List<TryItForm.Auth> auths = new ArrayList<>();
        for (SecurityRequirement requirement : security == null ? List.<SecurityRequirement>of() : security) {
            if (requirement.isEmpty()) {
                continue; // "none" comes last anyway
            }
            if (requirement.size() != 1) {
                continue; // two schemes at once: not in this document, and not offered
            }
            String name = requirement.keySet().iterator().next();
            SecurityScheme scheme = orEmpty(components.getSecuritySchemes()).get(name);
            if (scheme == null
                    || scheme.getType() != SecurityScheme.Type.APIKEY
                    || scheme.getIn() != SecurityScheme.In.HEADER) {
                continue;
            }
            boolean signed = "Authorization".equalsIgnoreCase(scheme.getName())
                    && scheme.getDescription() != null
                    && scheme.getDescription().contains("SDK-HMAC-SHA256");
            auths.add(
                    signed
                            ? new TryItForm.Auth(
                                    TryItForm.Auth.SIGNED, "AK/SK, signed (" + name + ")", scheme.getName())
                            : new TryItForm.Auth(
                                    TryItForm.Auth.HEADER,
                                    name + " (" + scheme.getName() + " header)",
                                    scheme.getName()));
        }
        auths.add(new TryItForm.Auth(TryItForm.Auth.NONE, "none (a mock run with --dws.mock.auth=none)", null));
        return auths;
    }

    private void parameters(String opId, List<Parameter> parameters, StringBuilder out) {
        out.append("<h4>Parameters</h4>\n<table class=\"fields parameters\">\n<thead><tr><th>Name</th><th>In</th>")
                .append(
                        "<th>Type</th><th>Constraints</th><th>Description</th><th>Example</th></tr></thead>\n<tbody>\n");
        for (Parameter p : parameters) {
            Schema<?> schema = p.getSchema() == null ? new Schema<>() : p.getSchema();
            Object example =
                    p.getExample() != null ? p.getExample() : resolve(schema).getExample();
            out.append("<tr id=\"")
                    .append(Html.escape(opId + "-param-" + p.getName()))
                    .append("\"><td>")
                    .append(Html.code(p.getName()))
                    .append("</td><td>")
                    .append(Html.escape(p.getIn()))
                    .append("</td><td>")
                    .append(type(schema))
                    .append("<br>")
                    .append(required(Boolean.TRUE.equals(p.getRequired())))
                    .append("</td><td>")
                    .append(constraints(resolve(schema), errorCode(p)))
                    .append("</td><td>")
                    .append(markdown.toHtml(p.getDescription()))
                    .append("</td><td>")
                    .append(example(example))
                    .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    /**
     * The error code of a parameter's violation when the document names one with the extension
     * {@value #ERROR_CODE_EXTENSION} (e.g. a {@code snapshot_id} that is not a UUID is
     * {@code DWS.5149}, not the usual {@code DWS.0001}); null otherwise.
     */
    private static Object errorCode(Parameter p) {
        return p.getExtensions() == null ? null : p.getExtensions().get(ERROR_CODE_EXTENSION);
    }

    private void requestBody(String opId, RequestBody body, StringBuilder out) {
        out.append("<h4>Request body</h4>\n<div class=\"request-body\" id=\"")
                .append(Html.escape(opId + "-request"))
                .append("\">\n<dl class=\"facts\"><dt>required</dt><dd>")
                .append(Boolean.TRUE.equals(body.getRequired()) ? "yes" : "no")
                .append("</dd></dl>\n")
                .append(markdown.toHtml(body.getDescription()));
        for (Map.Entry<String, MediaType> content : orEmpty(body.getContent()).entrySet()) {
            mediaType(opId + "-request", content.getKey(), content.getValue(), true, out);
        }
        out.append("</div>\n");
    }

    private void response(String opId, String status, ApiResponse response, StringBuilder out) {
        String id = opId + "-" + status;
        out.append("<section class=\"response ")
                .append(statusClass(status))
                .append("\" id=\"")
                .append(Html.escape(id))
                .append("\">\n<h5>")
                .append(statusBadge(status))
                .append("</h5>\n")
                .append(markdown.toHtml(response.getDescription()));
        Map<String, Header> headers = orEmpty(response.getHeaders());
        if (!headers.isEmpty()) {
            out.append("<table class=\"fields headers\">\n<thead><tr><th>Header</th><th>Type</th>")
                    .append("<th>Constraints</th><th>Description</th><th>Example</th></tr></thead>\n<tbody>\n");
            for (Map.Entry<String, Header> entry : headers.entrySet()) {
                Header header = resolve(entry.getValue());
                Schema<?> schema = header.getSchema() == null ? new Schema<>() : header.getSchema();
                Object example = header.getExample() != null
                        ? header.getExample()
                        : resolve(schema).getExample();
                out.append("<tr><td>")
                        .append(Html.code(entry.getKey()))
                        .append("</td><td>")
                        .append(type(schema))
                        .append("<br>")
                        .append(required(Boolean.TRUE.equals(header.getRequired())))
                        .append("</td><td>")
                        .append(constraints(resolve(schema)))
                        .append("</td><td>")
                        .append(markdown.toHtml(header.getDescription()))
                        .append("</td><td>")
                        .append(example(example))
                        .append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        }
        boolean success = status.startsWith("2");
        if (orEmpty(response.getContent()).isEmpty()) {
            out.append("<p class=\"body-type no-body\">No body.</p>\n");
        }
        for (Map.Entry<String, MediaType> content :
                orEmpty(response.getContent()).entrySet()) {
            mediaType(id, content.getKey(), content.getValue(), success, out);
        }
        out.append("</section>\n");
    }

    /** A body: media type, schema (its fields in full when {@code withFields}), and its named examples. */
    private void mediaType(String idPrefix, String name, MediaType media, boolean withFields, StringBuilder out) {
        out.append("<p class=\"body-type\">Body ").append(Html.code(name));
        if (media.getSchema() != null) {
            out.append(", schema ").append(type(media.getSchema()));
        }
        out.append("</p>\n");
        if (withFields && media.getSchema() != null) {
            fieldsTable(media.getSchema(), true, null, out);
        }
        Map<String, Example> examples = new LinkedHashMap<>(orEmpty(media.getExamples()));
        if (examples.isEmpty() && media.getExample() != null) {
            examples.put("example", new Example().value(media.getExample()));
        }
        for (Map.Entry<String, Example> entry : examples.entrySet()) {
            Example example = resolve(entry.getValue());
            out.append("<figure class=\"example\" id=\"")
                    .append(Html.escape(idPrefix + "-example-" + entry.getKey()))
                    .append("\">\n<figcaption><span class=\"label\">Example</span> ")
                    .append(Html.code(entry.getKey()));
            if (example.getSummary() != null) {
                out.append(" &mdash; ").append(Html.escape(example.getSummary()));
            }
            out.append("</figcaption>\n")
                    .append(markdown.toHtml(example.getDescription()))
                    .append("<pre class=\"json\"><code>")
                    .append(JsonView.toHtml(example.getValue()))
                    .append("</code></pre>\n</figure>\n");
        }
    }

    private void errorCodes(List<Node> tables, StringBuilder out) {
        if (tables.isEmpty()) {
            return;
        }
        section("error-codes", "Error codes", out);
        for (Node table : tables) {
            out.append("<div class=\"error-codes\">")
                    .append(markdown.render(table, new ArrayList<>()))
                    .append("</div>\n");
        }
        out.append("</section>\n");
    }

    private void schemas(StringBuilder out) {
        Map<String, Schema> schemas = orEmpty(components.getSchemas());
        if (schemas.isEmpty()) {
            return;
        }
        section("schemas", "Schemas", out);
        for (Map.Entry<String, Schema> entry : schemas.entrySet()) {
            Schema<?> schema = entry.getValue();
            out.append("<article class=\"schema\" id=\"schema-")
                    .append(Html.escape(entry.getKey()))
                    .append("\">\n<h3>")
                    .append(Html.escape(entry.getKey()))
                    .append(" <span class=\"type\">")
                    .append(Html.escape(typeName(schema)))
                    .append("</span></h3>\n")
                    .append(markdown.toHtml(schema.getDescription()));
            fieldsTable(schema, false, "schema-" + entry.getKey(), out);
            out.append("</article>\n");
        }
        out.append("</section>\n");
    }

    // ---- fields and constraints

    /**
     * A table of an object schema's properties. With {@code nested}, properties that are objects
     * themselves are expanded with dotted names ({@code snapshot.name}); rows get ids
     * {@code rowIdPrefix-property} when {@code rowIdPrefix} is given.
     */
    private void fieldsTable(Schema<?> schema, boolean nested, String rowIdPrefix, StringBuilder out) {
        List<String> rows = new ArrayList<>();
        fieldRows("", resolve(schema), nested, rowIdPrefix, rows, 0);
        if (rows.isEmpty()) {
            Schema<?> resolved = resolve(schema);
            if (resolved.getProperties() == null) {
                // not an object: its own constraints
                out.append("<div class=\"constraints-line\">")
                        .append(constraints(resolved))
                        .append("</div>\n");
            }
            return;
        }
        out.append("<table class=\"fields\">\n<thead><tr><th>Field</th><th>Type</th><th>Constraints</th>")
                .append("<th>Description</th><th>Example</th></tr></thead>\n<tbody>\n");
        rows.forEach(out::append);
        out.append("</tbody>\n</table>\n");
    }

    private void fieldRows(
            String prefix, Schema<?> object, boolean nested, String rowIdPrefix, List<String> rows, int depth) {
        if (object.getProperties() == null || depth > 8) {
            return;
        }
        List<String> requiredNames = orEmpty(object.getRequired());
        for (Map.Entry<String, Schema> property : object.getProperties().entrySet()) {
            String name = prefix + property.getKey();
            Schema<?> declared = property.getValue();
            Schema<?> schema = resolve(declared);
            // a $ref property shows the referenced schema's description when it has none of its own
            String description =
                    declared.getDescription() != null ? declared.getDescription() : schema.getDescription();
            StringBuilder row = new StringBuilder("<tr");
            if (rowIdPrefix != null) {
                row.append(" id=\"")
                        .append(Html.escape(rowIdPrefix + "-" + property.getKey()))
                        .append('"');
            }
            row.append("><td>")
                    .append(Html.code(name))
                    .append("</td><td>")
                    .append(type(declared))
                    .append("<br>")
                    .append(required(requiredNames.contains(property.getKey())))
                    .append("</td><td>")
                    .append(constraints(schema))
                    .append("</td><td>")
                    .append(markdown.toHtml(description))
                    .append("</td><td>")
                    .append(example(schema.getExample()))
                    .append("</td></tr>\n");
            rows.add(row.toString());
            if (nested) {
                fieldRows(name + ".", schema, true, null, rows, depth + 1);
                if (schema.getItems() != null) {
                    fieldRows(name + "[].", resolve(schema.getItems()), true, null, rows, depth + 1);
                }
            }
        }
    }

    /** Every validation keyword the schema sets, as {@code keyword value} items. */
    private String constraints(Schema<?> s) {
        return constraints(s, null);
    }

    /** The same, and last the error code a violation is answered with, when the document names one. */
    private String constraints(Schema<?> s, Object errorCode) {
        List<String> items = new ArrayList<>();
        BiConsumer<String, Object> add = (keyword, value) -> {
            if (value != null) {
                items.add("<li><span class=\"keyword\">" + keyword + "</span> " + Html.code(value) + "</li>");
            }
        };
        add.accept("format", s.getFormat());
        if (s.getEnum() != null && !s.getEnum().isEmpty()) {
            items.add("<li class=\"enum\"><span class=\"keyword\">enum</span> " + codes(s.getEnum()) + "</li>");
        }
        add.accept("default", s.getDefault());
        add.accept("minLength", s.getMinLength());
        add.accept("maxLength", s.getMaxLength());
        add.accept("pattern", s.getPattern());
        add.accept(Boolean.TRUE.equals(s.getExclusiveMinimum()) ? "exclusiveMinimum" : "minimum", s.getMinimum());
        add.accept(Boolean.TRUE.equals(s.getExclusiveMaximum()) ? "exclusiveMaximum" : "maximum", s.getMaximum());
        add.accept("multipleOf", s.getMultipleOf());
        add.accept("minItems", s.getMinItems());
        add.accept("maxItems", s.getMaxItems());
        add.accept("uniqueItems", Boolean.TRUE.equals(s.getUniqueItems()) ? true : null);
        add.accept("minProperties", s.getMinProperties());
        add.accept("maxProperties", s.getMaxProperties());
        add.accept("nullable", Boolean.TRUE.equals(s.getNullable()) ? true : null);
        add.accept("readOnly", Boolean.TRUE.equals(s.getReadOnly()) ? true : null);
        add.accept("writeOnly", Boolean.TRUE.equals(s.getWriteOnly()) ? true : null);
        add.accept("deprecated", Boolean.TRUE.equals(s.getDeprecated()) ? true : null);
        if (errorCode != null) {
            items.add("<li class=\"error-code\" title=\"" + ERROR_CODE_EXTENSION
                    + "\"><span class=\"keyword\">violation answered with</span> " + Html.code(errorCode) + "</li>");
        }
        return items.isEmpty() ? "" : "<ul class=\"constraints\">" + String.join("", items) + "</ul>";
    }

    /** The type of a schema: a link to the schema for a $ref, else its type and format. */
    private String type(Schema<?> schema) {
        if (schema.get$ref() != null) {
            String name = refName(schema.get$ref());
            return "<a href=\"#schema-" + Html.escape(name) + "\">" + Html.escape(name) + "</a>";
        }
        if (schema.getItems() != null) {
            return "array of " + type(schema.getItems());
        }
        return Html.escape(typeName(schema));
    }

    private static String typeName(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return String.join(" | ", schema.getTypes());
        }
        return schema.getProperties() != null ? "object" : "any";
    }

    // ---- $ref resolution (components only: the document is one file)

    private Schema<?> resolve(Schema<?> schema) {
        Schema<?> s = schema;
        for (int i = 0; s.get$ref() != null && i < 10; i++) {
            s = component(components.getSchemas(), s.get$ref());
        }
        return s;
    }

    private Parameter resolve(Parameter p) {
        return p.get$ref() == null ? p : component(components.getParameters(), p.get$ref());
    }

    private RequestBody resolve(RequestBody b) {
        return b.get$ref() == null ? b : component(components.getRequestBodies(), b.get$ref());
    }

    private ApiResponse resolve(ApiResponse r) {
        return r.get$ref() == null ? r : component(components.getResponses(), r.get$ref());
    }

    private Header resolve(Header h) {
        return h.get$ref() == null ? h : component(components.getHeaders(), h.get$ref());
    }

    private Example resolve(Example e) {
        return e.get$ref() == null ? e : component(components.getExamples(), e.get$ref());
    }

    private static <T> T component(Map<String, T> map, String ref) {
        T found = map == null ? null : map.get(refName(ref));
        if (found == null) {
            throw new IllegalStateException("the OpenAPI document has no component for $ref " + ref);
        }
        return found;
    }

    private static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    // ---- small pieces

    private void section(String id, String title, StringBuilder out) {
        toc.add(new TocEntry(id, title));
        out.append("<section id=\"")
                .append(id)
                .append("\">\n<h2>")
                .append(Html.escape(title))
                .append("</h2>\n");
    }

    private String security(List<SecurityRequirement> requirements) {
        List<String> alternatives = new ArrayList<>();
        for (SecurityRequirement requirement : requirements) {
            List<String> all = new ArrayList<>();
            requirement
                    .keySet()
                    .forEach(name ->
                            all.add("<a href=\"#security-" + Html.escape(name) + "\">" + Html.escape(name) + "</a>"));
            alternatives.add(all.isEmpty() ? "no authentication" : String.join(" and ", all));
        }
        return String.join(" or ", alternatives);
    }

    private String tags(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            String description = orEmpty(api.getTags()).stream()
                    .filter(t -> name.equals(t.getName()))
                    .map(Tag::getDescription)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null);
            out.add(Html.escape(name) + (description == null ? "" : " (" + Html.escape(description) + ")"));
        }
        return String.join(", ", out);
    }

    private static void fact(String name, String value, StringBuilder out) {
        if (value != null) {
            out.append("<dt>")
                    .append(Html.escape(name))
                    .append("</dt><dd>")
                    .append(Html.code(value))
                    .append("</dd>");
        }
    }

    private static String required(boolean required) {
        return required ? "<span class=\"required\">required</span>" : "<span class=\"optional\">optional</span>";
    }

    /** A schema or parameter example: scalars as they are (a uuid example is a UUID object), structures as JSON. */
    private static String example(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map
                || value instanceof java.util.Collection
                || (value instanceof JsonNode node && node.isContainerNode())) {
            return "<code>" + JsonView.toHtml(value) + "</code>";
        }
        return Html.code(value instanceof JsonNode node ? node.asText() : String.valueOf(value));
    }

    private static String codes(List<?> values) {
        List<String> codes = new ArrayList<>();
        values.forEach(v -> codes.add(Html.code(v)));
        return String.join(", ", codes);
    }

    private static String link(String url, String text) {
        if (url == null) {
            return Html.escape(text);
        }
        return "<a href=\"" + Html.escape(url) + "\">" + Html.escape(text == null ? url : text) + "</a>";
    }

    private static String statusBadge(String status) {
        return "<span class=\"status " + statusClass(status) + "\">" + Html.escape(status) + "</span>";
    }

    private static String statusClass(String status) {
        return "status-" + (status.isEmpty() ? "x" : status.charAt(0)) + "xx";
    }

    /** The first sentence of a Markdown description, markup marks removed, for the status summary table. */
    private static String firstSentence(String description) {
        if (description == null) {
            return "";
        }
        String text = description.replace("`", "").replaceAll("\\s+", " ").trim();
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
