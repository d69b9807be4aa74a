package org.opendws.snapshot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Every operation of the document by its id. */
    static Map<String, Operation> operations() {
        Map<String, Operation> operations = new LinkedHashMap<>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> operations.put(operation.getOperationId(), operation)));
        return operations;
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
    void operationIdsAreTheOfficialSdkMethodNames() {
        assertThat(operations().keySet())
                .containsExactlyInAnyOrder(
                        "createSnapshot",
                        "listSnapshots",
                        "listClusterSnapshots",
                        "listSnapshotDetails",
                        "deleteSnapshot");
    }

    @Test
    void everyStatusHasTheErrorSchemaOrResponseAndARequestIdHeader() {
        Operation post = api.getPaths().get("/v1.0/{project_id}/snapshots").getPost();
        assertThat(post.getResponses()).containsOnlyKeys("200", "400", "401", "403", "404", "500", "503");
        operations()
                .forEach((id, operation) -> operation.getResponses().forEach((status, given) -> {
                    ApiResponse response = SpecDocument.resolve(api, given);
                    String where = id + " " + status;
                    assertThat(response.getDescription()).as(where).isNotBlank();
                    assertThat(response.getHeaders()).as(where).containsKey("X-Request-Id");
                    assertThat(response.getHeaders().get("X-Request-Id").get$ref())
                            .as(where)
                            .endsWith("/XRequestId");
                    if (status.equals("202")) {
                        assertThat(response.getContent())
                                .as(where + ": a 202 has no body")
                                .isNull();
                        return;
                    }
                    String schemaRef = response.getContent()
                            .get("application/json")
                            .getSchema()
                            .get$ref();
                    if (status.startsWith("2")) {
                        assertThat(schemaRef)
                                .as(where)
                                .endsWith(Character.toUpperCase(id.charAt(0)) + id.substring(1) + "Response");
                    } else {
                        assertThat(schemaRef).as(where).endsWith("ErrorResponse");
                    }
                }));
    }

    @Test
    void everyOperationDocumentsAuthenticationPermissionAndServerFailures() {
        operations()
                .forEach((id, operation) ->
                        assertThat(operation.getResponses()).as(id).containsKeys("400", "401", "403", "500", "503"));
    }

    @Test
    void theSnapshotIdParameterCarriesTheServicesErrorCode() {
        var snapshotId = api.getComponents().getParameters().get("SnapshotId");
        assertThat(snapshotId.getExtensions()).containsEntry("x-dws-error-code", "DWS.5149");
        assertThat(snapshotId.getSchema().getFormat()).isEqualTo("uuid");
    }

    @Test
    void pagingParametersHaveTheirBoundsAndDefaults() {
        var parameters = api.getComponents().getParameters();
        assertThat(parameters.get("Limit").getSchema().getMinimum()).isEqualByComparingTo("1");
        assertThat(parameters.get("Offset").getSchema().getMinimum()).isEqualByComparingTo("0");
        var schemas = api.getComponents().getSchemas();
        assertThat(schemas.get("SortDir").getEnum()).containsExactly("asc", "desc");
        assertThat(schemas.get("SortDir").getDefault()).isEqualTo("desc");
        assertThat(schemas.get("SortKey").getEnum()).containsExactly("started", "name");
        assertThat(schemas.get("SnapshotStatus").getEnum()).startsWith("CREATING", "AVAILABLE", "UNAVAILABLE");
    }

    @Test
    void requestIdHeaderIsRequired() {
        assertThat(api.getComponents().getHeaders().get("XRequestId").getRequired())
                .isTrue();
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
        assertThat(api.getServers())
                .extracting(s -> s.getUrl())
                .containsExactly("https://dws.{region}.myhuaweicloud.com", "http://localhost:8080");
        assertThat(api.getServers().get(0).getVariables().get("region").getDefault())
                .isEqualTo("cn-north-4");
    }

    @Test
    void idsAreUuidStrings() {
        var snapshot = api.getComponents().getSchemas().get("Snapshot");
        var clusterId = (io.swagger.v3.oas.models.media.Schema<?>)
                snapshot.getProperties().get("cluster_id");
        assertThat(clusterId.getType()).isEqualTo("string");
        assertThat(clusterId.getFormat()).isEqualTo("uuid");
        var id = (io.swagger.v3.oas.models.media.Schema<?>) api.getComponents()
                .getSchemas()
                .get("SnapshotResp")
                .getProperties()
                .get("id");
        assertThat(id.getFormat()).isEqualTo("uuid");
    }

    @Test
    void hasANamedExampleForEveryErrorTheMockProduces() {
        ApiResponse r400 = api.getPaths()
                .get("/v1.0/{project_id}/snapshots")
                .getPost()
                .getResponses()
                .get("400");
        assertThat(r400.getContent().get("application/json").getExamples())
                .containsKeys("invalid-name", "empty-body", "duplicate-name");
        operations()
                .forEach((id, operation) -> operation.getResponses().forEach((status, given) -> {
                    ApiResponse response = SpecDocument.resolve(api, given);
                    if (response.getContent() != null) {
                        assertThat(response.getContent().get("application/json").getExamples())
                                .as(id + " " + status)
                                .isNotEmpty();
                    }
                }));
        assertThat(api.getComponents().getExamples().keySet())
                .containsAll(List.of(
                        "CreateSnapshot3Request",
                        "CreateSnapshot3Response",
                        "InvalidNameError",
                        "EmptyBodyError",
                        "DuplicateNameError",
                        "BadSignatureError",
                        "ProjectNotAllowedError",
                        "UnknownClusterError",
                        "InternalError",
                        "ServiceUnavailableError"));
    }
}
