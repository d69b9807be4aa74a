package org.opendws.snapshot.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendws.snapshot.mock.support.DwsHttp.CLUSTER;
import static org.opendws.snapshot.mock.support.DwsHttp.PATH;
import static org.opendws.snapshot.mock.support.DwsHttp.PROJECT;
import static org.opendws.snapshot.mock.support.DwsHttp.body;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendws.snapshot.mock.store.SnapshotStore;
import org.opendws.snapshot.mock.support.DwsHttp.Response;
import org.opendws.snapshot.mock.support.MockServerTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/** Every documented outcome of the create operation, over real HTTP, signed by the auth module's AkSkSigner. */
class CreateSnapshotTest extends MockServerTestBase {
    @Autowired
    private SnapshotStore store;

    @Test
    void createsTheApiPageExampleAndStoresIt() {
        Response response = http.create(body("snapshot-3", CLUSTER, "Snapshot-3 description"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        String id = response.json().path("snapshot").path("id").asText();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(store.list(PROJECT, java.time.Instant.parse("9999-01-01T00:00:00Z")))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.id().toString()).isEqualTo(id);
                    assertThat(s.name()).isEqualTo("snapshot-3");
                    assertThat(s.clusterId()).isEqualTo(CLUSTER);
                    assertThat(s.description()).isEqualTo("Snapshot-3 description");
                    assertThat(s.projectId()).isEqualTo(PROJECT);
                    assertThat(s.createdAt()).isEqualTo(START);
                    assertThat(s.createdBy()).isEqualTo(World.DEFAULT_ACCESS_KEY);
                });
    }

    @Test
    void eachCreateGetsAFreshId() {
        String first =
                http.create(body("snap-one")).json().path("snapshot").path("id").asText();
        String second =
                http.create(body("snap-two")).json().path("snapshot").path("id").asText();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void descriptionMayBeOmitted() {
        Response response = http.create(body("no-description", CLUSTER, null));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(store.list(PROJECT, java.time.Instant.parse("9999-01-01T00:00:00Z")))
                .singleElement()
                .satisfies(s -> assertThat(s.description()).isEmpty());
    }

    @Test
    void createsWithAnIamToken() {
        Response response = http.createWithToken(PATH, body("by-token"), World.DEFAULT_TOKEN);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(store.list(PROJECT, java.time.Instant.parse("9999-01-01T00:00:00Z")))
                .singleElement()
                .satisfies(s -> assertThat(s.createdBy()).isEqualTo(World.DEFAULT_TOKEN_ID));
    }

    @Test
    void clusterIdsCompareWithoutRegardToCase() {
        Response response = http.create(body("upper-cluster", CLUSTER.toUpperCase(), null));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void missingBodyIsDws0006() {
        Response response = http.createAs(PATH, "", World.DEFAULT_ACCESS_KEY, World.DEFAULT_SECRET_KEY, Map.of());

        assertError(response, 400, "DWS.0006");
        assertThat(response.message()).contains("empty");
    }

    @Test
    void blankBodyIsDws0006() {
        assertError(http.create(" \n "), 400, "DWS.0006");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "{\"snapshot\":{\"name\":\"1abc\",\"cluster_id\":\"" + CLUSTER
                        + "\"}}       | snapshot.name: must match ^[A-Za-z][A-Za-z0-9_-]*$ (rejected value: 1abc)",
                "{\"snapshot\":{\"name\":\"ab c\",\"cluster_id\":\"" + CLUSTER
                        + "\"}}       | snapshot.name: must match",
                "{\"snapshot\":{\"name\":\"abc\",\"cluster_id\":\"" + CLUSTER
                        + "\"}}        | snapshot.name: length must be between 4 and 64 (rejected value: abc)",
                "{\"snapshot\":{\"cluster_id\":\"" + CLUSTER
                        + "\"}}                         | snapshot.name: is required",
                "{\"snapshot\":{\"name\":null,\"cluster_id\":\"" + CLUSTER
                        + "\"}}           | snapshot.name: is required",
                "{\"snapshot\":{\"name\":\"abcd\"}}                                          | snapshot.cluster_id: is required",
                "{\"snapshot\":{\"name\":\"abcd\",\"cluster_id\":\"not-a-uuid\"}}            | snapshot.cluster_id: must match",
                "{\"snapshot\":{\"name\":\"abcd\",\"cluster_id\":\"" + CLUSTER
                        + "\",\"description\":\"a<b\"}} | snapshot.description: must match ^[^!<>'=&\"]*$ (rejected value: a<b)",
                "{}                                                                          | snapshot: is required",
                "{\"snapshot\":{\"name\":123,\"cluster_id\":\"" + CLUSTER
                        + "\"}}            | snapshot.name: must be a string (rejected value: 123)",
                "{\"snapshot\":{\"name\":true,\"cluster_id\":\"" + CLUSTER
                        + "\"}}           | snapshot.name: must be a string (rejected value: true)",
                "{\"snapshot\":{\"name\":{},\"cluster_id\":\"" + CLUSTER
                        + "\"}}             | snapshot.name: must be a string (rejected value: an object)",
                "{\"snapshot\":\"snap\"}                                                     | snapshot: must be an object",
                "[1,2]                                                                       | The request body must be a JSON object",
                "null                                                                        | The request body must be a JSON object",
                "{\"snapshot\":                                                              | The request body is not valid JSON",
                "{\"snapshot\":{\"name\":\"abcd\"}} trailing                                  | The request body is not valid JSON",
                "not json at all                                                             | The request body is not valid JSON",
            })
    void invalidRequestsAreDws0001NamingFieldAndRule(String json, String expectedMessage) {
        Response response = http.create(json.trim());

        assertError(response, 400, "DWS.0001");
        assertThat(response.message()).contains(expectedMessage.trim());
        assertThat(store.size()).isZero();
    }

    @Test
    void tooLongNameAndDescriptionNameTheirLimits() {
        String name = "a".repeat(65);
        String description = "d".repeat(257);

        Response response = http.create(body(name, CLUSTER, description));

        assertError(response, 400, "DWS.0001");
        assertThat(response.message())
                .contains("snapshot.name: length must be between 4 and 64 (rejected value: " + name + ")")
                .contains("snapshot.description: length must be at most 256");
    }

    @Test
    void longestValidNameAndDescriptionAreAccepted() {
        Response response = http.create(body("a".repeat(64), CLUSTER, "d".repeat(256)));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Snap-1", "snap-1", "SNAP-1"})
    void namesAreUniquePerProjectWithoutRegardToCase(String second) {
        assertThat(http.create(body("Snap-1")).status()).isEqualTo(200);

        Response response = http.create(body(second));

        assertError(response, 400, "DWS.0001");
        assertThat(response.message())
                .isEqualTo("snapshot.name: a snapshot named " + second
                        + " already exists in this project (names are compared without regard to case)");
        assertThat(store.size()).isOne();
    }

    @Test
    void theSameNameMayBeUsedInAnotherProject() {
        String other = "0123456789abcdef0123456789abcdef";
        String otherCluster = UUID.randomUUID().toString();
        http.admin("PUT", "/projects/" + other + "/clusters/" + otherCluster, null);
        http.admin(
                "PUT",
                "/credentials/" + World.DEFAULT_ACCESS_KEY,
                "{\"sk\":\"" + World.DEFAULT_SECRET_KEY + "\",\"projects\":[\"" + PROJECT + "\",\"" + other + "\"]}");

        assertThat(http.create(body("shared-name")).status()).isEqualTo(200);
        Response response = http.create("/v1.0/" + other + "/snapshots", body("shared-name", otherCluster, null));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void unknownClusterIs404Dws0015() {
        String unknown = UUID.randomUUID().toString();

        Response response = http.create(body("snap-404", unknown, null));

        assertError(response, 404, "DWS.0015");
        assertThat(response.message()).isEqualTo("Cluster " + unknown + " does not exist in this project.");
    }

    @Test
    void projectTheCredentialMayNotUseIs403Dws0015() {
        String other = "0123456789abcdef0123456789abcdef";
        http.admin("PUT", "/projects/" + other + "/clusters/" + CLUSTER, null);

        Response response = http.create("/v1.0/" + other + "/snapshots", body("snap-403"));

        assertError(response, 403, "DWS.0015");
        assertThat(response.message()).isEqualTo("The credential is not allowed on project " + other + ".");
    }

    @Test
    void xProjectIdDisagreeingWithThePathIs403() {
        Response response = http.createAs(
                PATH,
                body("snap-xpid"),
                World.DEFAULT_ACCESS_KEY,
                World.DEFAULT_SECRET_KEY,
                Map.of("X-Project-Id", "0123456789abcdef0123456789abcdef"));

        assertError(response, 403, "DWS.0015");
        assertThat(response.message()).contains("X-Project-Id").contains(PROJECT);
    }

    @Test
    void xProjectIdAgreeingWithThePathIsAccepted() {
        Response response = http.createAs(
                PATH,
                body("snap-xpid-ok"),
                World.DEFAULT_ACCESS_KEY,
                World.DEFAULT_SECRET_KEY,
                Map.of("X-Project-Id", PROJECT));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void checksAuthenticationFirst() {
        Response response = http.send(
                "POST",
                "/v1.0/not-a-project/snapshots",
                "{\"snapshot\":{\"name\":\"1\"}}".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"),
                false);

        assertError(response, 401, "APIGW.0301");
        assertThat(response.message()).contains("no credentials");
    }

    @Test
    void checksProjectPermissionBeforeValidation() {
        Response response =
                http.create("/v1.0/0123456789abcdef0123456789abcdef/snapshots", "{\"snapshot\":{\"name\":\"1\"}}");

        assertError(response, 403, "DWS.0015");
    }

    @Test
    void checksValidationBeforeExistence() {
        Response response = http.create(body("1bad", UUID.randomUUID().toString(), null));

        assertError(response, 400, "DWS.0001");
    }

    @Test
    void checksDuplicateNameBeforeExistence() {
        http.create(body("taken-name"));

        Response response = http.create(body("TAKEN-name", UUID.randomUUID().toString(), null));

        assertError(response, 400, "DWS.0001");
        assertThat(response.message()).contains("already exists");
    }

    @Test
    void everyAnswerHasAFreshRequestIdThatErrorBodiesRepeat() {
        Set<String> ids = new HashSet<>();
        for (Response response : new Response[] {
            http.create(body("fresh-id")),
            http.create(body("fresh-id")),
            http.create(""),
            http.get("/no/such/path"),
            http.get(PATH),
        }) {
            assertThat(response.requestId()).matches("[0-9a-f]{32}");
            assertThat(ids.add(response.requestId())).isTrue();
            if (response.status() >= 400) {
                assertThat(response.json().path("request_id").asText()).isEqualTo(response.requestId());
            }
        }
    }

    @Test
    void createdAtFollowsTheServerClock() {
        clock.advance(java.time.Duration.ofMinutes(3));

        http.create(body("later"));

        assertThat(store.list(PROJECT, java.time.Instant.parse("9999-01-01T00:00:00Z")))
                .singleElement()
                .satisfies(s -> assertThat(s.createdAt()).isEqualTo(START.plusSeconds(180)));
    }

    static void assertError(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.message()).isNotBlank();
        assertThat(response.json().path("request_id").asText())
                .isEqualTo(response.requestId())
                .matches("[0-9a-f]{32}");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }
}
