package org.opendws.snapshot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The document parses cleanly and holds the operation, statuses and schemes the project relies on. */
class DocumentTest {
    private static SwaggerParseResult result;
    private static OpenAPI api;

    @BeforeAll
    static void parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        result = new OpenAPIV3Parser().readLocation(SpecDocument.url().toString(), null, options);
        api = result.getOpenAPI();
    }

    @Test
    void parsesWithoutErrorsOrWarnings() {
        assertThat(result.getMessages()).isEmpty();
        assertThat(api).isNotNull();
        assertThat(api.getOpenapi()).isEqualTo("3.0.3");
    }

    @Test
    void declaresCreateSnapshot() {
        Operation post = api.getPaths().get("/v1.0/{project_id}/snapshots").getPost();
        assertThat(post.getOperationId()).isEqualTo("createSnapshot");
        assertThat(post.getTags()).isNotEmpty();
        assertThat(post.getSummary()).isNotBlank();
        assertThat(post.getDescription()).contains("asynchronously").contains("without regard to case");
        assertThat(post.getRequestBody().getRequired()).isTrue();
    }

    @Test
    void everyStatusHasTheErrorSchemaOrResponseAndARequestIdHeader() {
        Operation post = api.getPaths().get("/v1.0/{project_id}/snapshots").getPost();
        assertThat(post.getResponses()).containsOnlyKeys("200", "400", "401", "403", "404", "500", "503");
        post.getResponses().forEach((status, response) -> {
            assertThat(response.getHeaders()).as(status).containsKey("X-Request-Id");
            assertThat(response.getHeaders().get("X-Request-Id").get$ref()).as(status).endsWith("/XRequestId");
            String schemaRef = response.getContent().get("application/json").getSchema().get$ref();
            assertThat(schemaRef).as(status).endsWith(status.equals("200") ? "CreateSnapshotResponse" : "ErrorResponse");
            assertThat(response.getDescription()).as(status).isNotBlank();
        });
    }

    @Test
    void requestIdHeaderIsRequired() {
        assertThat(api.getComponents().getHeaders().get("XRequestId").getRequired()).isTrue();
    }

    @Test
    void errorSchemaRequiresCodeAndMessageAndAllowsRequestId() {
        var error = api.getComponents().getSchemas().get("ErrorResponse");
        assertThat(error.getRequired()).containsExactlyInAnyOrder("error_code", "error_msg");
        assertThat(error.getProperties()).containsOnlyKeys("error_code", "error_msg", "request_id");
    }

    @Test
    void offersAkSkAndTokenAsAlternatives() {
        SecurityScheme aksk = api.getComponents().getSecuritySchemes().get("AkSk");
        SecurityScheme token = api.getComponents().getSecuritySchemes().get("IamToken");
        assertThat(aksk.getName()).isEqualTo("Authorization");
        assertThat(aksk.getDescription()).contains("SDK-HMAC-SHA256", "X-Sdk-Date", "X-Security-Token", "X-Project-Id");
        assertThat(token.getName()).isEqualTo("X-Auth-Token");
        // two entries in the list = either one suffices
        assertThat(api.getSecurity()).hasSize(2);
    }

    @Test
    void serversAreThePublicEndpointAndTheLocalMock() {
        assertThat(api.getServers()).extracting(s -> s.getUrl())
                .containsExactly("https://dws.{region}.myhuaweicloud.com", "http://localhost:8080");
        assertThat(api.getServers().get(0).getVariables().get("region").getDefault()).isEqualTo("cn-north-4");
    }

    @Test
    void idsAreUuidStrings() {
        var snapshot = api.getComponents().getSchemas().get("Snapshot");
        var clusterId = (io.swagger.v3.oas.models.media.Schema<?>) snapshot.getProperties().get("cluster_id");
        assertThat(clusterId.getType()).isEqualTo("string");
        assertThat(clusterId.getFormat()).isEqualTo("uuid");
        var id = (io.swagger.v3.oas.models.media.Schema<?>) api.getComponents().getSchemas()
                .get("SnapshotResp").getProperties().get("id");
        assertThat(id.getFormat()).isEqualTo("uuid");
    }

    @Test
    void hasANamedExampleForEveryErrorTheMockProduces() {
        ApiResponse r400 = api.getPaths().get("/v1.0/{project_id}/snapshots").getPost().getResponses().get("400");
        assertThat(r400.getContent().get("application/json").getExamples())
                .containsKeys("invalid-name", "empty-body", "duplicate-name");
        assertThat(api.getComponents().getExamples().keySet()).containsAll(List.of(
                "CreateSnapshot3Request", "CreateSnapshot3Response", "InvalidNameError", "EmptyBodyError",
                "DuplicateNameError", "BadSignatureError", "ProjectNotAllowedError", "UnknownClusterError",
                "InternalError", "ServiceUnavailableError"));
    }
}
