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
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks the parsed OpenAPI document and checks that the generated reference page shows every
 * part of it: each constraint of each schema property and parameter (type, format, lengths,
 * pattern, required), each description word for word, each status with its examples (as JSON
 * equal to the document's), both security schemes, the error-code table and the servers. A change
 * of the document that the site does not show fails here.
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
            for (Map.Entry<String, Schema> property : properties.entrySet()) {
                Element row = byId("schema-" + entry.getKey() + "-" + property.getKey());
                boolean required = entry.getValue().getRequired() != null
                        && entry.getValue().getRequired().contains(property.getKey());
                assertField(row, property.getKey(), property.getValue(), required);
            }
        }
    }

    @Test
    void everyOperationWithItsParameters() {
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            path.getValue().readOperationsMap().forEach((method, op) -> {
                Element article = byId(op.getOperationId());
                assertThat(article.selectFirst("h3").text()).isEqualTo(method + " " + path.getKey());
                assertThat(article.text()).contains(op.getOperationId(), op.getSummary());
                assertDescribed(article, op.getDescription());
                for (Parameter declared : op.getParameters()) {
                    Parameter p = declared.get$ref() == null ? declared
                            : api.getComponents().getParameters().get(name(declared.get$ref()));
                    Element row = byId(op.getOperationId() + "-param-" + p.getName());
                    assertField(row, p.getName(), p.getSchema(), Boolean.TRUE.equals(p.getRequired()));
                    assertDescribed(row, p.getDescription());
                    assertThat(row.text()).contains(p.getIn(), String.valueOf(p.getExample()));
                }
            });
        }
    }

    @Test
    void everyRequestBodyFieldAndExample() throws IOException {
        for (Operation op : operations()) {
            Element body = byId(op.getOperationId() + "-request");
            assertDescribed(body, op.getRequestBody().getDescription());
            for (Map.Entry<String, MediaType> content : op.getRequestBody().getContent().entrySet()) {
                assertThat(body.text()).contains(content.getKey());
                // nested fields are listed with dotted names, e.g. snapshot.name
                List<String[]> leaves = new ArrayList<>();
                fields("", content.getValue().getSchema(), leaves);
                assertThat(leaves).isNotEmpty();
                for (String[] leaf : leaves) {
                    Element row = body.select("table.fields tr").stream()
                            .filter(tr -> tr.child(0).text().equals(leaf[0])).findFirst()
                            .orElseThrow(() -> new AssertionError("request body of " + op.getOperationId()
                                    + " has no row for " + leaf[0]));
                    assertConstraints(row, resolve(schemaAt(content.getValue().getSchema(), leaf[0])));
                }
                assertExamples(body, op.getOperationId() + "-request", content.getValue().getExamples());
            }
        }
    }

    @Test
    void everyStatusWithItsDescriptionHeadersAndExamples() throws IOException {
        for (Operation op : operations()) {
            assertThat(op.getResponses()).hasSizeGreaterThanOrEqualTo(1);
            for (Map.Entry<String, ApiResponse> entry : op.getResponses().entrySet()) {
                String id = op.getOperationId() + "-" + entry.getKey();
                Element section = byId(id);
                ApiResponse response = entry.getValue();
                assertThat(section.selectFirst("h5").text()).isEqualTo(entry.getKey());
                assertDescribed(section, response.getDescription());
                for (Map.Entry<String, Header> header : response.getHeaders().entrySet()) {
                    assertThat(section.text()).contains(header.getKey());
                    Header h = api.getComponents().getHeaders().get(name(header.getValue().get$ref()));
                    assertDescribed(section, h.getDescription());
                }
                for (Map.Entry<String, MediaType> content : response.getContent().entrySet()) {
                    assertThat(section.text()).contains(content.getKey(), name(content.getValue().getSchema().get$ref()));
                    assertExamples(section, id, content.getValue().getExamples());
                }
                // the status summary table links to the section
                assertThat(page.select("a[href=#" + id + "]")).isNotEmpty();
            }
        }
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
                .map(tr -> tr.children().eachText()).toList();
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
        String prose = api.getInfo().getDescription().lines().filter(l -> !l.startsWith("|"))
                .reduce("", (a, b) -> a + "\n" + b);
        assertDescribed(byId("overview"), prose);
    }

    // ---- assertions

    /** The row shows the field's name, type, format, requiredness and every constraint. */
    private void assertField(Element row, String name, Schema<?> declared, boolean required) {
        Schema<?> schema = resolve(declared);
        assertThat(row.child(0).text()).as("field name").isEqualTo(name);
        String type = declared.get$ref() != null ? name(declared.get$ref()) : schema.getType();
        assertThat(row.text()).as("type of " + name).contains(type);
        assertThat(row.select(".required, .optional").text()).as("required of " + name)
                .isEqualTo(required ? "required" : "optional");
        assertConstraints(row, schema);
        assertDescribed(row, declared.getDescription() != null ? declared.getDescription() : schema.getDescription());
        if (schema.getExample() != null && !(schema.getExample() instanceof Map)) {
            assertThat(row.select("td").last().text()).as("example of " + name)
                    .isEqualTo(String.valueOf(schema.getExample()));
        }
    }

    private static void assertConstraints(Element row, Schema<?> schema) {
        Map<String, Object> keywords = new LinkedHashMap<>(); // null: not set in the document
        keywords.put("format", schema.getFormat());
        keywords.put("minLength", schema.getMinLength());
        keywords.put("maxLength", schema.getMaxLength());
        keywords.put("pattern", schema.getPattern());
        keywords.put("minimum", schema.getMinimum());
        keywords.put("maximum", schema.getMaximum());
        keywords.put("enum", schema.getEnum() == null ? null
                : String.join(", ", schema.getEnum().stream().map(String::valueOf).toList()));
        List<String> expected = new ArrayList<>();
        keywords.forEach((keyword, value) -> {
            if (value != null) {
                expected.add(keyword + " " + value);
            }
        });
        assertThat(row.select("ul.constraints li").eachText()).as("constraints in row " + row.child(0).text())
                .containsAll(expected);
    }

    /** Each named example: its name, its summary, and JSON equal to the document's value. */
    private static void assertExamples(Element scope, String idPrefix, Map<String, Example> examples) throws IOException {
        assertThat(examples).as("examples of " + idPrefix).isNotEmpty();
        for (Map.Entry<String, Example> entry : examples.entrySet()) {
            Example example = entry.getValue().get$ref() == null ? entry.getValue()
                    : api.getComponents().getExamples().get(name(entry.getValue().get$ref()));
            Element figure = scope.getElementById(idPrefix + "-example-" + entry.getKey());
            assertThat(figure).as("example " + entry.getKey() + " of " + idPrefix).isNotNull();
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
        return Arrays.stream(text.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }

    private static List<List<String>> markdownTableRows(String markdown) {
        return markdown.lines().map(String::trim).filter(l -> l.startsWith("|") && !l.matches("[|\\s:-]+"))
                .map(l -> Arrays.stream(l.substring(1, l.length() - 1).split("\\|"))
                        .map(cell -> cell.replace("`", "").trim()).toList())
                .toList();
    }

    // ---- walking the document

    private List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        api.getPaths().values().forEach(item -> ops.addAll(item.readOperations()));
        return ops;
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

    private Schema<?> resolve(Schema<?> schema) {
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
