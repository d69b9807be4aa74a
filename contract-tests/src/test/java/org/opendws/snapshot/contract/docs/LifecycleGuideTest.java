package org.opendws.snapshot.contract.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.SnapshotLifecycleExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.client.DwsSnapshotClient;
import org.opendws.snapshot.client.Snapshot;
import org.opendws.snapshot.client.SnapshotStatus;
import org.opendws.snapshot.client.error.DwsServiceException;
import org.opendws.snapshot.mock.DwsMockServer;
import org.opendws.snapshot.mock.World;

/**
 * The guide "Snapshot lifecycle" of the docs site shows two files of this module verbatim (the
 * example and the test of the example), and the example does what the guide says against the
 * embedded mock: created, AVAILABLE, found by paging, deleted, then 400 {@code DWS.5149}, with
 * the mock's clock frozen and moved by the client's waits, so that no real time is slept.
 */
class LifecycleGuideTest {
    private static final Path GUIDE = Path.of("../docs/src/site/guides/05-snapshot-lifecycle.md");
    private static final Path EXAMPLES = Path.of("src/test/java/example");
    private static final String PROJECT = "89cd04f168b84af6be287f71730fdb4b";
    private static final String CLUSTER = "44b277eb-39be-4921-be31-3d61b43651d7";
    /** Longer than this test could take: the snapshot can only be AVAILABLE by the mock's clock. */
    private static final Duration CREATION_TIME = Duration.ofMinutes(20);

    @Test
    void theGuideShowsTheCompiledFilesVerbatim() throws IOException {
        String guide = Files.readString(GUIDE);
        for (String file : List.of("SnapshotLifecycleExample.java", "SnapshotLifecycleExampleTest.java")) {
            String source = Files.readString(EXAMPLES.resolve(file));
            assertThat(guide).as(file + " in " + GUIDE).contains("```java\n" + source + "```\n");
        }
    }

    @Test
    void theExampleRunsAgainstTheMockWithoutSleeping() {
        try (DwsMockServer mock = DwsMockServer.builder()
                .world(World.defaultWorld())
                .port(0)
                .property("dws.mock.snapshot.creation-time", CREATION_TIME.toString())
                .start()) {
            mock.clock().freeze();
            Instant mockStart = mock.clock().now();
            List<Duration> waits = new ArrayList<>();
            long realStart = System.nanoTime();
            try (DwsSnapshotClient client = DwsSnapshotClient.builder()
                    .endpoint(mock.baseUrl())
                    .credentials(Credentials.akSk("MOCKACCESSKEY0000000", "MockSecretKeyForLocalDevelopmentOnly0000"))
                    .projectId(PROJECT)
                    .sleeper(delay -> {
                        waits.add(delay);
                        mock.clock().advance(delay);
                    })
                    .build()) {
                Snapshot snapshot = SnapshotLifecycleExample.run(client, CLUSTER, "guide-example-1");

                assertThat(snapshot.name()).isEqualTo("guide-example-1");
                assertThat(snapshot.status()).isEqualTo(SnapshotStatus.AVAILABLE);
                assertThat(snapshot.clusterId()).isEqualTo(CLUSTER);
                assertThat(snapshot.finished()).isEqualTo(snapshot.started().plus(CREATION_TIME));
                assertThatThrownBy(() -> client.listSnapshotDetails(snapshot.id()))
                        .isInstanceOfSatisfying(DwsServiceException.class, e -> {
                            assertThat(e.status()).isEqualTo(400);
                            assertThat(e.errorCode()).isEqualTo("DWS.5149");
                        });
                assertThat(client.listSnapshots().snapshots()).noneMatch(s -> s.id().equals(snapshot.id()));
            }
            // the waiter polled more than once, and its waits are what moved the mock's clock
            assertThat(waits).hasSizeGreaterThan(1);
            Duration waited = waits.stream().reduce(Duration.ZERO, Duration::plus);
            // (started is in whole seconds: the snapshot may be done up to a second before start + creation time)
            assertThat(waited).isGreaterThanOrEqualTo(CREATION_TIME.minusSeconds(1));
            assertThat(Duration.between(mockStart, mock.clock().now())).isEqualTo(waited);
            assertThat(Duration.ofNanos(System.nanoTime() - realStart)).isLessThan(CREATION_TIME);
        }
    }
}
