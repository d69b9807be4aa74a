package org.opendws.snapshot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks the parsed OpenAPI document and checks that the generated reference page shows every
 * part of it: every operation (in the index, as an article, in the table of contents), each
 * constraint of each schema property and parameter (type, format, lengths, pattern, enum,
 * default, required, the error code of a violation), each description word for word, each
 * status (shared responses resolved, a body-less answer said so) with its examples (as JSON
 * equal to the document's), every named example, both security schemes, the error-code table
 * and the servers. A change of the document that the site does not show fails here, and so
 * does an extension the reference does not know.
 */
class ReferenceCoversSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path out;

    static OpenAPI api;
    static Document page;

    @BeforeAll
    static void generate() throws IOException {
        api = TestSite.api();
        SiteGenerator.generate(TestSite.spec(), TestSite.source(), out);
        page = TestSite.html(out.resolve("index.html"));
    }

    @Test
    void everySchemaPropertyWithEveryConstraint() {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        assertThat(schemas).isNotEmpty();
        for (Map.Entry<String, Schema> entry : schemas.entrySet()) {
            Element article = byId("schema-" + entry.getKey());
            assertDescribed(article, entry.getValue().getDescription());
            Map<String, Schema> properties = entry.getValue().getProperties();
            if (properties == null) {
                // not an object (e.g. an enum such as SnapshotStatus): its own constraints
                assertConstraints(article, entry.getValue());
                continue;
            }
            for (Map.Entry<String, Schema> property : properties.entrySet()) {
                Element row = byId("schema-" + entry.getKey() + "-" + property.getKey());
                boolean required = entry.getValue().getRequired() != null
                        && entry.getValue().getRequired().contains(property.getKey());
                Schema<?> schema = resolve(property.getValue());
                assertField(
                        row,
                        property.getKey(),
                        property.getValue(),
                        required,
                        property.getValue().getDescription() != null
                                ? property.getValue().getDescription()
                                : schema.getDescription(),
                        schema.getExample());
            }
        }
    }

    @Test
    void everyOperationIsShownAndIndexed() {
        List<String> ids = new ArrayList<>();
        forEachOperation((method, path, item, op) -> {
            assertThat(op.getOperationId())
                    .as(method + " " + path + " has an operationId")
                    .isNotBlank();
            ids.add(op.getOperationId());
            // the index at the top of the operations links to the article and says what it is
            Element indexRow = page.select("table.operation-index a[href=#" + op.getOperationId() + "]").stream()
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no index row for " + op.getOperationId()))
                    .closest("tr");
            assertThat(indexRow.text()).contains(method + " " + path, op.getSummary());
        });
        assertThat(ids)
                .as("operations of the document")
                .hasSizeGreaterThanOrEqualTo(5)
                .doesNotHaveDuplicates();
        assertThat(page.select("article.operation").eachAttr("id"))
                .as("the operations on the page")
                .isEqualTo(ids);
        assertThat(page.select("table.operation-index tbody tr")).hasSameSizeAs(ids);
        // and each is in the page's table of contents
        assertThat(page.select("nav.sidebar ul.toc a").eachAttr("href"))
                .containsAll(ids.stream().map(id -> "#" + id).toList());
    }

    @Test
    void everyOperationWithItsParameters() {
        forEachOperation((method, path, item, op) -> {
            Element article = byId(op.getOperationId());
            assertThat(article.selectFirst("h3").text()).isEqualTo(method + " " + path);
            assertThat(article.text()).contains(op.getOperationId(), op.getSummary());
            assertDescribed(article, op.getDescription());
            List<Parameter> declared = new ArrayList<>();
            if (item.getParameters() != null) {
                declared.addAll(item.getParameters());
            }
            if (op.getParameters() != null) {
                declared.addAll(op.getParameters());
            }
            assertThat(article.select("table.parameters tbody tr")).hasSameSizeAs(declared);
            for (Parameter d : declared) {
                Parameter p = resolve(d);
                Element row = byId(op.getOperationId() + "-param-" + p.getName());
                Object example = p.getExample() != null
                        ? p.getExample()
                        : resolve(p.getSchema()).getExample();
                assertField(
                        row,
                        p.getName(),
                        p.getSchema(),
                        Boolean.TRUE.equals(p.getRequired()),
                        p.getDescription(),
                        example);
                assertThat(row.child(1).text())
                        .as("where " + p.getName() + " goes")
                        .isEqualTo(p.getIn());
                Object errorCode =
                        p.getExtensions() == null ? null : p.getExtensions().get(ReferencePage.ERROR_CODE_EXTENSION);
                if (errorCode != null) {
                    assertThat(row.select("li.error-code").text())
                            .as("the error code of a bad " + p.getName())
                            .isEqualTo("violation answered with " + errorCode);
                } else {
                    assertThat(row.select("li.error-code")).isEmpty();
                }
            }
        });
    }

    @Test
    void everyRequestBodyFieldAndExample() throws IOException {
        List<Operation> withBody =
                operations().stream().filter(op -> op.getRequestBody() != null).toList();
        assertThat(withBody).isNotEmpty();
        for (Operation op : operations()) {
            if (op.getRequestBody() == null) {
                assertThat(page.getElementById(op.getOperationId() + "-request"))
                        .as(op.getOperationId())
                        .isNull();
                continue;
            }
            Element body = byId(op.getOperationId() + "-request");
            assertDescribed(body, op.getRequestBody().getDescription());
            for (Map.Entry<String, MediaType> content :
                    op.getRequestBody().getContent().entrySet()) {
                assertThat(body.text()).contains(content.getKey());
                // nested fields are listed with dotted names, e.g. snapshot.name
                List<String[]> leaves = new ArrayList<>();
                fields("", content.getValue().getSchema(), leaves);
                assertThat(leaves).isNotEmpty();
                for (String[] leaf : leaves) {
                    Element row = body.select("table.fields tr").stream()
                            .filter(tr -> tr.child(0).text().equals(leaf[0]))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError(
                                    "request body of " + op.getOperationId() + " has no row for " + leaf[0]));
                    assertConstraints(row, resolve(schemaAt(content.getValue().getSchema(), leaf[0])));
                }
                assertExamples(
                        body,
                        op.getOperationId() + "-request",
                        content.getValue().getExamples());
            }
        }
    }

    @Test
    void everyStatusWithItsDescriptionHeadersAndExamples() throws IOException {
        for (Operation op : operations()) {
            assertThat(op.getResponses()).hasSizeGreaterThanOrEqualTo(1);
            Element article = byId(op.getOperationId());
            assertThat(article.select("section.response > h5").eachText())
                    .as("statuses of " + op.getOperationId())
                    .isEqualTo(new ArrayList<>(op.getResponses().keySet()));
            for (Map.Entry<String, ApiResponse> entry : op.getResponses().entrySet()) {
                String id = op.getOperationId() + "-" + entry.getKey();
                Element section = byId(id);
                // a shared response (components/responses) is shown in full where it is used
                ApiResponse response = resolve(entry.getValue());
                assertThat(section.selectFirst("h5").text()).isEqualTo(entry.getKey());
                assertDescribed(section, response.getDescription());
                assertThat(response.getHeaders()).as("headers of " + id).isNotEmpty();
                for (Map.Entry<String, Header> header : response.getHeaders().entrySet()) {
                    assertThat(section.text()).contains(header.getKey());
                    Header h = api.getComponents()
                            .getHeaders()
                            .get(name(header.getValue().get$ref()));
                    assertDescribed(section, h.getDescription());
                }
                if (response.getContent() == null || response.getContent().isEmpty()) {
                    // e.g. deleteSnapshot's 202: said so, and no body type or example shown
                    assertThat(section.select(".no-body").text()).as(id).isEqualTo("No body.");
                    assertThat(section.select("figure.example")).as(id).isEmpty();
                    continue;
                }
                assertThat(section.select(".no-body")).as(id).isEmpty();
                for (Map.Entry<String, MediaType> content :
                        response.getContent().entrySet()) {
                    assertThat(section.text())
                            .contains(
                                    content.getKey(),
                                    name(content.getValue().getSchema().get$ref()));
                    assertExamples(section, id, content.getValue().getExamples());
                }
                // the status summary table links to the section
                assertThat(page.select("a[href=#" + id + "]")).isNotEmpty();
            }
        }
    }

    @Test
    void everyNamedExampleOfTheDocumentIsShown() throws IOException {
        Map<String, Example> examples = api.getComponents().getExamples();
        assertThat(examples).isNotEmpty();
        List<Element> figures = page.select("figure.example");
        for (Map.Entry<String, Example> entry : examples.entrySet()) {
            JsonNode value = JSON.valueToTree(entry.getValue().getValue());
            boolean shown = false;
            for (Element figure : figures) {
                if (figure.selectFirst("figcaption")
                                .text()
                                .contains(entry.getValue().getSummary())
                        && JSON.readTree(figure.selectFirst("pre").wholeText()).equals(value)) {
                    shown = true;
                    break;
                }
            }
            assertThat(shown)
                    .as("example " + entry.getKey() + " (" + entry.getValue().getSummary() + ") on the page")
                    .isTrue();
        }
    }

    /**
     * The reference knows how to show each extension the document uses; a new {@code x-...}
     * fails here until the generator shows it (and this list names it).
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyExtensionOfTheDocumentIsOneTheReferenceShows() {
        List<String> used = new ArrayList<>();
        Consumer<Map<String, Object>> add = ext -> {
            if (ext != null) {
                used.addAll(ext.keySet());
            }
        };
        forEachOperation((method, path, item, op) -> {
            add.accept(item.getExtensions());
            add.accept(op.getExtensions());
            op.getResponses().values().forEach(r -> add.accept(r.getExtensions()));
            if (op.getParameters() != null) {
                op.getParameters().forEach(p -> add.accept(p.getExtensions()));
            }
        });
        api.getComponents().getParameters().values().forEach(p -> add.accept(p.getExtensions()));
        api.getComponents().getResponses().values().forEach(r -> add.accept(r.getExtensions()));
        api.getComponents().getSchemas().values().forEach(sc -> {
            add.accept(sc.getExtensions());
            if (sc.getProperties() != null) {
                ((Map<String, Schema>) sc.getProperties()).values().forEach(pr -> add.accept(pr.getExtensions()));
            }
        });
        assertThat(used).as("the document uses the error-code extension").contains(ReferencePage.ERROR_CODE_EXTENSION);
        assertThat(used).as("extensions the reference shows").allMatch(ReferencePage.ERROR_CODE_EXTENSION::equals);
    }

    @Test
    void bothSecuritySchemesWithTheirDescriptions() {
        Map<String, SecurityScheme> schemes = api.getComponents().getSecuritySchemes();
        assertThat(schemes).hasSize(2);
        for (Map.Entry<String, SecurityScheme> entry : schemes.entrySet()) {
            Element article = byId("security-" + entry.getKey());
            SecurityScheme scheme = entry.getValue();
            assertThat(article.selectFirst("h3").text()).isEqualTo(entry.getKey());
            assertThat(article.select("dl.facts dd").eachText())
                    .contains(scheme.getType().toString(), scheme.getIn().toString(), scheme.getName());
            assertDescribed(article, scheme.getDescription());
        }
    }

    @Test
    void theErrorCodeTableOfTheDescription() {
        List<List<String>> expected = markdownTableRows(api.getInfo().getDescription());
        assertThat(expected).hasSizeGreaterThan(2);
        List<List<String>> shown = byId("error-codes").select("table tr").stream()
                .map(tr -> tr.children().eachText())
                .toList();
        assertThat(shown).isEqualTo(expected);
    }

    @Test
    void theServersAndTheOverview() {
        Element servers = byId("servers");
        for (Server server : api.getServers()) {
            assertThat(servers.text()).contains(server.getUrl());
            assertDescribed(servers, server.getDescription());
            if (server.getVariables() != null) {
                server.getVariables().forEach((name, variable) -> {
                    assertThat(servers.text()).contains("{" + name + "} default " + variable.getDefault());
                    assertDescribed(servers, variable.getDescription());
                });
            }
        }
        assertThat(page.selectFirst("h1").text()).isEqualTo(api.getInfo().getTitle());
        assertThat(page.selectFirst("p.meta").text()).contains(api.getInfo().getVersion());
        // the description without its table, which has a section of its own
        String prose = api.getInfo()
                .getDescription()
                .lines()
                .filter(l -> !l.startsWith("|"))
                .reduce("", (a, b) -> a + "\n" + b);
        assertDescribed(byId("overview"), prose);
    }

    // ---- assertions

    /** The row shows the field's name, type, format, requiredness, every constraint, its description and example. */
    private void assertField(
            Element row, String name, Schema<?> declared, boolean required, String description, Object example) {
        Schema<?> schema = resolve(declared);
        assertThat(row.child(0).text()).as("field name").isEqualTo(name);
        String type = declared.get$ref() != null ? name(declared.get$ref()) : schema.getType();
        assertThat(row.text()).as("type of " + name).contains(type);
        assertThat(row.select(".required, .optional").text())
                .as("required of " + name)
                .isEqualTo(required ? "required" : "optional");
        assertConstraints(row, schema);
        assertDescribed(row, description);
        if (example != null && !(example instanceof Map)) {
            assertThat(row.select("td").last().text()).as("example of " + name).isEqualTo(String.valueOf(example));
        }
    }

    /** Every validation keyword of the schema (and its default) is listed in the row or article. */
    private static void assertConstraints(Element row, Schema<?> schema) {
        Map<String, Object> keywords = new LinkedHashMap<>(); // null: not set in the document
        keywords.put("format", schema.getFormat());
        keywords.put("minLength", schema.getMinLength());
        keywords.put("maxLength", schema.getMaxLength());
        keywords.put("pattern", schema.getPattern());
        keywords.put("minimum", schema.getMinimum());
        keywords.put("maximum", schema.getMaximum());
        keywords.put(
                "enum",
                schema.getEnum() == null
                        ? null
                        : String.join(
                                ", ",
                                schema.getEnum().stream().map(String::valueOf).toList()));
        keywords.put("default", schema.getDefault());
        List<String> expected = new ArrayList<>();
        keywords.forEach((keyword, value) -> {
            if (value != null) {
                expected.add(keyword + " " + value);
            }
        });
        assertThat(row.select("ul.constraints li").eachText())
                .as("constraints in " + row.id() + " " + row.child(0).text())
                .containsAll(expected);
    }

    /** Each named example: its name, its summary, and JSON equal to the document's value. */
    private static void assertExamples(Element scope, String idPrefix, Map<String, Example> examples)
            throws IOException {
        assertThat(examples).as("examples of " + idPrefix).isNotEmpty();
        for (Map.Entry<String, Example> entry : examples.entrySet()) {
            Example example = entry.getValue().get$ref() == null
                    ? entry.getValue()
                    : api.getComponents()
                            .getExamples()
                            .get(name(entry.getValue().get$ref()));
            Element figure = scope.getElementById(idPrefix + "-example-" + entry.getKey());
            assertThat(figure)
                    .as("example " + entry.getKey() + " of " + idPrefix)
                    .isNotNull();
            assertThat(figure.selectFirst("figcaption").text()).contains(entry.getKey(), example.getSummary());
            JsonNode shown = JSON.readTree(figure.selectFirst("pre").wholeText());
            assertThat(shown).isEqualTo(JSON.valueToTree(example.getValue()));
        }
    }

    /**
     * Every word of a Markdown description appears, in order, in the element's text: the
     * markup (backticks, list markers) is not text, everything else is.
     */
    private static void assertDescribed(Element element, String markdown) {
        if (markdown == null) {
            return;
        }
        String withoutMarkers = markdown.replaceAll("(?m)^\\s*(\\d+\\.|[-*])\\s+", " ");
        String expected = String.join(" ", words(withoutMarkers));
        String shown = String.join(" ", words(element.text()));
        assertThat(shown).as("description in #" + element.id()).contains(expected);
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    private static List<List<String>> markdownTableRows(String markdown) {
        return markdown.lines()
                .map(String::trim)
                .filter(l -> l.startsWith("|") && !l.matches("[|\\s:-]+"))
                .map(l -> Arrays.stream(l.substring(1, l.length() - 1).split("\\|"))
                        .map(cell -> cell.replace("`", "").trim())
                        .toList())
                .toList();
    }

    // ---- walking the document

    private List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        api.getPaths().values().forEach(item -> ops.addAll(item.readOperations()));
        return ops;
    }

    private interface OperationCheck {
        void check(String method, String path, PathItem item, Operation op);
    }

    /** Every operation of the document with its method (upper case), path and path item. */
    private static void forEachOperation(OperationCheck check) {
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, op) -> check.check(method.toString(), path, item, op)));
    }

    private static Parameter resolve(Parameter p) {
        return p.get$ref() == null ? p : api.getComponents().getParameters().get(name(p.get$ref()));
    }

    private static ApiResponse resolve(ApiResponse r) {
        return r.get$ref() == null ? r : api.getComponents().getResponses().get(name(r.get$ref()));
    }

    /** Dotted names of every property under {@code schema}, e.g. {@code snapshot}, {@code snapshot.name}. */
    private void fields(String prefix, Schema<?> schema, List<String[]> out) {
        Schema<?> resolved = resolve(schema);
        if (resolved.getProperties() == null) {
            return;
        }
        resolved.getProperties().forEach((name, property) -> {
            out.add(new String[] {prefix + name});
            fields(prefix + name + ".", property, out);
        });
    }

    private Schema<?> schemaAt(Schema<?> root, String dotted) {
        Schema<?> s = root;
        for (String part : dotted.split("\\.")) {
            s = (Schema<?>) resolve(s).getProperties().get(part);
        }
        return s;
    }

    private static Schema<?> resolve(Schema<?> schema) {
        Schema<?> s = schema;
        while (s.get$ref() != null) {
            s = api.getComponents().getSchemas().get(name(s.get$ref()));
        }
        return s;
    }

    private static String name(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static Element byId(String id) {
        Element element = page.getElementById(id);
        assertThat(element).as("element #" + id + " on the reference page").isNotNull();
        return element;
    }
}
