package org.opendws.snapshot.contract.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.mock.DwsMockServer;
import org.opendws.snapshot.mock.JournalEntry;
import org.opendws.snapshot.mock.SnapshotView;
import org.opendws.snapshot.mock.junit.DwsMockBaseUrl;
import org.opendws.snapshot.mock.junit.DwsMockTest;

/**
 * What a project that depends on the mock's jar writes: {@code @DwsMockTest} and nothing else of
 * the mock but its public API ({@code org.opendws.snapshot.mock}, {@code .junit}). Every setting
 * of the annotation takes effect, the mock runs before {@code @BeforeAll}, one for the class and
 * its nested classes, reset before each test.
 */
@DwsMockTest(
        auth = "none",
        creationTime = "1m",
        world = "../server-stub/examples/world.yaml",
        properties = {"dws.mock.journal.size=3", "dws.mock.max-snapshots = 10"})
class DwsMockTestAnnotationTest {
    private static final String PROJECT = "89cd04f168b84af6be287f71730fdb4b"; // in the world file
    private static final String CLUSTER = "44b277eb-39be-4921-be31-3d61b43651d7";
    private static DwsMockServer startedBeforeAll;

    @BeforeAll
    static void theMockRunsBeforeTheClassesOwnSetUp(DwsMockServer mock, @DwsMockBaseUrl URI baseUrl) {
        startedBeforeAll = mock;
        assertThat(baseUrl).isEqualTo(URI.create("http://127.0.0.1:" + mock.port()));
    }

    @BeforeEach
    void aFrozenClock(DwsMockServer mock) {
        mock.clock().freeze();
    }

    @Test
    void oneMockForTheClassWithTheWorldFileAndWithoutAuthentication(DwsMockServer mock, @DwsMockBaseUrl String baseUrl)
            throws Exception {
        assertThat(mock).isSameAs(startedBeforeAll);
        assertThat(baseUrl).isEqualTo(mock.baseUrl());
        assertThat(mock.world().credentials()).containsKey("READONLYACCESSKEY000");

        assertThat(createUnsigned(baseUrl, "unsigned").statusCode()).isEqualTo(200);
        assertThat(mock.snapshots())
                .extracting(SnapshotView::name)
                .containsExactlyInAnyOrder("auto-20261207", "before-upgrade", "unsigned");
    }

    @Test
    void theCreationTimeAndThePropertiesApply(DwsMockServer mock, @DwsMockBaseUrl String baseUrl) throws Exception {
        createUnsigned(baseUrl, "timed");
        mock.clock().advance(Duration.ofSeconds(59));
        assertThat(created(mock)).extracting(SnapshotView::status).isEqualTo("CREATING");
        mock.clock().advance(Duration.ofSeconds(1));
        assertThat(created(mock)).extracting(SnapshotView::status).isEqualTo("AVAILABLE");

        for (int i = 0; i < 4; i++) {
            createUnsigned(baseUrl, "more-" + i);
        }
        assertThat(mock.journal())
                .as("dws.mock.journal.size=3")
                .extracting(JournalEntry::path)
                .hasSize(3)
                .allMatch(path -> path.equals("/v1.0/" + PROJECT + "/snapshots"));
    }

    @Nested
    class InANestedClass {
        @Test
        void theEnclosingClassesMockFreshlyReset(DwsMockServer mock) {
            assertThat(mock).isSameAs(startedBeforeAll);
            assertThat(mock.snapshots())
                    .extracting(SnapshotView::name)
                    .containsExactlyInAnyOrder("auto-20261207", "before-upgrade");
            assertThat(mock.journal()).isEmpty();
        }
    }

    private static SnapshotView created(DwsMockServer mock) {
        return mock.snapshots().stream()
                .filter(s -> s.name().equals("timed"))
                .findFirst()
                .orElseThrow();
    }

    private static HttpResponse<String> createUnsigned(String baseUrl, String name) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1.0/" + PROJECT + "/snapshots"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"snapshot\":{\"name\":\"" + name + "\",\"cluster_id\":\"" + CLUSTER + "\"}}"))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
