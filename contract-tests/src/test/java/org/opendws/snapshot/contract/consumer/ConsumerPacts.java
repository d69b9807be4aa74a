package org.opendws.snapshot.contract.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.opendws.snapshot.contract.ProviderStates.ACCESS_KEY;
import static org.opendws.snapshot.contract.ProviderStates.CLUSTER_ID;
import static org.opendws.snapshot.contract.ProviderStates.NAME;
import static org.opendws.snapshot.contract.ProviderStates.PROJECT_ID;
import static org.opendws.snapshot.contract.ProviderStates.STATUS;
import static org.opendws.snapshot.contract.ProviderStates.TYPE;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.core.model.V4Pact;
import java.util.Map;
import java.util.UUID;
import org.opendws.snapshot.auth.AkSkSigner;
import org.opendws.snapshot.client.error.DwsServiceException;
import org.opendws.snapshot.contract.ProviderStates;

/**
 * What the consumer tests of the list, detail and delete operations share: the signed requests
 * as the client sends them, the answers, the provider states they start from. The values are
 * those of {@link CreateSnapshotConsumerPactTest} (project, cluster, keys, examples).
 */
final class ConsumerPacts {
    static final String PROJECT = CreateSnapshotConsumerPactTest.PROJECT;
    static final String CLUSTER = CreateSnapshotConsumerPactTest.CLUSTER;
    static final String ALLOWED_KEY = CreateSnapshotConsumerPactTest.ALLOWED_KEY;
    static final String OTHER_PROJECTS_KEY = CreateSnapshotConsumerPactTest.OTHER_PROJECTS_KEY;
    static final String EXAMPLE_REQUEST_ID = CreateSnapshotConsumerPactTest.EXAMPLE_REQUEST_ID;
    static final String EXAMPLE_SNAPSHOT_ID = CreateSnapshotConsumerPactTest.EXAMPLE_SNAPSHOT_ID;

    /** The snapshot of the states that store one: its name, and the path that takes its id from the state. */
    static final String SNAPSHOT_NAME = "snapshot-3";

    static final String SNAPSHOT_PATH = "/v1.0/" + PROJECT + "/snapshots/${" + ProviderStates.SNAPSHOT_ID + "}";
    static final String SNAPSHOT_PATH_EXAMPLE = "/v1.0/" + PROJECT + "/snapshots/" + EXAMPLE_SNAPSHOT_ID;
    /** A snapshot id nothing is stored under. */
    static final String ABSENT_SNAPSHOT = "0f6a4c1e-9b2d-4e3f-8a5b-6c7d8e9f0a1b";

    static final String INVALID_SNAPSHOT_ID = "snap-1";

    /** {@code yyyy-MM-ddTHH:mm:ssZ}. */
    static final String TIME_REGEX = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";
    /**
     * A request without a body carries no {@code Content-Type}, so the client signs three headers.
     */
    static final String SIGNED_HEADERS = "host;x-project-id;x-sdk-date";

    private ConsumerPacts() {}

    // ---- provider states ----

    static PactDslWithState allowedKey(PactDslWithProvider provider) {
        return provider.given(ProviderStates.ACCESS_KEY_ALLOWED, Map.of(ACCESS_KEY, ALLOWED_KEY, PROJECT_ID, PROJECT));
    }

    static PactDslWithState notAllowedKey(PactDslWithProvider provider) {
        return provider.given(
                ProviderStates.ACCESS_KEY_NOT_ALLOWED, Map.of(ACCESS_KEY, OTHER_PROJECTS_KEY, PROJECT_ID, PROJECT));
    }

    /** The cluster exists and holds one snapshot named {@link #SNAPSHOT_NAME}. */
    static PactDslWithState withSnapshot(PactDslWithState state, String status, String type) {
        return state.given(ProviderStates.CLUSTER_EXISTS, Map.of(PROJECT_ID, PROJECT, CLUSTER_ID, CLUSTER))
                .given(
                        ProviderStates.SNAPSHOT_EXISTS,
                        Map.of(
                                PROJECT_ID,
                                PROJECT,
                                CLUSTER_ID,
                                CLUSTER,
                                NAME,
                                SNAPSHOT_NAME,
                                STATUS,
                                status,
                                TYPE,
                                type));
    }

    // ---- requests ----

    /** A request signed as the client signs one without a body, to a fixed path. */
    static PactDslRequestWithPath signed(
            PactDslRequestWithoutPath request, String method, String path, String accessKey) {
        return headers(request.method(method).path(path), accessKey, PROJECT);
    }

    /** The same in another project (its id in the path and in {@code X-Project-Id}). */
    static PactDslRequestWithPath signed(
            PactDslRequestWithoutPath request, String method, String path, String accessKey, String projectId) {
        return headers(request.method(method).path(path), accessKey, projectId);
    }

    /** The same to the path of the state's snapshot, its id taken from the provider state. */
    static PactDslRequestWithPath signedToTheSnapshot(
            PactDslRequestWithoutPath request, String method, String accessKey) {
        return headers(
                request.method(method).pathFromProviderState(SNAPSHOT_PATH, SNAPSHOT_PATH_EXAMPLE), accessKey, PROJECT);
    }

    private static PactDslRequestWithPath headers(PactDslRequestWithPath request, String accessKey, String projectId) {
        return request.headers("Accept", "application/json", "X-Project-Id", projectId)
                .matchHeader(
                        "X-Sdk-Date",
                        CreateSnapshotConsumerPactTest.SDK_DATE_REGEX,
                        CreateSnapshotConsumerPactTest.EXAMPLE_SDK_DATE)
                .matchHeader(
                        "Authorization",
                        CreateSnapshotConsumerPactTest.AUTHORIZATION_REGEX,
                        AkSkSigner.ALGORITHM + " Access=" + accessKey + ", SignedHeaders=" + SIGNED_HEADERS
                                + ", Signature=" + CreateSnapshotConsumerPactTest.EXAMPLE_SIGNATURE);
    }

    // ---- answers ----

    static V4Pact respond(PactDslRequestWithPath request, int status, DslPart body) {
        PactDslResponse response = request.willRespondWith()
                .status(status)
                .matchHeader("Content-Type", CreateSnapshotConsumerPactTest.JSON_REGEX, "application/json")
                .matchHeader("X-Request-Id", CreateSnapshotConsumerPactTest.REQUEST_ID_REGEX, EXAMPLE_REQUEST_ID)
                .body(body);
        return response.toPact(V4Pact.class);
    }

    /** An answer without a body (the 202 of a delete). */
    static V4Pact respondWithoutBody(PactDslRequestWithPath request, int status) {
        return request.willRespondWith()
                .status(status)
                .matchHeader("X-Request-Id", CreateSnapshotConsumerPactTest.REQUEST_ID_REGEX, EXAMPLE_REQUEST_ID)
                .toPact(V4Pact.class);
    }

    static DslPart error(String errorCode, String exampleMessage) {
        return new PactDslJsonBody()
                .stringValue("error_code", errorCode)
                .stringType("error_msg", exampleMessage)
                .stringMatcher("request_id", CreateSnapshotConsumerPactTest.REQUEST_ID_REGEX, EXAMPLE_REQUEST_ID);
    }

    /** The 401 whose message names the signature (see the create's 401). */
    static DslPart badSignature() {
        return new PactDslJsonBody()
                .stringValue("error_code", "APIGW.0301")
                .stringMatcher(
                        "error_msg",
                        ".*the signature does not match the request.*",
                        "Incorrect IAM authentication information: the signature does not match the request "
                                + "(check the canonical request, the SK and the signed headers)")
                .stringMatcher("request_id", CreateSnapshotConsumerPactTest.REQUEST_ID_REGEX, EXAMPLE_REQUEST_ID);
    }

    static DslPart notAllowed() {
        return error("DWS.0015", "The credential is not allowed on project " + PROJECT + ".");
    }

    static DslPart internalError() {
        return error("DWS.0005", "Internal server error.");
    }

    static DslPart serviceUnavailable() {
        return error("DWS.0005", "The service is temporarily unavailable. Retry later.");
    }

    /**
     * The fields of a snapshot of the state {@link #withSnapshot}: the values the state sets are
     * exact, those the mock makes (id, times, size, the cluster's name) matched by type or form.
     * {@code finished} is there unless the snapshot is CREATING.
     */
    static PactDslJsonBody snapshot(PactDslJsonBody object, String name, String status, String type) {
        object.uuid("id", UUID.fromString(EXAMPLE_SNAPSHOT_ID))
                .stringValue("name", name)
                .stringType("description", "")
                .stringMatcher("started", TIME_REGEX, "2026-11-28T03:54:04Z");
        if (!status.equals("CREATING")) {
            object.stringMatcher("finished", TIME_REGEX, "2026-11-28T03:54:09Z");
        }
        return object.numberType("size", 500.0)
                .stringValue("status", status)
                .stringValue("type", type)
                .stringValue("cluster_id", CLUSTER)
                .stringType("cluster_name", "dws-44b277eb");
    }

    // ---- what the client makes of an error ----

    static DwsServiceException assertServiceError(
            Runnable call, Class<? extends DwsServiceException> type, int status, String errorCode) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(type);
        DwsServiceException e = (DwsServiceException) thrown;
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.errorCode()).isEqualTo(errorCode);
        assertThat(e.requestId()).isEqualTo(EXAMPLE_REQUEST_ID);
        return e;
    }
}
