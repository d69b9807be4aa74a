package org.opendws.snapshot.mock.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendws.snapshot.mock.error.DwsException;
import org.opendws.snapshot.mock.error.ErrorWriter;
import org.opendws.snapshot.mock.gateway.GatewayFilter;
import org.opendws.snapshot.mock.generated.api.SnapshotsApi;
import org.opendws.snapshot.mock.generated.model.CreateSnapshotRequestBody;
import org.opendws.snapshot.mock.generated.model.CreateSnapshotResponse;
import org.opendws.snapshot.mock.generated.model.SnapshotResp;
import org.opendws.snapshot.mock.request.CachedBodyRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which requests the fast path answers itself and which it leaves to Spring MVC (the chain).
 * That its answers are Spring MVC's is FastPathAgreementTest's part, over HTTP.
 */
class CreateFastPathTest {
    private static final String PROJECT = "89cd04f168b84af6be287f71730fdb4b";
    private static final String PATH = "/v1.0/" + PROJECT + "/snapshots";
    private static final PathPattern OPERATION = PathPatternParser.defaultInstance.parse(SnapshotsApi.PATH_CREATE_SNAPSHOT);
    private static final String VALID = "{\"snapshot\":{\"name\":\"snap-1\",\"cluster_id\":\"44b277eb-39be-4921-be31-3d61b43651d7\"}}";

    private final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();
    private final List<String> operationCalls = new ArrayList<>();
    private final SnapshotsApi operation = new SnapshotsApi() {
        @Override
        public ResponseEntity<CreateSnapshotResponse> createSnapshot(String projectId, CreateSnapshotRequestBody body) {
            operationCalls.add(projectId + " " + body.getSnapshot().getName());
            if (body.getSnapshot().getName().equals("taken")) {
                throw DwsException.invalid("snapshot.name: taken");
            }
            if (body.getSnapshot().getName().equals("a-bug")) {
                throw new IllegalStateException("internal detail");
            }
            return ResponseEntity.ok(new CreateSnapshotResponse(new SnapshotResp("the-id")));
        }
    };
    private final ObjectMapper mapper = new ObjectMapper();
    private final CreateFastPath fastPath = new CreateFastPath(operation,
            new CreateReader(operation, mapper, validation.getValidator()), mapper, new ErrorWriter(mapper));

    @AfterEach
    void close() {
        validation.close();
    }

    @Test
    void aPlainValidCreateIsAnsweredWithoutSpringMvc() throws Exception {
        Outcome outcome = send(PATH, "application/json", null, VALID);

        assertThat(outcome.passedOn()).isFalse();
        assertThat(operationCalls).containsExactly(PROJECT + " snap-1");
        assertThat(outcome.response().getStatus()).isEqualTo(200);
        assertThat(outcome.response().getContentType()).isEqualTo("application/json");
        assertThat(outcome.response().getContentAsString()).isEqualTo("{\"snapshot\":{\"id\":\"the-id\"}}");
    }

    @Test
    void theOperationsOwnErrorIsWrittenInTheErrorSchema() throws Exception {
        Outcome outcome = send(PATH, "application/json", "application/json",
                VALID.replace("snap-1", "taken"));

        assertThat(outcome.passedOn()).isFalse();
        assertThat(outcome.response().getStatus()).isEqualTo(400);
        assertThat(outcome.response().getContentAsString()).contains("\"error_code\":\"DWS.0001\"");
    }

    @Test
    void anUnexpectedFailureIsA500WithoutDetail() throws Exception {
        Outcome outcome = send(PATH, "application/json", null, VALID.replace("snap-1", "a-bug"));

        assertThat(outcome.passedOn()).isFalse();
        assertThat(outcome.response().getStatus()).isEqualTo(500);
        assertThat(outcome.response().getContentAsString()).contains("\"error_code\":\"DWS.0005\"")
                .contains("Internal server error.").doesNotContain("internal detail");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a violated constraint   | " + PATH + " | application/json | | {\"snapshot\":{\"name\":\"1abc\",\"cluster_id\":\"44b277eb-39be-4921-be31-3d61b43651d7\"}}",
        "a project id breaking its pattern | /v1.0/89CD04F168B84AF6BE287F71730FDB4B/snapshots | application/json | | " + VALID,
        "unreadable JSON          | " + PATH + " | application/json | | {\"snapshot\":",
        "another media type       | " + PATH + " | text/plain | | " + VALID,
        "another charset          | " + PATH + " | application/json; charset=ISO-8859-1 | | " + VALID,
        "no media type            | " + PATH + " | | | " + VALID,
        "an Accept without JSON   | " + PATH + " | application/json | text/html | " + VALID,
        "an encoded path          | /v1.0/%3889cd04f168b84af6be287f71730fdb4/snapshots | application/json | | " + VALID,
        "a path parameter         | " + PATH + ";x=1 | application/json | | " + VALID,
        "another path             | " + PATH + "/x | application/json | | " + VALID,
    })
    void everythingElseGoesOnToSpringMvc(String what, String path, String contentType, String accept, String body)
            throws Exception {
        Outcome outcome = send(path, contentType, accept, body);

        assertThat(outcome.passedOn()).as(what).isTrue();
        assertThat(operationCalls).isEmpty();
    }

    @Test
    void theBodyIsStillCheckedOnceTheProjectIsKnown() throws Exception {
        assertThat(send(PATH, "application/json", null, VALID).passedOn()).isFalse();

        Outcome invalid = send(PATH, "application/json", null, VALID.replace("snap-1", "1abc"));
        Outcome noClusterId = send(PATH, "application/json", null, "{\"snapshot\":{\"name\":\"snap-2\"}}");

        assertThat(invalid.passedOn()).isTrue();
        assertThat(noClusterId.passedOn()).isTrue();
        assertThat(operationCalls).containsExactly(PROJECT + " snap-1");
    }

    @Test
    void aRequestTheGatewayDidNotPassOnGoesOnToSpringMvc() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", PATH);
        request.setContentType("application/json");
        request.setContent(VALID.getBytes(StandardCharsets.UTF_8));
        MockFilterChain chain = new MockFilterChain();

        fastPath.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(operationCalls).isEmpty();
    }

    private Outcome send(String path, String contentType, String accept, String body) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        if (contentType != null) {
            request.setContentType(contentType);
        }
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        // what the gateway passes on for the operation's path: the body it kept, the path's project id
        PathPattern.PathMatchInfo operation = OPERATION.matchAndExtract(PathContainer.parsePath(path));
        if (operation != null) {
            request.setAttribute(GatewayFilter.PROJECT_ID_ATTRIBUTE, operation.getUriVariables().get("project_id"));
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        fastPath.doFilter(CachedBodyRequest.read(request, 1 << 20), response, chain);
        return new Outcome(chain.getRequest() != null, response);
    }

    private record Outcome(boolean passedOn, MockHttpServletResponse response) {
    }
}
