package org.opendws.snapshot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the document has its "Try it" form on the reference page, generated from
 * the document: method and path, a field for each path and query parameter (required ones
 * filled with the example, every rule carried for the script), the body filled with the
 * operation's first example, and AK/SK, the IAM token and no authentication to choose from.
 * (The browser tests send the forms: {@code SiteInBrowserTest} here without a mock, and
 * {@code DocsConsoleInBrowserTest} of server-stub against a running one.)
 */
class TryItFormTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static OpenAPI api;
    static Document page;

    @BeforeAll
    static void read() throws IOException {
        api = TestSite.api();
        page = TestSite.html(TestSite.built().resolve("index.html"));
    }

    @Test
    void everyOperationHasItsFormWithEveryParameterAndItsExampleBody() throws IOException {
        List<String> seen = new ArrayList<>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                    Element form = page.getElementById(op.getOperationId() + "-try");
                    assertThat(form).as("the form of " + op.getOperationId()).isNotNull();
                    assertThat(form.parent())
                            .as("inside the operation's article")
                            .isEqualTo(page.getElementById(op.getOperationId()));
                    assertThat(form.attr("data-method")).isEqualTo(method.toString());
                    assertThat(form.attr("data-path")).isEqualTo(path);
                    assertThat(form.hasAttr("hidden"))
                            .as("shown by the script only")
                            .isTrue();

                    List<Parameter> parameters = new ArrayList<>();
                    if (op.getParameters() != null) {
                        op.getParameters().forEach(p -> parameters.add(resolve(p)));
                    }
                    assertThat(form.select("[data-in]")).hasSize(parameters.size());
                    for (Parameter p : parameters) {
                        Element field = form.selectFirst("[name=" + p.getName() + "]");
                        assertThat(field)
                                .as(op.getOperationId() + " " + p.getName())
                                .isNotNull();
                        assertThat(field.attr("data-in")).isEqualTo(p.getIn());
                        assertThat(field.hasAttr("data-required")).isEqualTo(Boolean.TRUE.equals(p.getRequired()));
                        var schema = p.getSchema().get$ref() == null
                                ? p.getSchema()
                                : api.getComponents()
                                        .getSchemas()
                                        .get(p.getSchema().get$ref().replaceFirst(".*/", ""));
                        if (schema.getPattern() != null) {
                            assertThat(field.attr("data-pattern")).isEqualTo(schema.getPattern());
                        }
                        if (schema.getMinimum() != null) {
                            assertThat(field.attr("data-minimum"))
                                    .isEqualTo(schema.getMinimum().toPlainString());
                        }
                        if (schema.getEnum() != null) {
                            assertThat(field.select("option").eachAttr("value"))
                                    .containsAll(schema.getEnum().stream()
                                            .map(String::valueOf)
                                            .toList());
                        } else if (Boolean.TRUE.equals(p.getRequired())) {
                            assertThat(field.val()).isEqualTo(String.valueOf(p.getExample()));
                        } else {
                            assertThat(field.val())
                                    .as("an optional parameter is not sent unless typed")
                                    .isEmpty();
                        }
                    }

                    Element body = form.selectFirst("textarea[name=body]");
                    if (op.getRequestBody() == null) {
                        assertThat(body).isNull();
                    } else {
                        MediaType media =
                                resolveBody(op.getRequestBody()).getContent().get("application/json");
                        Example first = media.getExamples().values().iterator().next();
                        if (first.get$ref() != null) {
                            first = api.getComponents()
                                    .getExamples()
                                    .get(first.get$ref().replaceFirst(".*/", ""));
                        }
                        try {
                            assertThat(JSON.readTree(body.wholeText())).isEqualTo(JSON.valueToTree(first.getValue()));
                        } catch (IOException e) {
                            throw new AssertionError(e);
                        }
                        assertThat(body.attr("data-media-type")).isEqualTo("application/json");
                    }
                    assertThat(form.select("input[name=auth]").eachAttr("value"))
                            .containsExactly("aksk", "X-Auth-Token", "none");
                    assertThat(form.selectFirst("input[name=sk]").attr("type")).isEqualTo("password");
                    seen.add(op.getOperationId());
                }));
        assertThat(page.select("section.try-it")).hasSize(seen.size());
    }

    @Test
    void theTrafficPageIsInTheNavigationOfEveryPage() throws IOException {
        Document traffic = TestSite.html(TestSite.built().resolve(TrafficPage.FILE));
        assertThat(traffic.selectFirst("main h1").text()).isEqualTo(TrafficPage.TITLE);
        assertThat(traffic.select("#traffic select[name=status] option").eachAttr("value"))
                .contains("2", "4", "5");
        assertThat(traffic.select("#traffic thead th").eachText())
                .containsExactly("Time (mock clock)", "Method", "Path", "Status", "Request id");
        assertThat(page.select("nav.sidebar a[href=" + TrafficPage.FILE + "]")).hasSize(1);
    }

    private static Parameter resolve(Parameter p) {
        return p.get$ref() == null
                ? p
                : api.getComponents().getParameters().get(p.get$ref().replaceFirst(".*/", ""));
    }

    private static io.swagger.v3.oas.models.parameters.RequestBody resolveBody(
            io.swagger.v3.oas.models.parameters.RequestBody b) {
        return b.get$ref() == null
                ? b
                : api.getComponents().getRequestBodies().get(b.get$ref().replaceFirst(".*/", ""));
    }
}
