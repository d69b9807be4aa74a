package org.opendws.snapshot.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opendws.snapshot.client.error.BadRequestException;
import org.opendws.snapshot.client.error.DwsConnectionException;
import org.opendws.snapshot.client.error.InternalServerErrorException;
import org.opendws.snapshot.client.error.NotFoundException;
import org.opendws.snapshot.client.internal.CreateRecovery;
import org.opendws.snapshot.client.retry.RetryPolicy;

/**
 * Safe create retries, over real HTTP: the first attempt's connection breaks after the server
 * has taken the request (WireMock resets it), the retry is refused because the name is taken,
 * and the client finds the snapshot the first attempt made, or throws as before.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CreateRecoveryTest {
    static final String CREATE = SnapshotOperationsTest.SNAPSHOTS;
    static final String LIST = SnapshotOperationsTest.CLUSTER_SNAPSHOTS;
    static final String CLUSTER = SnapshotOperationsTest.CLUSTER;
    static final String OURS = "2a4d0f86-67cd-408a-8b66-017454fb7793";
    static final String NAME_TAKEN = "{\"error_code\":\"DWS.0001\",\"error_msg\":\"snapshot.name: a snapshot named"
            + " snapshot-3 already exists in this project (names are compared without regard to case)\"}";

    /** The server SnapshotOperationsTest's helpers talk to; the extension starts a fresh one for each class. */
    @RegisterExtension
    static final WireMockExtension SERVER = SnapshotOperationsTest.SERVER;

    /** The first create attempt gets {@code first}, every later one 400 DWS.0001. */
    private static void createFailsThenNameIsTaken(ResponseDefinitionBuilder first) {
        SERVER.stubFor(post(urlPathEqualTo(CREATE))
                .inScenario("create")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("created")
                .willReturn(first));
        SERVER.stubFor(post(urlPathEqualTo(CREATE))
                .inScenario("create")
                .whenScenarioStateIs("created")
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("X-Request-Id", "retry-refused")
                        .withBody(NAME_TAKEN)));
    }

    private static ResponseDefinitionBuilder connectionReset() {
        return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
    }

    /** Page {@code offset} of the cluster, newest first, holding these snapshots; the cluster holds {@code count}. */
    private static void page(int offset, int count, Map<String, Instant> snapshots) {
        List<Map<String, Object>> page = new ArrayList<>();
        snapshots.forEach((name, started) -> page.add(Map.of(
                "id",
                name.equalsIgnoreCase("snapshot-3")
                        ? OURS
                        : java.util.UUID.nameUUIDFromBytes(name.getBytes()).toString(),
                "name",
                name,
                "description",
                "",
                "started",
                started.truncatedTo(ChronoUnit.SECONDS).toString(),
                "size",
                0.0,
                "status",
                "CREATING",
                "type",
                "MANUAL",
                "cluster_id",
                CLUSTER)));
        SERVER.stubFor(get(urlPathEqualTo(LIST))
                .withQueryParam("offset", equalTo(String.valueOf(offset)))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("X-Request-Id", "lookup-" + offset)
                        .withBody(SnapshotOperationsTest.json(Map.of(
                                "snapshots",
                                page,
                                "project_id",
                                SnapshotOperationsTest.PROJECT,
                                "cluster_id",
                                CLUSTER,
                                "count",
                                count)))));
    }

    private static Map<String, Instant> snapshots(Object... nameThenStarted) {
        Map<String, Instant> snapshots = new LinkedHashMap<>();
        for (int i = 0; i < nameThenStarted.length; i += 2) {
            snapshots.put((String) nameThenStarted[i], (Instant) nameThenStarted[i + 1]);
        }
        return snapshots;
    }

    private static List<String> lookups() {
        return SnapshotOperationsTest.received().stream()
                .filter(r -> r.received().getMethod().getName().equals("GET"))
                .map(r -> r.received().getUrl())
                .toList();
    }

    @Test
    void aBrokenFirstAttemptThatMadeTheSnapshotIsRecovered() {
        createFailsThenNameIsTaken(connectionReset());
        Instant now = Instant.now();
        page(0, 3, snapshots("snapshot-4", now, "snapshot-3", now, "old", now.minus(Duration.ofDays(3))));
        CreatedSnapshot created;
        try (DwsSnapshotClient client = SnapshotOperationsTest.client().build()) {
            created = client.createSnapshot("snapshot-3", CLUSTER, "Snapshot-3 description");
        }

        assertThat(created).isEqualTo(new CreatedSnapshot(OURS, "lookup-0", true));
        assertThat(lookups()).containsExactly(LIST + "?limit=100&offset=0&sort_key=started&sort_dir=desc");
        assertThat(SnapshotOperationsTest.received())
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.recomputedSignature(SnapshotOperationsTest.SK))
                        .isEqualTo(r.sentSignature()));
    }

    @Test
    void theNameIsComparedWithoutRegardToCaseAndTheLookupGoesOnToTheNextPage() {
        createFailsThenNameIsTaken(connectionReset());
        Instant now = Instant.now();
        Map<String, Instant> newer = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            newer.put("other-" + i, now);
        }
        page(0, 101, newer);
        page(1, 101, snapshots("SNAPSHOT-3", now.minus(Duration.ofMinutes(10)))); // within the clock-skew margin
        try (DwsSnapshotClient client = SnapshotOperationsTest.client().build()) {
            assertThat(client.createSnapshot("snapshot-3", CLUSTER))
                    .isEqualTo(new CreatedSnapshot(OURS, "lookup-1", true));
        }
        assertThat(lookups()).hasSize(2);
    }

    @Test
    void aSnapshotOfThatNameStartedBeforeTheFirstAttemptIsNotOurs() {
        createFailsThenNameIsTaken(connectionReset());
        Instant before = Instant.now().minus(CreateRecovery.CLOCK_SKEW).minus(Duration.ofMinutes(1));
        page(0, 300, snapshots("snapshot-4", Instant.now(), "snapshot-3", before, "older", before.minusSeconds(60)));
        page(1, 300, snapshots("never-read", before.minusSeconds(120)));
        BadRequestException e;
        try (DwsSnapshotClient client = SnapshotOperationsTest.client().build()) {
            e = catchThrowableOfType(BadRequestException.class, () -> client.createSnapshot("snapshot-3", CLUSTER));
        }

        assertThat(e.errorCode()).isEqualTo("DWS.0001");
        assertThat(e.requestId()).isEqualTo("retry-refused");
        assertThat(e.getSuppressed()).singleElement().isInstanceOf(DwsConnectionException.class);
        assertThat(lookups())
                .as("the lookup stops at the first snapshot older than the bound")
                .hasSize(1);
    }

    @Test
    void aNameTakenOnAnotherClusterIsNotRecovered() {
        createFailsThenNameIsTaken(connectionReset());
        page(0, 1, snapshots("snapshot-4", Instant.now()));
        try (DwsSnapshotClient client = SnapshotOperationsTest.client().build()) {
            assertThat(catchThrowableOfType(
                            BadRequestException.class, () -> client.createSnapshot("snapshot-3", CLUSTER)))
                    .isNotNull();
        }
        assertThat(lookups()).hasSize(1);
    }

    @Test
    void switchedOffTheRefusalIsThrownWithoutALookup() {
        createFailsThenNameIsTaken(connectionReset());
        page(0, 1, snapshots("snapshot-3", Instant.now()));
        try (DwsSnapshotClient client =
                SnapshotOperationsTest.client().recoverCreateRetries(false).build()) {
            BadRequestException e =
                    catchThrowableOfType(BadRequestException.class, () -> client.createSnapshot("snapshot-3", CLUSTER));
            assertThat(e.getSuppressed()).singleElement().isInstanceOf(DwsConnectionException.class);
        }
        assertThat(lookups()).isEmpty();
    }

    @Test
    void aFirstAttemptRefusedCleanlyIsNeverRecovered() {
        SERVER.stubFor(post(urlPathEqualTo(CREATE))
                .willReturn(aResponse().withStatus(400).withBody(NAME_TAKEN)));
        page(0, 1, snapshots("snapshot-3", Instant.now()));
        try (DwsSnapshotClient client = SnapshotOperationsTest.client().build()) {
            assertThat(catchThrowableOfType(
                                    BadRequestException.class, () -> client.createSnapshot("snapshot-3", CLUSTER))
                            .getSuppressed())
                    .isEmpty();
        }
        assertThat(lookups()).isEmpty();
    }

    @Test
    void aRefusedConnectionCouldNotHaveMadeTheSnapshot() throws IOException {
        // the first attempt finds nothing listening, so it sent nothing; a server starts on that
        // port while the client waits to retry, and refuses the retry because the name is taken:
        // that 400 is about someone else's snapshot, and no lookup is made
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        WireMockServer late =
                new WireMockServer(options().bindAddress("127.0.0.1").port(port));
        late.stubFor(post(urlPathEqualTo(CREATE))
                .willReturn(aResponse().withStatus(400).withBody(NAME_TAKEN)));
        late.stubFor(get(urlPathEqualTo(LIST)).willReturn(aResponse().withStatus(500)));
        try (DwsSnapshotClient client = SnapshotOperationsTest.client()
                .endpoint("http://127.0.0.1:" + port)
                .sleeper(delay -> late.start())
                .build()) {
            BadRequestException e =
                    catchThrowableOfType(BadRequestException.class, () -> client.createSnapshot("snapshot-3", CLUSTER));
            assertThat(e.getSuppressed()).singleElement().isInstanceOf(DwsConnectionException.class);
            assertThat(late.findAll(postRequestedFor(urlPathEqualTo(CREATE)))).hasSize(1);
            assertThat(late.findAll(getRequestedFor(urlPathEqualTo(LIST)))).isEmpty();
        } finally {
            late.stop();
        }
    }

    @Test
    void aServerErrorFirstIsRecoveredWhenThePolicyRetriesIt() {
        createFailsThenNameIsTaken(aResponse()
                .withStatus(503)
                .withBody(SpecDocument.responseExample(503).toString()));
        page(0, 1, snapshots("snapshot-3", Instant.now()));
        try (DwsSnapshotClient client = SnapshotOperationsTest.client()
                .retryPolicy(RetryPolicy.builder().retryOn503(true).build())
                .build()) {
            assertThat(client.createSnapshot("snapshot-3", CLUSTER).recovered()).isTrue();
        }
    }

    @Test
    void aFailedLookupThrowsTheRefusalWithTheLookupsFailure() {
        createFailsThenNameIsTaken(connectionReset());
        SERVER.stubFor(get(urlPathEqualTo(LIST))
                .willReturn(aResponse()
                        .withStatus(500)
                        .withBody(SpecDocument.responseExample(500).toString())));
        try (DwsSnapshotClient client = SnapshotOperationsTest.client().build()) {
            BadRequestException e =
                    catchThrowableOfType(BadRequestException.class, () -> client.createSnapshot("snapshot-3", CLUSTER));
            assertThat(e.getSuppressed()).hasSize(2);
            assertThat(e.getSuppressed()[0]).isInstanceOf(DwsConnectionException.class);
            assertThat(e.getSuppressed()[1]).isInstanceOf(InternalServerErrorException.class);
        }
    }

    @Test
    void anotherRefusalIsThrownAsItCame() {
        SERVER.stubFor(post(urlPathEqualTo(CREATE))
                .inScenario("create")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("created")
                .willReturn(connectionReset()));
        SERVER.stubFor(post(urlPathEqualTo(CREATE))
                .inScenario("create")
                .whenScenarioStateIs("created")
                .willReturn(aResponse()
                        .withStatus(404)
                        .withBody(SpecDocument.responseExample(404).toString())));
        try (DwsSnapshotClient client = SnapshotOperationsTest.client().build()) {
            assertThat(catchThrowableOfType(
                            NotFoundException.class, () -> client.createSnapshot("snapshot-3", CLUSTER)))
                    .isNotNull();
        }
        assertThat(lookups()).isEmpty();
    }
}
