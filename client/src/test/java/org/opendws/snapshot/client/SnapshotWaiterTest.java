package org.opendws.snapshot.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opendws.snapshot.client.error.BadRequestException;
import org.opendws.snapshot.client.error.DwsException;
import org.opendws.snapshot.client.error.SnapshotWaitException;
import org.opendws.snapshot.client.error.SnapshotWaitException.Reason;
import org.opendws.snapshot.client.internal.SnapshotWaiter;
import org.opendws.snapshot.client.retry.Sleeper;

/**
 * The waiter: over real HTTP, with a sleeper that sleeps nothing (a timeout is then a short
 * real one); and, without HTTP, its backoff and deadline on a fake clock moved by the sleeper,
 * computed for the extremes of the jitter.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SnapshotWaiterTest {
    static final String DETAIL = SnapshotOperationsTest.DETAIL;
    static final String ID = SnapshotOperationsTest.SNAPSHOT_ID;

    /** The server SnapshotOperationsTest's helpers talk to; the extension starts a fresh one for each class. */
    @RegisterExtension
    static final WireMockExtension SERVER = SnapshotOperationsTest.SERVER;

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    /** A client whose sleeps are only recorded. */
    private DwsSnapshotClient client() {
        return SnapshotOperationsTest.client().sleeper(sleeps::add).build();
    }

    /** The detail answers these statuses in turn, then the last one forever. */
    private static void statuses(String... statuses) {
        for (int i = 0; i < statuses.length; i++) {
            ObjectNode body = SnapshotOperationsTest.example("listSnapshotDetails", "200", "creating")
                    .deepCopy();
            ((ObjectNode) body.get("snapshot")).put("status", statuses[i]);
            if (!statuses[i].equals("CREATING")) {
                ((ObjectNode) body.get("snapshot")).put("finished", "2026-12-08T04:01:23Z");
            }
            SnapshotOperationsTest.answer(
                    get(urlPathEqualTo(DETAIL))
                            .inScenario("lifecycle")
                            .whenScenarioStateIs(state(i))
                            .willSetStateTo(state(Math.min(i + 1, statuses.length - 1))),
                    200,
                    body);
        }
    }

    private static String state(int poll) {
        return poll == 0 ? Scenario.STARTED : "poll-" + poll;
    }

    private static int polls() {
        return SERVER.getAllServeEvents().size();
    }

    @Test
    void returnsTheSnapshotOnceItIsAvailable() {
        statuses("CREATING", "CREATING", "CREATING", "AVAILABLE");
        Snapshot snapshot;
        try (DwsSnapshotClient client = client()) {
            snapshot = client.waitUntilAvailable(ID);
        }

        assertThat(snapshot.status()).isEqualTo(SnapshotStatus.AVAILABLE);
        assertThat(snapshot.id()).isEqualTo(ID);
        assertThat(polls()).isEqualTo(4);
        assertThat(SnapshotOperationsTest.received())
                .allSatisfy(r -> SnapshotOperationsTest.assertSignedWithoutBody(r, "GET", DETAIL));
        // the defaults: 2 s, then doubling, each shortened by up to half
        assertThat(sleeps).hasSize(3);
        assertThat(sleeps.get(0)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(sleeps.get(1)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(sleeps.get(2)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void anAvailableSnapshotIsReturnedWithoutWaiting() {
        statuses("AVAILABLE");
        try (DwsSnapshotClient client = client()) {
            assertThat(client.waitUntilAvailable(ID).status()).isEqualTo(SnapshotStatus.AVAILABLE);
        }
        assertThat(sleeps).isEmpty();
    }

    @Test
    void anUnavailableSnapshotEndsTheWaitWithItsStatus() {
        statuses("CREATING", "UNAVAILABLE");
        SnapshotWaitException e;
        try (DwsSnapshotClient client = client()) {
            e = catchThrowableOfType(SnapshotWaitException.class, () -> client.waitUntilAvailable(ID));
        }

        assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(e.lastStatus()).isEqualTo(SnapshotStatus.UNAVAILABLE);
        assertThat(e.snapshotId()).isEqualTo(ID);
        assertThat(e).isInstanceOf(DwsException.class).hasMessageContaining(ID).hasMessageContaining("UNAVAILABLE");
        assertThat(polls()).isEqualTo(2);
    }

    @Test
    void otherStatesMeanWait() {
        statuses("CREATING", "RESTORING", "FROZEN", "SOMETHING_NEW", "AVAILABLE");
        try (DwsSnapshotClient client = client()) {
            assertThat(client.waitUntilAvailable(ID).status()).isEqualTo(SnapshotStatus.AVAILABLE);
        }
        assertThat(polls()).isEqualTo(5);
    }

    @Test
    void aTimeoutEndsTheWaitWithTheLastStatusAndNoSleepReachesPastIt() {
        // real time, kept short; the deadline to the nanosecond is theWaitPollsOnceMoreAtTheDeadline's
        statuses("CREATING");
        WaitOptions options = WaitOptions.builder()
                .timeout(Duration.ofMillis(400))
                .initialInterval(Duration.ofMillis(40))
                .maxInterval(Duration.ofMillis(160))
                .build();
        SnapshotWaitException e;
        try (DwsSnapshotClient client = SnapshotOperationsTest.client()
                .sleeper(delay -> {
                    sleeps.add(delay);
                    Sleeper.THREAD_SLEEP.sleep(delay);
                })
                .build()) {
            e = catchThrowableOfType(SnapshotWaitException.class, () -> client.waitUntilAvailable(ID, options));
        }

        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.lastStatus()).isEqualTo(SnapshotStatus.CREATING);
        assertThat(e.getMessage()).contains("still CREATING", "PT0.4S");
        assertThat(sleeps.stream().reduce(Duration.ZERO, Duration::plus))
                .as("no sleep reaches past the deadline")
                .isLessThanOrEqualTo(Duration.ofMillis(400));
        assertThat(polls())
                .as("one poll after each sleep, the last at the deadline")
                .isEqualTo(sleeps.size() + 1);
        // 40, 80, 160, 160, ... each between half and all of it; the last one cut at the deadline
        List<Duration> intervals = List.of(Duration.ofMillis(40), Duration.ofMillis(80), Duration.ofMillis(160));
        for (int i = 0; i < sleeps.size() - 1; i++) {
            Duration interval = intervals.get(Math.min(i, 2));
            assertThat(sleeps.get(i)).isBetween(interval.dividedBy(2), interval);
        }
    }

    @Test
    void aFailingPollEndsTheWaitWithItsOwnException() {
        SnapshotOperationsTest.answer(
                get(urlPathEqualTo(DETAIL)),
                400,
                SnapshotOperationsTest.example("listSnapshotDetails", "400", "unknown-snapshot"));
        try (DwsSnapshotClient client = client()) {
            BadRequestException e =
                    catchThrowableOfType(BadRequestException.class, () -> client.waitUntilAvailable(ID));
            assertThat(e.errorCode()).isEqualTo("DWS.5149");
        }
        assertThat(sleeps).isEmpty();
    }

    @Test
    void anInterruptedWaitThrowsAndKeepsTheInterrupt() {
        statuses("CREATING");
        try (DwsSnapshotClient client = SnapshotOperationsTest.client()
                .sleeper(delay -> {
                    throw new InterruptedException();
                })
                .build()) {
            assertThatThrownBy(() -> client.waitUntilAvailable(ID))
                    .isExactlyInstanceOf(DwsException.class)
                    .hasMessageContaining("Interrupted")
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.interrupted()).isTrue();
        }
    }

    // ---- the backoff itself, without HTTP

    private static List<Duration> sleepsOf(double random, WaitOptions options) {
        List<Duration> sleeps = new ArrayList<>();
        AtomicLong clock = new AtomicLong();
        SnapshotWaiter waiter = new SnapshotWaiter(
                id -> snapshot(SnapshotStatus.CREATING),
                delay -> {
                    sleeps.add(delay);
                    clock.addAndGet(delay.toNanos());
                },
                clock::get,
                () -> random);
        assertThatThrownBy(() -> waiter.waitUntilAvailable(ID, options)).isInstanceOf(SnapshotWaitException.class);
        return sleeps;
    }

    private static Snapshot snapshot(SnapshotStatus status) {
        return new Snapshot(ID, "snapshot-3", "", null, null, 0, status, SnapshotType.MANUAL, null, null);
    }

    @Test
    void theIntervalDoublesUpToTheMaxAndJitterTakesUpToHalfOfIt() {
        WaitOptions options = WaitOptions.builder()
                .timeout(Duration.ofSeconds(100))
                .initialInterval(Duration.ofSeconds(2))
                .maxInterval(Duration.ofSeconds(30))
                .build();

        assertThat(sleepsOf(0, options))
                .as("no jitter")
                .containsExactly(
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(16),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(10)); // cut: 2+4+8+16+30+30 = 90, 10 s left
        assertThat(sleepsOf(0.5, options))
                .as("a quarter off")
                .startsWith(
                        Duration.ofMillis(1500),
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(6),
                        Duration.ofSeconds(12),
                        Duration.ofMillis(22_500));
        assertThat(sleepsOf(Math.nextDown(1.0), options).get(0))
                .as("at most half off")
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theWaitPollsOnceMoreAtTheDeadline() {
        AtomicInteger polls = new AtomicInteger();
        AtomicLong clock = new AtomicLong();
        SnapshotWaiter waiter = new SnapshotWaiter(
                id -> snapshot(polls.incrementAndGet() == 3 ? SnapshotStatus.AVAILABLE : SnapshotStatus.CREATING),
                delay -> clock.addAndGet(delay.toNanos()),
                clock::get,
                () -> 0);
        // 1 s, then 2 s would pass the 1.5 s deadline: cut to 0.5 s, and the third poll, at the deadline, succeeds
        Snapshot snapshot = waiter.waitUntilAvailable(
                ID,
                WaitOptions.builder()
                        .timeout(Duration.ofMillis(1500))
                        .initialInterval(Duration.ofSeconds(1))
                        .maxInterval(Duration.ofSeconds(2))
                        .build());
        assertThat(snapshot.status()).isEqualTo(SnapshotStatus.AVAILABLE);
        assertThat(Duration.ofNanos(clock.get())).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void waitOptionsRefuseNonsense() {
        assertThat(WaitOptions.defaults())
                .isEqualTo(new WaitOptions(Duration.ofMinutes(30), Duration.ofSeconds(2), Duration.ofSeconds(30)));
        assertThatThrownBy(() -> WaitOptions.builder().timeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WaitOptions.builder()
                        .initialInterval(Duration.ofSeconds(-1))
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WaitOptions.builder()
                        .initialInterval(Duration.ofMinutes(1))
                        .maxInterval(Duration.ofSeconds(30))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxInterval");
        assertThatThrownBy(() -> WaitOptions.builder().maxInterval(null).build())
                .isInstanceOf(NullPointerException.class);
    }
}
