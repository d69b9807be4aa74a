package org.opendws.snapshot.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendws.snapshot.mock.CreateSnapshotTest.assertError;
import static org.opendws.snapshot.mock.support.DwsHttp.CLUSTER;
import static org.opendws.snapshot.mock.support.DwsHttp.PATH;
import static org.opendws.snapshot.mock.support.DwsHttp.PROJECT;
import static org.opendws.snapshot.mock.support.DwsHttp.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.mock.journal.Journal;
import org.opendws.snapshot.mock.support.DwsHttp.Response;
import org.opendws.snapshot.mock.support.MockServerTestBase;
import org.opendws.snapshot.mock.support.SpecExamples;

/** The admin API under /__admin/, over real HTTP. */
class AdminApiTest extends MockServerTestBase {
    private static final String OTHER_PROJECT = "0123456789abcdef0123456789abcdef";

    @Test
    void listsStoredSnapshotsWithTheirCreatorButNoSecret() {
        http.create(body("by-ak", CLUSTER, "first"));
        clock.advance(java.time.Duration.ofSeconds(1));
        http.createWithToken(PATH, body("by-token"), World.DEFAULT_TOKEN);

        Response response = http.admin("GET", "/snapshots", null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode list = response.json();
        assertThat(list.path("count").asInt()).isEqualTo(2);
        JsonNode first = list.path("snapshots").get(0);
        assertThat(first.path("name").asText()).isEqualTo("by-ak");
        assertThat(first.path("cluster_id").asText()).isEqualTo(CLUSTER);
        assertThat(first.path("description").asText()).isEqualTo("first");
        assertThat(first.path("project_id").asText()).isEqualTo(PROJECT);
        assertThat(first.path("created_at").asText()).isEqualTo(START.toString());
        assertThat(first.path("created_by").asText()).isEqualTo(World.DEFAULT_ACCESS_KEY);
        assertThat(UUID.fromString(first.path("id").asText())).isNotNull();
        assertThat(list.path("snapshots").get(1).path("created_by").asText()).isEqualTo(World.DEFAULT_TOKEN_ID);
        assertThat(response.body()).doesNotContain(World.DEFAULT_SECRET_KEY).doesNotContain(World.DEFAULT_TOKEN);
    }

    @Test
    void snapshotsCanBeSeededForProviderStates() {
        Response seeded = http.admin(
                "POST",
                "/snapshots",
                "{\"project_id\":\"" + PROJECT + "\",\"name\":\"Seeded-1\"," + "\"cluster_id\":\"" + CLUSTER
                        + "\",\"description\":\"from a provider state\"}");
        Response again = http.admin(
                "POST",
                "/snapshots",
                "{\"project_id\":\"" + PROJECT + "\",\"name\":\"seeded-1\"," + "\"cluster_id\":\"" + CLUSTER + "\"}");
        Response duplicate = http.create(body("SEEDED-1"));

        assertThat(seeded.status()).as(seeded.body()).isEqualTo(200);
        assertThat(seeded.json().path("created_by").asText()).isEqualTo("admin");
        // a seed that does not say when it started started an hour before the mock clock's now
        assertThat(seeded.json().path("created_at").asText())
                .isEqualTo(START.minusSeconds(3600).toString());
        assertError(again, 400, "DWS.0001");
        assertError(duplicate, 400, "DWS.0001");
        assertThat(duplicate.message()).contains("already exists");
        assertThat(http.admin("GET", "/snapshots", null)
                        .json()
                        .path("snapshots")
                        .get(0)
                        .path("id")
                        .asText())
                .isEqualTo(seeded.json().path("id").asText());
    }

    @Test
    void seedingChecksItsInput() {
        assertError(http.admin("POST", "/snapshots", "{\"description\":\"no name\"}"), 400, "DWS.0001");
        assertError(http.admin("POST", "/snapshots", "{\"name\":\"s1\",\"status\":\"DONE\"}"), 400, "DWS.0001");
        assertError(http.admin("POST", "/snapshots", "{\"name\":\"s2\",\"type\":\"WEEKLY\"}"), 400, "DWS.0001");
        assertError(http.admin("POST", "/snapshots", "{\"name\":\"s3\",\"started\":\"yesterday\"}"), 400, "DWS.0001");
        assertError(
                http.admin(
                        "POST",
                        "/snapshots",
                        "{\"name\":\"s4\",\"started\":\"2026-01-02T00:00:00Z\","
                                + "\"finished\":\"2026-01-01T00:00:00Z\"}"),
                400,
                "DWS.0001");
        assertError(http.admin("POST", "/snapshots", "{\"name\":\"s5\",\"size\":-1}"), 400, "DWS.0001");
        assertError(
                http.admin("POST", "/snapshots", "{\"name\":\"s6\",\"cluster_id\":\"not-a-uuid\"}"), 400, "DWS.0001");
        assertError(
                http.admin(
                        "POST",
                        "/snapshots",
                        "{\"project_id\":\"bad\",\"name\":\"seed\",\"cluster_id\":\"" + CLUSTER + "\"}"),
                400,
                "DWS.0001");
    }

    @Test
    void filtersSnapshotsByProject() {
        http.create(body("in-default"));

        assertThat(http.admin("GET", "/snapshots?project_id=" + OTHER_PROJECT, null)
                        .json()
                        .path("count")
                        .asInt())
                .isZero();
        assertThat(http.admin("GET", "/snapshots?project_id=" + PROJECT, null)
                        .json()
                        .path("count")
                        .asInt())
                .isOne();
    }

    @Test
    void resetGoesBackToTheWorld() {
        http.create(body("before-reset"));
        http.admin("PUT", "/projects/" + PROJECT + "/clusters/" + UUID.randomUUID(), null);
        http.admin("POST", "/faults", "{\"status\":503,\"count\":5}");

        Response reset = http.admin("POST", "/reset", null);

        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().path("projects").path(PROJECT)).hasSize(1);
        assertThat(http.admin("GET", "/snapshots", null).json().path("count").asInt())
                .isZero();
        assertThat(http.admin("GET", "/journal", null).json().path("entries")).isEmpty();
        assertThat(http.create(body("before-reset")).status()).isEqualTo(200);
    }

    @Test
    void clustersCanBeAddedAndRemoved() {
        String cluster = UUID.randomUUID().toString();

        Response added = http.admin("PUT", "/projects/" + PROJECT + "/clusters/" + cluster, null);
        Response created = http.create(body("on-new-cluster", cluster, null));
        Response removed = http.admin("DELETE", "/projects/" + PROJECT + "/clusters/" + cluster, null);
        Response afterRemoval = http.create(body("on-removed-cluster", cluster, null));
        Response removedAgain = http.admin("DELETE", "/projects/" + PROJECT + "/clusters/" + cluster, null);

        assertThat(added.status()).isEqualTo(200);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(removed.status()).isEqualTo(200);
        assertError(afterRemoval, 404, "DWS.0015");
        assertError(removedAgain, 404, "DWS.0015");
    }

    @Test
    void rejectsIdsTheSpecWouldReject() {
        Response badProject = http.admin("PUT", "/projects/NOT-A-PROJECT/clusters/" + CLUSTER, null);
        Response badCluster = http.admin("PUT", "/projects/" + PROJECT + "/clusters/not-a-uuid", null);

        assertError(badProject, 400, "DWS.0001");
        assertThat(badProject.message()).contains("project id 'NOT-A-PROJECT' is invalid");
        assertError(badCluster, 400, "DWS.0001");
        assertThat(badCluster.message()).contains("cluster id 'not-a-uuid' is invalid");
    }

    @Test
    void credentialsCanBeAddedNarrowedAndRemoved() {
        Response put = http.admin(
                "PUT",
                "/credentials/NEWACCESSKEY00000000",
                "{\"sk\":\"new-secret\",\"projects\":[\"" + OTHER_PROJECT + "\"]}");
        Response notAllowed = http.createAs(PATH, body("not-allowed"), "NEWACCESSKEY00000000", "new-secret", Map.of());
        http.admin(
                "PUT",
                "/credentials/NEWACCESSKEY00000000",
                "{\"sk\":\"new-secret\",\"projects\":[\"" + PROJECT + "\"]}");
        Response allowed = http.createAs(PATH, body("allowed"), "NEWACCESSKEY00000000", "new-secret", Map.of());
        Response deleted = http.admin("DELETE", "/credentials/NEWACCESSKEY00000000", null);
        Response afterDelete = http.createAs(PATH, body("deleted"), "NEWACCESSKEY00000000", "new-secret", Map.of());

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body()).doesNotContain("new-secret");
        assertError(notAllowed, 403, "DWS.0015");
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
        assertThat(deleted.status()).isEqualTo(200);
        assertError(afterDelete, 401, "APIGW.0301");
        assertThat(afterDelete.message()).contains("is unknown");
    }

    @Test
    void credentialsNeedAnSk() {
        assertError(http.admin("PUT", "/credentials/NOSKACCESSKEY0000000", "{\"projects\":[]}"), 400, "DWS.0001");
    }

    @Test
    void tokensCanBeAddedAndRemoved() {
        http.admin("PUT", "/tokens/ci-token", "{\"token\":\"ci-token-value\",\"projects\":[\"" + PROJECT + "\"]}");
        Response allowed = http.createWithToken(PATH, body("by-ci-token"), "ci-token-value");
        http.admin("DELETE", "/tokens/ci-token", null);
        Response afterDelete = http.createWithToken(PATH, body("by-deleted-token"), "ci-token-value");

        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
        assertThat(http.admin("GET", "/snapshots", null)
                        .json()
                        .path("snapshots")
                        .get(0)
                        .path("created_by")
                        .asText())
                .isEqualTo("ci-token");
        assertError(afterDelete, 401, "APIGW.0301");
    }

    @Test
    void worldViewShowsNoSecret() {
        Response world = http.admin("GET", "/world", null);

        assertThat(world.json().path("credentials").get(0).path("ak").asText()).isEqualTo(World.DEFAULT_ACCESS_KEY);
        assertThat(world.json().path("tokens").get(0).path("id").asText()).isEqualTo(World.DEFAULT_TOKEN_ID);
        assertThat(world.body()).doesNotContain(World.DEFAULT_SECRET_KEY).doesNotContain(World.DEFAULT_TOKEN);
    }

    @Test
    void plannedFaultsAnswerTheNextCreatesWithTheSpecsExample() {
        Response planned = http.admin("POST", "/faults", "{\"status\":503,\"count\":2}");

        Response first = http.create(body("fault-1"));
        Response second = http.create(body("fault-2"));
        Response third = http.create(body("fault-3"));

        assertThat(planned.status()).isEqualTo(200);
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.json()).isEqualTo(SpecExamples.example(503, first.requestId()));
        assertThat(second.status()).isEqualTo(503);
        assertThat(third.status()).isEqualTo(200);
    }

    @Test
    void plannedFaultsSpareUnauthenticatedRequests() {
        http.admin("POST", "/faults", "{\"status\":500}");

        Response unauthenticated = http.createWithToken(PATH, body("no-fault"), "unknown-token");
        Response faulted = http.create(body("fault"));

        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(faulted.status()).isEqualTo(500);
        assertThat(faulted.json()).isEqualTo(SpecExamples.example(500, faulted.requestId()));
    }

    @Test
    void plannedFaultsCanBeCancelled() {
        http.admin("POST", "/faults", "{\"status\":503,\"count\":3}");

        http.admin("DELETE", "/faults", null);

        assertThat(http.create(body("no-fault")).status()).isEqualTo(200);
    }

    @Test
    void rejectsUndocumentedFaultStatuses() {
        Response response = http.admin("POST", "/faults", "{\"status\":418}");

        assertError(response, 400, "DWS.0001");
        assertThat(response.message()).contains("418 is not a documented status");
    }

    @Test
    void journalKeepsRequestsWithSecretsRedacted() {
        Response signed = http.create(body("journaled"));
        Response byToken = http.createWithToken(PATH, body("journaled-2"), World.DEFAULT_TOKEN);

        Response journal = http.admin("GET", "/journal", null);

        JsonNode entries = journal.json().path("entries");
        assertThat(entries).hasSize(2);
        JsonNode first = entries.get(0);
        assertThat(first.path("method").asText()).isEqualTo("POST");
        assertThat(first.path("path").asText()).isEqualTo(PATH);
        assertThat(first.path("status").asInt()).isEqualTo(200);
        assertThat(first.path("request_id").asText()).isEqualTo(signed.requestId());
        assertThat(first.path("timestamp").asText()).isEqualTo(START.toString());
        assertThat(first.path("headers").path("authorization").get(0).asText()).isEqualTo("<redacted>");
        assertThat(first.path("headers").path("x-sdk-date").get(0).asText()).isEqualTo("20261128T045404Z");
        assertThat(entries.get(1).path("headers").path("x-auth-token").get(0).asText())
                .isEqualTo("<redacted>");
        assertThat(entries.get(1).path("request_id").asText()).isEqualTo(byToken.requestId());
        assertThat(journal.body()).doesNotContain("SDK-HMAC-SHA256").doesNotContain(World.DEFAULT_TOKEN);
    }

    @Test
    void journalKeepsTheBodyUpToItsLimit() {
        String created = body("with-body");
        http.create(created);
        byte[] large = new byte[Journal.MAX_BODY_BYTES + 10];
        java.util.Arrays.fill(large, (byte) 'x');
        http.send(
                "POST",
                PATH,
                large,
                Map.of("Content-Type", "application/json", "X-Auth-Token", World.DEFAULT_TOKEN),
                false);
        http.get("/no/such/thing");

        JsonNode entries = http.admin("GET", "/journal", null).json().path("entries");

        assertThat(entries.get(0).path("body").asText()).isEqualTo(created);
        assertThat(entries.get(0).path("body_size").asInt()).isEqualTo(created.length());
        assertThat(entries.get(1).path("body").asText()).hasSize(Journal.MAX_BODY_BYTES);
        assertThat(entries.get(1).path("body_size").asInt()).isEqualTo(large.length);
        assertThat(entries.get(2).has("body")).as("no body, no field").isFalse();
        assertThat(entries.get(2).path("body_size").asInt()).isZero();
    }

    @Test
    void journalRedactsSecurityTokens() {
        http.admin(
                "PUT",
                "/credentials/TEMPORARYACCESSKEY00",
                "{\"sk\":\"temporary-sk\",\"projects\":[\"" + PROJECT + "\"],\"security_token\":\"session-token-1\"}");
        byte[] body = body("temporary").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Map<String, String> headers = new java.util.LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        headers.putAll(http.sign(PATH, headers, body, "TEMPORARYACCESSKEY00", "temporary-sk", "session-token-1"));
        http.send("POST", PATH, body, headers, false);

        Response journal = http.admin("GET", "/journal", null);

        assertThat(journal.json()
                        .path("entries")
                        .get(0)
                        .path("headers")
                        .path("x-security-token")
                        .get(0)
                        .asText())
                .isEqualTo("<redacted>");
        assertThat(journal.body()).doesNotContain("session-token-1");
    }

    @Test
    void journalCanBeEmptied() {
        http.create(body("to-forget"));

        http.admin("DELETE", "/journal", null);

        assertThat(http.admin("GET", "/journal", null).json().path("entries")).isEmpty();
    }

    @Test
    void journalRecordsErrorsAndUnknownPathsButNotTheAdminApi() {
        http.get("/no/such/thing");
        http.admin("GET", "/world", null);

        JsonNode entries = http.admin("GET", "/journal", null).json().path("entries");

        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("path").asText()).isEqualTo("/no/such/thing");
        assertThat(entries.get(0).path("status").asInt()).isEqualTo(404);
    }

    @Test
    void adminErrorsUseTheErrorSchemaToo() {
        Response response = http.admin("POST", "/faults", "{not json");

        assertError(response, 400, "DWS.0001");
    }
}
