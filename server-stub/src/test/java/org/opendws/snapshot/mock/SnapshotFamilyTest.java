package org.opendws.snapshot.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendws.snapshot.mock.support.DwsHttp.CLUSTER;
import static org.opendws.snapshot.mock.support.DwsHttp.PROJECT;
import static org.opendws.snapshot.mock.support.DwsHttp.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.mock.support.DwsHttp.Response;
import org.opendws.snapshot.mock.support.MockServerTestBase;
import org.opendws.snapshot.mock.world.WorldState;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The snapshot family over real HTTP, each request signed by the independent signer (creates by
 * AkSkSigner): a snapshot's lifecycle on the mock clock, listing, paging, detail and delete,
 * with every documented outcome and its exact error.
 */
class SnapshotFamilyTest extends MockServerTestBase {
    private static final String OTHER_PROJECT = "0123456789abcdef0123456789abcdef";
    private static final String OTHER_CLUSTER = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    private static final String UNKNOWN = "2a4d0f86-67cd-408a-8b66-017454fb7793";
    private static final String SNAPSHOTS = "/v1.0/" + PROJECT + "/snapshots";
    private static final String CLUSTER_SNAPSHOTS = "/v1.0/" + PROJECT + "/clusters/" + CLUSTER + "/snapshots";

    @Autowired
    private MockClock mockClock;

    @Autowired
    private WorldState world;

    private String create(String name) {
        Response created = http.create(body(name));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().path("snapshot").path("id").asText();
    }

    private JsonNode detail(String id) {
        Response response = http.signed("GET", SNAPSHOTS + "/" + id);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("snapshot");
    }

    private String seed(String json) {
        Response seeded = http.admin("POST", "/snapshots", json);
        assertThat(seeded.status()).as(seeded.body()).isEqualTo(200);
        return seeded.json().path("id").asText();
    }

    private static void assertError(Response response, int status, String code, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.code()).as(response.body()).isEqualTo(code);
        if (message != null) {
            assertThat(response.message()).isEqualTo(message);
        }
        assertThat(response.json().path("request_id").asText()).isEqualTo(response.requestId());
    }

    // ------------------------------------------------------------------ lifecycle

    @Test
    void aSnapshotIsCreatingUntilTheCreationTimeHasPassedOnTheMockClock() {
        mockClock.freeze();
        String id = create("lifecycle-1");

        JsonNode creating = detail(id);
        assertThat(creating.path("status").asText()).isEqualTo("CREATING");
        assertThat(creating.path("started").asText()).isEqualTo("2026-11-28T04:54:04Z");
        assertThat(creating.has("finished")).isFalse();
        assertThat(creating.path("size").asDouble()).isZero();
        assertThat(creating.path("type").asText()).isEqualTo("MANUAL");
        assertThat(creating.path("cluster_id").asText()).isEqualTo(CLUSTER);
        assertThat(creating.path("cluster_name").asText()).isEqualTo("dws-demo");
        assertThat(creating.path("description").asText()).isEqualTo("made by a test");

        mockClock.advance(Duration.ofMillis(4_999));
        assertThat(detail(id).path("status").asText()).isEqualTo("CREATING");
        mockClock.advance(Duration.ofMillis(1));
        JsonNode available = detail(id);
        assertThat(available.path("status").asText()).isEqualTo("AVAILABLE");
        assertThat(available.path("finished").asText()).isEqualTo("2026-11-28T04:54:09Z");
        assertThat(available.path("size").asDouble()).isEqualTo(500.0);
        assertThat(server().snapshots()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo("AVAILABLE");
            assertThat(s.finished()).isEqualTo(START.plusSeconds(5));
        });
    }

    @Test
    void aClusterToldToFailMakesItsNextSnapshotUnavailable() {
        Response fail = http.admin(
                "POST", "/projects/" + PROJECT + "/clusters/" + CLUSTER + "/fail-next-snapshots", "{\"count\":1}");
        assertThat(fail.status()).as(fail.body()).isEqualTo(200);
        assertThat(fail.json().path("failing_snapshots").asInt()).isEqualTo(1);

        String failed = create("fails-1");
        String fine = create("fine-1");
        mockClock.advance(Duration.ofSeconds(5));

        JsonNode unavailable = detail(failed);
        assertThat(unavailable.path("status").asText()).isEqualTo("UNAVAILABLE");
        assertThat(unavailable.path("finished").asText()).isEqualTo("2026-11-28T04:54:09Z");
        assertThat(unavailable.path("size").asDouble()).isZero();
        assertThat(detail(fine).path("status").asText()).isEqualTo("AVAILABLE");
        assertError(
                http.admin(
                        "POST",
                        "/projects/" + PROJECT + "/clusters/" + OTHER_CLUSTER + "/fail-next-snapshots",
                        "{\"count\":1}"),
                404,
                "DWS.0015",
                null);
        assertError(
                http.admin(
                        "POST",
                        "/projects/" + PROJECT + "/clusters/" + CLUSTER + "/fail-next-snapshots",
                        "{\"count\":-1}"),
                400,
                "DWS.0001",
                null);
    }

    @Test
    void aDuplicateCreateDoesNotUseUpAFailure() {
        world.failNextSnapshots(PROJECT, CLUSTER, 1);
        create("dup-1");
        assertThat(http.create(body("DUP-1")).status()).isEqualTo(400);
        String second = create("dup-2");
        mockClock.advance(Duration.ofSeconds(5));
        assertThat(detail(second).path("status").asText()).isEqualTo("AVAILABLE");
    }

    @Test
    void movingTheMockClockByADayDoesNotBreakSignatures() {
        mockClock.advance(Duration.ofDays(1));
        String id = create("tomorrow-1");

        assertThat(detail(id).path("started").asText()).isEqualTo("2026-11-29T04:54:04Z");
        mockClock.set(START.minus(Duration.ofDays(400)));
        assertThat(http.signed("GET", SNAPSHOTS).status()).isEqualTo(200);
        assertThat(http.signed("DELETE", SNAPSHOTS + "/" + UNKNOWN).status()).isEqualTo(400);
    }

    @Test
    void aSecondCreateOnAClusterWithASnapshotInProgressIsAccepted() {
        mockClock.freeze();
        create("first-1");
        String second = create("second-1");
        assertThat(detail(second).path("status").asText()).isEqualTo("CREATING");
    }

    // ------------------------------------------------------------------ detail

    @Test
    void detailOfAnUnknownOrMalformedOrForeignSnapshotIsDws5149() {
        assertError(
                http.signed("GET", SNAPSHOTS + "/" + UNKNOWN),
                400,
                "DWS.5149",
                "Snapshot " + UNKNOWN + " does not exist in this project.");
        Response malformed = http.signed("GET", SNAPSHOTS + "/snap-1");
        assertError(malformed, 400, "DWS.5149", null);
        assertThat(malformed.message())
                .contains(
                        "snapshot_id: must match "
                                + "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ (rejected value: snap-1)");
        String foreign = seed("{\"project_id\":\"" + OTHER_PROJECT + "\",\"name\":\"theirs\",\"cluster_id\":\""
                + OTHER_CLUSTER + "\"}");
        assertError(http.signed("GET", SNAPSHOTS + "/" + foreign), 400, "DWS.5149", null);
        assertError(http.signed("DELETE", SNAPSHOTS + "/" + foreign), 400, "DWS.0001", null);
        assertThat(server().snapshots()).hasSize(1);
    }

    @Test
    void detailAcceptsAnIdInUpperCase() {
        String id = create("upper-1");
        assertThat(detail(id.toUpperCase()).path("id").asText()).isEqualTo(id);
    }

    // ------------------------------------------------------------------ delete

    @Test
    void deleteAnswers202WithoutBodyAndTheSnapshotIsGoneEverywhere() {
        String id = create("to-delete");
        mockClock.advance(Duration.ofSeconds(5));

        Response deleted = http.signed("DELETE", SNAPSHOTS + "/" + id);

        assertThat(deleted.status()).isEqualTo(202);
        assertThat(deleted.body()).isEmpty();
        assertThat(deleted.requestId()).isNotBlank();
        assertError(
                http.signed("DELETE", SNAPSHOTS + "/" + id),
                400,
                "DWS.0001",
                "Snapshot " + id + " does not exist in this project (or was deleted already).");
        assertError(http.signed("GET", SNAPSHOTS + "/" + id), 400, "DWS.5149", null);
        assertThat(http.signed("GET", SNAPSHOTS).json().path("count").asInt()).isZero();
        assertThat(http.signed("GET", CLUSTER_SNAPSHOTS).json().path("count").asInt())
                .isZero();
        assertThat(http.create(body("TO-DELETE")).status())
                .as("the name is free again")
                .isEqualTo(200);
    }

    @Test
    void deleteRefusesAutomatedCreatingAndMalformedSnapshots() {
        String auto = seed("{\"name\":\"auto-1\",\"type\":\"AUTO\"}");
        mockClock.freeze();
        String creating = create("busy-1");

        assertError(
                http.signed("DELETE", SNAPSHOTS + "/" + auto),
                400,
                "DWS.0001",
                "Snapshot " + auto
                        + " is automated (AUTO); only manual snapshots can be deleted, automated ones expire with the snapshot "
                        + "policy's retention.");
        assertError(
                http.signed("DELETE", SNAPSHOTS + "/" + creating),
                400,
                "DWS.0001",
                "Snapshot " + creating + " is CREATING; delete it once it is AVAILABLE or UNAVAILABLE.");
        assertError(http.signed("DELETE", SNAPSHOTS + "/not-a-uuid"), 400, "DWS.5149", null);
        assertThat(server().snapshots()).hasSize(2);
        mockClock.advance(Duration.ofSeconds(5));
        assertThat(http.signed("DELETE", SNAPSHOTS + "/" + creating).status()).isEqualTo(202);
    }

    // ------------------------------------------------------------------ lists

    @Test
    void listSnapshotsShowsEveryClusterOfTheProjectOldestFirst() {
        world.putCluster(PROJECT, new World.Cluster(OTHER_CLUSTER, "dws-analytics", 120.5, 0));
        seed("{\"name\":\"old-auto\",\"type\":\"AUTO\",\"started\":\"2026-01-01T00:00:00Z\",\"cluster_id\":\""
                + OTHER_CLUSTER + "\"}");
        String created = create("new-1");
        seed("{\"project_id\":\"" + OTHER_PROJECT + "\",\"name\":\"not-mine\"}");

        Response list = http.signed("GET", SNAPSHOTS);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("count").asInt()).isEqualTo(2);
        JsonNode first = list.json().path("snapshots").get(0);
        assertThat(first.path("name").asText()).isEqualTo("old-auto");
        assertThat(first.path("type").asText()).isEqualTo("AUTO");
        assertThat(first.path("cluster_name").asText()).isEqualTo("dws-analytics");
        assertThat(first.path("size").asDouble()).isEqualTo(120.5);
        assertThat(first.path("started").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(first.path("finished").asText()).isEqualTo("2026-01-01T00:00:05Z");
        assertThat(list.json().path("snapshots").get(1).path("id").asText()).isEqualTo(created);
    }

    @Test
    void listClusterSnapshotsPagesWithOffsetAsPageIndexAndCountsTheCluster() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String name = String.format("page-%02d", i);
            seed("{\"name\":\"" + name + "\",\"started\":\"2026-11-01T00:00:" + String.format("%02d", i) + "Z\"}");
            names.add(name);
        }
        seed("{\"name\":\"elsewhere\",\"cluster_id\":\"" + OTHER_CLUSTER + "\"}");

        JsonNode third = page("?limit=10&offset=2&sort_key=started&sort_dir=asc");
        assertThat(names(third)).isEqualTo(names.subList(20, 25));
        assertThat(third.path("count").asInt()).isEqualTo(25);
        assertThat(third.path("project_id").asText()).isEqualTo(PROJECT);
        assertThat(third.path("cluster_id").asText()).isEqualTo(CLUSTER);
        assertThat(names(page("?limit=10&offset=3&sort_dir=asc"))).isEmpty();
        // the defaults: started, newest first, all of them
        List<String> reversed = new ArrayList<>(names);
        java.util.Collections.reverse(reversed);
        assertThat(names(page(""))).isEqualTo(reversed);
        assertThat(names(page("?offset=1")))
                .as("limit absent: everything is page 0")
                .isEmpty();
        assertThat(names(page("?limit=3"))).isEqualTo(reversed.subList(0, 3));
        assertThat(names(page("?limit=3&offset=1&sort_key=name&sort_dir=desc"))).isEqualTo(reversed.subList(3, 6));
        assertThat(names(page("?limit=")).size()).as("an empty limit is none").isEqualTo(25);
    }

    @Test
    void sortsByNameWithoutRegardToCaseAndTiesById() {
        seed("{\"name\":\"b-one\",\"started\":\"2026-11-01T00:00:00Z\"}");
        seed("{\"name\":\"A-two\",\"started\":\"2026-11-01T00:00:00Z\"}");
        seed("{\"name\":\"c-three\",\"started\":\"2026-11-01T00:00:00Z\"}");
        seed("{\"name\":\"a-four\",\"started\":\"2026-11-01T00:00:00.900Z\"}");

        assertThat(names(page("?sort_key=name&sort_dir=asc"))).containsExactly("a-four", "A-two", "b-one", "c-three");
        assertThat(names(page("?sort_key=name"))).containsExactly("c-three", "b-one", "A-two", "a-four");
        // four snapshots started in the same second: ordered by id
        JsonNode byStarted = page("?sort_key=started&sort_dir=asc");
        List<String> ids = new ArrayList<>();
        byStarted.path("snapshots").forEach(s -> ids.add(s.path("id").asText()));
        assertThat(ids).isSortedAccordingTo(Comparator.naturalOrder());
        JsonNode desc = page("?sort_key=started");
        List<String> descIds = new ArrayList<>();
        desc.path("snapshots").forEach(s -> descIds.add(s.path("id").asText()));
        assertThat(descIds).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void listClusterSnapshotsRefusesEachBadParameterNamingIt() {
        assertError(list("?limit=0"), 400, "DWS.0001", "limit: must be greater than or equal to 1 (rejected value: 0)");
        assertError(
                list("?limit=-5"), 400, "DWS.0001", "limit: must be greater than or equal to 1 (rejected value: -5)");
        assertError(
                list("?offset=-1"), 400, "DWS.0001", "offset: must be greater than or equal to 0 (rejected value: -1)");
        assertError(list("?limit=ten"), 400, "DWS.0001", "limit: must be an integer (rejected value: ten)");
        assertError(
                list("?limit=99999999999"), 400, "DWS.0001", "limit: must be an integer (rejected value: 99999999999)");
        assertError(list("?offset=1.5"), 400, "DWS.0001", "offset: must be an integer (rejected value: 1.5)");
        assertError(
                list("?sort_dir=down"), 400, "DWS.0001", "sort_dir: must be one of asc, desc (rejected value: down)");
        assertError(
                list("?sort_dir=DESC"), 400, "DWS.0001", "sort_dir: must be one of asc, desc (rejected value: DESC)");
        assertError(
                list("?sort_key=size"),
                400,
                "DWS.0001",
                "sort_key: must be one of started, name (rejected value: size)");
        Response badCluster = http.signed("GET", "/v1.0/" + PROJECT + "/clusters/not-a-uuid/snapshots");
        assertError(badCluster, 400, "DWS.0001", null);
        assertThat(badCluster.message())
                .contains(
                        "cluster_id: must match "
                                + "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ (rejected value: not-a-uuid)");
        assertError(
                http.signed("GET", "/v1.0/" + PROJECT + "/clusters/" + OTHER_CLUSTER + "/snapshots"),
                404,
                "DWS.0047",
                "Cluster " + OTHER_CLUSTER + " does not exist in this project.");
        // bad parameters are refused before the cluster is looked up
        assertError(
                http.signed("GET", "/v1.0/" + PROJECT + "/clusters/" + OTHER_CLUSTER + "/snapshots?limit=0"),
                400,
                "DWS.0001",
                null);
    }

    @Test
    void aClusterOnlyItsSeedsKnowIsListed() {
        seed("{\"name\":\"orphan\",\"cluster_id\":\"" + OTHER_CLUSTER + "\"}");
        JsonNode page = http.signed("GET", "/v1.0/" + PROJECT + "/clusters/" + OTHER_CLUSTER + "/snapshots")
                .json();
        assertThat(page.path("count").asInt()).isEqualTo(1);
        assertThat(page.path("snapshots").get(0).path("cluster_name").asText()).isEqualTo("dws-6f1c2a3b");
    }

    // ------------------------------------------------------------------ gateway and faults

    @Test
    void everyOperationIsAuthenticatedAndFaultedAndJournaled() {
        String id = create("journaled");
        Response unsigned = http.send("GET", SNAPSHOTS + "/" + id, null, Map.of(), false);
        assertError(unsigned, 401, "APIGW.0301", null);
        assertError(http.signedAs("GET", SNAPSHOTS, "NOSUCHACCESSKEY00000", "x"), 401, "APIGW.0301", null);

        Response preferred = http.send(
                "DELETE",
                SNAPSHOTS + "/" + id,
                null,
                Map.of("X-Auth-Token", World.DEFAULT_TOKEN, "Prefer", "code=202"),
                false);
        assertThat(preferred.status()).isEqualTo(202);
        assertThat(preferred.body()).isEmpty();
        assertThat(preferred.headers().firstValue("Preference-Applied")).hasValue("code=202");
        assertError(
                http.send(
                        "GET",
                        SNAPSHOTS + "/" + id,
                        null,
                        Map.of("X-Auth-Token", World.DEFAULT_TOKEN, "Prefer", "code=404"),
                        false),
                400,
                "DWS.0001",
                null);
        Response example = http.send(
                "GET",
                CLUSTER_SNAPSHOTS,
                null,
                Map.of("X-Auth-Token", World.DEFAULT_TOKEN, "Prefer", "code=400, example=invalid-sort-dir"),
                false);
        assertError(example, 400, "DWS.0001", "sort_dir: must be one of asc, desc (rejected value: down)");

        server().faults().plan(404, 1); // documented by create and listClusterSnapshots only
        assertThat(http.signed("GET", SNAPSHOTS).status())
                .as("a list does not document 404")
                .isEqualTo(200);
        assertError(http.signed("GET", CLUSTER_SNAPSHOTS), 404, "DWS.0047", null);
        server().faults().plan(503, 1);
        assertError(http.signed("DELETE", SNAPSHOTS + "/" + id), 503, "DWS.0005", null);
        assertThat(server().snapshots())
                .as("nothing deleted by refused requests")
                .hasSize(1);

        assertThat(server().journal())
                .extracting(e -> e.method() + " " + e.status())
                .contains("GET 401", "DELETE 202", "GET 404", "DELETE 503");
        Response head = http.send("HEAD", SNAPSHOTS, null, Map.of("X-Auth-Token", World.DEFAULT_TOKEN), false);
        assertThat(head.status()).isEqualTo(405);
        assertThat(head.headers().firstValue("Allow").orElseThrow().split(", "))
                .containsExactlyInAnyOrder("POST", "GET");
    }

    // ------------------------------------------------------------------ admin clock

    @Test
    void theAdminApiReadsFreezesSetsAndAdvancesTheMockClock() {
        JsonNode running = http.admin("GET", "/clock", null).json();
        assertThat(running.path("now").asText()).isEqualTo(START.toString());
        assertThat(running.path("frozen").asBoolean()).isFalse();

        JsonNode frozen = http.admin("PUT", "/clock", "{\"now\":\"2027-01-01T00:00:00Z\",\"frozen\":true}")
                .json();
        assertThat(frozen.path("now").asText()).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(frozen.path("frozen").asBoolean()).isTrue();
        clock.advance(Duration.ofMinutes(3)); // the server's clock moves, the frozen mock clock does not
        assertThat(http.admin("GET", "/clock", null).json().path("now").asText())
                .isEqualTo("2027-01-01T00:00:00Z");
        assertThat(http.admin("POST", "/clock/advance", "{\"by\":\"PT5S\"}")
                        .json()
                        .path("now")
                        .asText())
                .isEqualTo("2027-01-01T00:00:05Z");
        String id = create("in-2027");
        assertThat(detail(id).path("started").asText()).isEqualTo("2027-01-01T00:00:05Z");

        JsonNode resumed = http.admin("PUT", "/clock", "{\"frozen\":false}").json();
        assertThat(resumed.path("frozen").asBoolean()).isFalse();
        clock.advance(Duration.ofSeconds(10));
        assertThat(http.admin("GET", "/clock", null).json().path("now").asText())
                .isEqualTo("2027-01-01T00:00:15Z");
        assertThat(detail(id).path("status").asText()).isEqualTo("AVAILABLE");

        assertError(http.admin("POST", "/clock/advance", "{\"by\":\"5 seconds\"}"), 400, "DWS.0001", null);
        assertError(http.admin("PUT", "/clock", "{\"now\":\"tomorrow\"}"), 400, "DWS.0001", null);
        http.admin("POST", "/reset", null);
        assertThat(http.admin("GET", "/clock", null).json().path("now").asText())
                .isEqualTo(START.plusSeconds(190).toString());
        assertThat(mockClock.frozen()).isFalse();
    }

    @Test
    void seedsTakeAnyStateAndTheirDefaults() {
        String restoring = seed("{\"name\":\"restoring-1\",\"status\":\"RESTORING\",\"size\":12.5,"
                + "\"started\":\"2026-10-01T00:00:00Z\",\"finished\":\"2026-10-01T01:00:00Z\"}");
        String creating = seed("{\"name\":\"creating-1\",\"status\":\"CREATING\"}");
        String unavailable = seed("{\"name\":\"unavailable-1\",\"status\":\"UNAVAILABLE\"}");
        String defaults = seed("{\"name\":\"defaults-1\"}");

        JsonNode r = detail(restoring);
        assertThat(r.path("status").asText()).isEqualTo("RESTORING");
        assertThat(r.path("size").asDouble()).isEqualTo(12.5);
        assertThat(r.path("finished").asText()).isEqualTo("2026-10-01T01:00:00Z");
        // a seeded CREATING one started an hour ago: it is done at started + creation time
        assertThat(detail(creating).path("status").asText()).isEqualTo("AVAILABLE");
        String fresh = seed("{\"name\":\"creating-2\",\"status\":\"CREATING\",\"started\":\"" + START + "\"}");
        assertThat(detail(fresh).path("status").asText()).isEqualTo("CREATING");
        mockClock.advance(Duration.ofSeconds(5));
        assertThat(detail(fresh).path("status").asText()).isEqualTo("AVAILABLE");
        assertThat(detail(unavailable).path("size").asDouble()).isZero();
        JsonNode d = detail(defaults);
        assertThat(d.path("status").asText()).isEqualTo("AVAILABLE");
        assertThat(d.path("type").asText()).isEqualTo("MANUAL");
        assertThat(d.path("size").asDouble()).isEqualTo(500.0);
        assertThat(d.path("started").asText()).isEqualTo("2026-11-28T03:54:04Z");
        assertThat(d.path("finished").asText()).isEqualTo("2026-11-28T03:54:09Z");
        assertThat(Set.of(restoring, creating, unavailable, defaults)).hasSize(4);
    }

    private DwsMockServerView server() {
        return new DwsMockServerView();
    }

    private Response list(String query) {
        return http.signed("GET", CLUSTER_SNAPSHOTS + query);
    }

    private JsonNode page(String query) {
        Response response = list(query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("snapshots").forEach(s -> names.add(s.path("name").asText()));
        return names;
    }

    /** The embedding API's views over this test's server (it runs in Spring's test context, not a DwsMockServer). */
    private final class DwsMockServerView {
        List<SnapshotView> snapshots() {
            return snapshotService.views();
        }

        org.opendws.snapshot.mock.fault.FaultInjector faults() {
            return faultInjector;
        }

        List<org.opendws.snapshot.mock.journal.Journal.Entry> journal() {
            return journal.entries();
        }
    }

    @Autowired
    private org.opendws.snapshot.mock.snapshot.SnapshotService snapshotService;

    @Autowired
    private org.opendws.snapshot.mock.fault.FaultInjector faultInjector;

    @Autowired
    private org.opendws.snapshot.mock.journal.Journal journal;
}
