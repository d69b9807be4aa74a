package example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.client.DwsSnapshotClient;
import org.opendws.snapshot.client.Snapshot;
import org.opendws.snapshot.client.SnapshotStatus;
import org.opendws.snapshot.client.error.DwsServiceException;
import org.opendws.snapshot.client.error.SnapshotWaitException;
import org.opendws.snapshot.mock.DwsMockServer;
import org.opendws.snapshot.mock.SnapshotSeed;
import org.opendws.snapshot.mock.junit.DwsMockBaseUrl;
import org.opendws.snapshot.mock.junit.DwsMockTest;

// one mock for the class, reset before each test; a snapshot takes 10 minutes of mock time
@DwsMockTest(creationTime = "10m")
class SnapshotLifecycleExampleTest {
    static final String PROJECT = "89cd04f168b84af6be287f71730fdb4b"; // the mock's default world
    static final String CLUSTER = "44b277eb-39be-4921-be31-3d61b43651d7";

    DwsMockServer server;
    DwsSnapshotClient client;

    @BeforeEach
    void frozenMockAndAClientThatNeverSleeps(DwsMockServer mock, @DwsMockBaseUrl String endpoint) {
        server = mock;
        server.clock().freeze(); // the mock's time moves only when the test moves it
        client = DwsSnapshotClient.builder()
                .endpoint(endpoint)
                .credentials(Credentials.akSk("MOCKACCESSKEY0000000", "MockSecretKeyForLocalDevelopmentOnly0000"))
                .projectId(PROJECT)
                .sleeper(delay -> server.clock().advance(delay)) // waiting moves the mock's clock instead
                .build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void createsWaitsFindsAndDeletes() {
        Snapshot snapshot = SnapshotLifecycleExample.run(client, CLUSTER, "nightly-1");

        assertThat(snapshot.status()).isEqualTo(SnapshotStatus.AVAILABLE);
        assertThat(snapshot.finished()).isEqualTo(snapshot.started().plus(Duration.ofMinutes(10)));
        assertThatThrownBy(() -> client.listSnapshotDetails(snapshot.id())) // deleted: gone
                .isInstanceOfSatisfying(
                        DwsServiceException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("DWS.5149"));
    }

    @Test
    void aSnapshotThatFailsEndsTheWait() {
        server.failNextSnapshots(PROJECT, CLUSTER, 1);
        String id = client.createSnapshot("nightly-2", CLUSTER).id();

        assertThatThrownBy(() -> client.waitUntilAvailable(id))
                .isInstanceOfSatisfying(SnapshotWaitException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SnapshotWaitException.Reason.UNAVAILABLE);
                    assertThat(e.lastStatus()).isEqualTo(SnapshotStatus.UNAVAILABLE);
                });
    }

    @Test
    void seededSnapshotsInAnyState() {
        String automated = server.addSnapshot(
                SnapshotSeed.builder().name("auto-1").type("AUTO").build());
        String creating = server.addSnapshot(SnapshotSeed.builder()
                .name("manual-1")
                .status("CREATING")
                .started(server.clock().now())
                .build());

        // neither an automated snapshot nor one still being taken can be deleted
        assertThatThrownBy(() -> client.deleteSnapshot(automated))
                .isInstanceOfSatisfying(
                        DwsServiceException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("DWS.0001"));
        assertThatThrownBy(() -> client.deleteSnapshot(creating))
                .isInstanceOfSatisfying(
                        DwsServiceException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("DWS.0001"));

        server.clock().advance(Duration.ofMinutes(10));
        assertThat(client.listSnapshotDetails(creating).status()).isEqualTo(SnapshotStatus.AVAILABLE);
        client.deleteSnapshot(creating);
    }
}
