package org.opendws.snapshot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every named example of the document validates against the schema of the place it stands in. */
class ExamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyExampleValidatesAgainstItsSchema() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI api = new OpenAPIV3Parser()
                .readLocation(SpecDocument.url().toString(), null, options)
                .getOpenAPI();
        Operation post = api.getPaths().get("/v1.0/{project_id}/snapshots").getPost();
        List<DynamicTest> tests = new ArrayList<>();

        for (Map.Entry<String, Example> e : post.getRequestBody()
                .getContent()
                .get("application/json")
                .getExamples()
                .entrySet()) {
            String body = JSON.writeValueAsString(resolve(api, e.getValue()).getValue());
            tests.add(DynamicTest.dynamicTest(
                    "request " + e.getKey(),
                    () -> assertThat(SpecDocument.validateRequest(SpecDocument.PATH, body)
                                    .getMessages())
                            .isEmpty()));
        }
        api.getPaths()
                .forEach((template, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    String path = concrete(template);
                    operation.getResponses().forEach((status, given) -> {
                        ApiResponse response = SpecDocument.resolve(api, given);
                        if (response.getContent() == null) {
                            return;
                        }
                        response.getContent()
                                .get("application/json")
                                .getExamples()
                                .forEach((name, example) -> {
                                    String body;
                                    try {
                                        body = JSON.writeValueAsString(
                                                resolve(api, example).getValue());
                                    } catch (Exception ex) {
                                        throw new IllegalStateException(ex);
                                    }
                                    tests.add(DynamicTest.dynamicTest(
                                            operation.getOperationId() + " " + status + " " + name,
                                            () -> assertThat(SpecDocument.validateResponse(
                                                                    path,
                                                                    Request.Method.valueOf(method.name()),
                                                                    Integer.parseInt(status),
                                                                    body)
                                                            .getMessages())
                                                    .isEmpty()));
                                });
                    });
                }));
        // create: 1 request + 200 + 3 x 400 + 401 + 403 + 404 + 500 + 503; the four others below
        assertThat(tests).hasSizeGreaterThanOrEqualTo(10 + 4 * 4);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> aBrokenExampleWouldBeCaught() {
        // guards the guard: the same validation rejects a response that breaks its schema
        return Stream.of(
                DynamicTest.dynamicTest(
                        "200 without id",
                        () -> assertThat(SpecDocument.validateResponse(200, "{\"snapshot\":{}}")
                                        .hasErrors())
                                .isTrue()),
                DynamicTest.dynamicTest(
                        "200 with snapshot_id",
                        () -> assertThat(SpecDocument.validateResponse(
                                                200,
                                                "{\"snapshot\":{\"snapshot_id\":\"2a4d0f86-67cd-408a-8b66-017454fb7793\"}}")
                                        .hasErrors())
                                .isTrue()),
                DynamicTest.dynamicTest(
                        "400 without error_msg",
                        () -> assertThat(SpecDocument.validateResponse(400, "{\"error_code\":\"DWS.0001\"}")
                                        .hasErrors())
                                .isTrue()),
                DynamicTest.dynamicTest(
                        "detail with an unknown status",
                        () -> assertThat(SpecDocument.validateResponse(
                                                "/v1.0/" + SpecDocument.PROJECT_ID
                                                        + "/snapshots/2a4d0f86-67cd-408a-8b66-017454fb7793",
                                                Request.Method.GET,
                                                200,
                                                "{\"snapshot\":{\"id\":\"2a4d0f86-67cd-408a-8b66-017454fb7793\",\"name\":\"snap\","
                                                        + "\"description\":\"\",\"started\":\"2026-12-08T03:59:23Z\",\"size\":0,"
                                                        + "\"status\":\"DONE\",\"type\":\"MANUAL\",\"cluster_id\":"
                                                        + "\"44b277eb-39be-4921-be31-3d61b43651d7\"}}")
                                        .hasErrors())
                                .isTrue()));
    }

    /** The path template with each parameter replaced by a valid value. */
    private static String concrete(String template) {
        return template.replace("{project_id}", SpecDocument.PROJECT_ID)
                .replace("{snapshot_id}", "2a4d0f86-67cd-408a-8b66-017454fb7793")
                .replace("{cluster_id}", "44b277eb-39be-4921-be31-3d61b43651d7");
    }

    private static Example resolve(OpenAPI api, Example example) {
        if (example.get$ref() == null) {
            return example;
        }
        String name = example.get$ref().substring(example.get$ref().lastIndexOf('/') + 1);
        return api.getComponents().getExamples().get(name);
    }
}
