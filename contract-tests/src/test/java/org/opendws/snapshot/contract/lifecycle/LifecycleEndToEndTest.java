package org.opendws.snapshot.contract.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.client.CreatedSnapshot;
import org.opendws.snapshot.client.DwsSnapshotClient;
import org.opendws.snapshot.client.ListClusterSnapshotsRequest;
import org.opendws.snapshot.client.Snapshot;
import org.opendws.snapshot.client.SnapshotStatus;
import org.opendws.snapshot.client.WaitOptions;
import org.opendws.snapshot.client.error.BadRequestException;
import org.opendws.snapshot.client.error.DwsConnectionException;
import org.opendws.snapshot.client.retry.RetryPolicy;
import org.opendws.snapshot.client.retry.Sleeper;
import org.opendws.snapshot.mock.DwsMockServer;
import org.opendws.snapshot.mock.SnapshotSeed;
import org.opendws.snapshot.mock.SnapshotView;
import org.opendws.snapshot.mock.World;

/**
 * The "done when", with our client against the embedded mock: create a snapshot, wait
 * until it is AVAILABLE, find it by paging the cluster's list, delete it, and get 400 DWS.5149
 * for its detail afterwards; once on the real clock, once on the mock clock frozen and moved only
 * by the waiter's sleeps. And the safe create retry: a create whose answer is lost is recovered by
 * the retry, leaving exactly one snapshot.
 */
class LifecycleEndToEndTest {
    private static final String CLUSTER = World.DEFAULT_CLUSTER_ID;

    @Test
    void createWaitFindDeleteOnTheRealClock() {
        try (DwsMockServer mock = DwsMockServer.builder()
                        .property("dws.mock.snapshot.creation-time", "1s")
                        .start();
                DwsSnapshotClient client = client(mock.baseUrl(), Sleeper.THREAD_SLEEP, RetryPolicy.none())) {
            seedOtherSnapshots(mock);

            walkThroughTheLifecycle(
                    client,
                    WaitOptions.builder()
                            .initialInterval(Duration.ofMillis(200))
                            .maxInterval(Duration.ofMillis(500))
                            .build());
        }
    }

    @Test
    void createWaitFindDeleteOnAFrozenMockClockThatOnlyTheWaiterMoves() {
        try (DwsMockServer mock = DwsMockServer.builder().start()) {
            mock.clock().freeze();
            Instant frozenAt = mock.clock().now();
            seedOtherSnapshots(mock);
            // the waiter's sleeps move the mock's time instead of the thread's: no real waiting
            try (DwsSnapshotClient client =
                    client(mock.baseUrl(), delay -> mock.clock().advance(delay), RetryPolicy.none())) {

                walkThroughTheLifecycle(client, WaitOptions.defaults());
            }
            assertThat(mock.clock().frozen()).isTrue();
            assertThat(mock.clock().now())
                    .as("moved by the waiter past the default creation time of 5 s")
                    .isAfterOrEqualTo(frozenAt.plusSeconds(5));
        }
    }

    @Test
    void aCreateWhoseAnswerIsLostIsRecoveredByTheRetry() throws IOException {
        try (DwsMockServer mock = DwsMockServer.builder().start();
                AnswerLosingProxy proxy = AnswerLosingProxy.start(mock.port());
                DwsSnapshotClient client = client(proxy.baseUrl(), delay -> {}, retryingConnectionFailures())) {

            CreatedSnapshot created = client.createSnapshot("nightly-answer-lost", CLUSTER);

            assertThat(proxy.lostAnswers()).isEqualTo(1);
            assertThat(created.recovered()).isTrue();
            assertThat(mock.snapshots()).singleElement().satisfies(s -> {
                assertThat(s.id()).isEqualTo(created.id());
                assertThat(s.name()).isEqualTo("nightly-answer-lost");
            });
        }
    }

    @Test
    void withoutRecoveryTheRetryFailsOnTheTakenNameAndStillOneSnapshotExists() throws IOException {
        try (DwsMockServer mock = DwsMockServer.builder().start();
                AnswerLosingProxy proxy = AnswerLosingProxy.start(mock.port());
                DwsSnapshotClient client = DwsSnapshotClient.builder()
                        .endpoint(proxy.baseUrl())
                        .credentials(Credentials.akSk(World.DEFAULT_ACCESS_KEY, World.DEFAULT_SECRET_KEY))
                        .projectId(World.DEFAULT_PROJECT_ID)
                        .retryPolicy(retryingConnectionFailures())
                        .sleeper(delay -> {})
                        .recoverCreateRetries(false)
                        .build()) {

            BadRequestException refused = catchThrowableOfType(
                    BadRequestException.class, () -> client.createSnapshot("nightly-answer-lost", CLUSTER));

            assertThat(refused.errorCode()).isEqualTo("DWS.0001");
            assertThat(refused.getSuppressed()).singleElement().isInstanceOf(DwsConnectionException.class);
            assertThat(mock.snapshots()).extracting(SnapshotView::name).containsExactly("nightly-answer-lost");
        }
    }

    private static void walkThroughTheLifecycle(DwsSnapshotClient client, WaitOptions waiting) {
        CreatedSnapshot created = client.createSnapshot("nightly-e2e", CLUSTER, "done when of issue 22");

        Snapshot available = client.waitUntilAvailable(created.id(), waiting);
        assertThat(available.status()).isEqualTo(SnapshotStatus.AVAILABLE);
        assertThat(available.finished()).isNotNull();
        assertThat(available.size()).isPositive();

        // a page of two at a time: the cluster holds four, so the new one is found by paging
        Snapshot found = client
                .listClusterSnapshotsPaginator(ListClusterSnapshotsRequest.builder()
                        .clusterId(CLUSTER)
                        .limit(2)
                        .build())
                .stream()
                .filter(s -> s.id().equals(created.id()))
                .findFirst()
                .orElseThrow();
        assertThat(found).isEqualTo(available);

        client.deleteSnapshot(created.id());

        BadRequestException gone =
                catchThrowableOfType(BadRequestException.class, () -> client.listSnapshotDetails(created.id()));
        assertThat(gone.status()).isEqualTo(400);
        assertThat(gone.errorCode()).isEqualTo("DWS.5149");
    }

    /** Three older snapshots of the cluster, so that paging has more than one page. */
    private static void seedOtherSnapshots(DwsMockServer mock) {
        for (int i = 1; i <= 3; i++) {
            mock.addSnapshot(SnapshotSeed.builder()
                    .name("older-" + i)
                    .started(mock.clock().now().minus(Duration.ofHours(i + 1)))
                    .build());
        }
    }

    private static RetryPolicy retryingConnectionFailures() {
        return RetryPolicy.builder()
                .maxAttempts(3)
                .retryOnConnectionFailure(true)
                .build();
    }

    private static DwsSnapshotClient client(String endpoint, Sleeper sleeper, RetryPolicy retries) {
        return DwsSnapshotClient.builder()
                .endpoint(endpoint)
                .credentials(Credentials.akSk(World.DEFAULT_ACCESS_KEY, World.DEFAULT_SECRET_KEY))
                .projectId(World.DEFAULT_PROJECT_ID)
                .retryPolicy(retries)
                .sleeper(sleeper)
                .build();
    }
}
