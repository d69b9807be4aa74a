package org.opendws.snapshot.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendws.snapshot.mock.CreateSnapshotTest.assertError;
import static org.opendws.snapshot.mock.support.DwsHttp.PATH;
import static org.opendws.snapshot.mock.support.DwsHttp.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendws.snapshot.mock.store.SnapshotStore;
import org.opendws.snapshot.mock.support.DwsHttp;
import org.opendws.snapshot.mock.support.DwsHttp.Response;
import org.opendws.snapshot.mock.support.MockServerTestBase;
import org.opendws.snapshot.mock.support.SpecExamples;
import org.springframework.beans.factory.annotation.Autowired;

/** Prefer: code / example / delay on authenticated requests, and the fault and latency properties. */
class FaultInjectionTest extends MockServerTestBase {
    @Autowired
    private SnapshotStore store;

    private Response createPreferring(String name, String prefer) {
        return http.createAs(
                PATH, body(name), World.DEFAULT_ACCESS_KEY, World.DEFAULT_SECRET_KEY, Map.of("Prefer", prefer));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 500, 503})
    void preferCodeAnswersThatStatusWithTheSpecsExample(int status) {
        Response response = createPreferring("preferred", "code=" + status);

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.json()).isEqualTo(SpecExamples.example(status, response.requestId()));
        assertThat(response.headers().firstValue("Preference-Applied")).hasValue("code=" + status);
        assertThat(store.size()).isZero();
    }

    @Test
    void preferCode200AnswersTheExampleWithoutStoring() {
        Response response = createPreferring("preferred-200", "code=200");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(SpecExamples.example(200, null));
        assertThat(store.size()).isZero();
    }

    @Test
    void preferExamplePicksANamedExample() {
        Response response = createPreferring("preferred", "code=400, example=duplicate-name");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json()).isEqualTo(SpecExamples.example(400, "duplicate-name", response.requestId()));
    }

    @Test
    void preferOfAnUndocumentedStatusIsRefused() {
        Response response = createPreferring("preferred", "code=418");

        assertError(response, 400, "DWS.0001");
        assertThat(response.message()).contains("418 is not a documented status");
    }

    @Test
    void preferOfAnUnknownExampleIsRefused() {
        Response response = createPreferring("preferred", "code=400; example=nope");

        assertError(response, 400, "DWS.0001");
        assertThat(response.message()).contains("example=nope").contains("invalid-name");
    }

    @Test
    void preferIsIgnoredOnUnauthenticatedRequests() {
        Response response = http.send(
                "POST",
                PATH,
                body("anonymous").getBytes(),
                Map.of("Content-Type", "application/json", "Prefer", "code=503"),
                false);

        assertError(response, 401, "APIGW.0301");
    }

    @Test
    void unknownPreferencesAreIgnored() {
        Response response = createPreferring("ignored-preference", "respond-async, wait=10");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void preferDelayDelaysTheAnswer() {
        long start = System.nanoTime();

        Response response = createPreferring("delayed", "delay=300");

        assertThat(response.status()).isEqualTo(200);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    @Test
    void preferDelayIsBoundedByMaxDelay() {
        try (DwsMockServer mock =
                DwsMockServer.builder().property("dws.mock.max-delay", "200ms").start()) {
            long start = System.nanoTime();

            // without the bound the client's 60 s timeout would fail the test
            Response response = new DwsHttp(mock.baseUrl())
                    .createAs(
                            PATH,
                            body("bounded"),
                            World.DEFAULT_ACCESS_KEY,
                            World.DEFAULT_SECRET_KEY,
                            Map.of("Prefer", "delay=3600000"));

            assertThat(response.status()).isEqualTo(200);
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(200);
        }
    }

    @Test
    void delayedRequestsDoNotHoldBackOthers() throws Exception {
        // two workers, four requests asleep in them: without lending each sleeper's place in the
        // pool, the fifth request would wait for the sleepers
        try (DwsMockServer mock = DwsMockServer.builder()
                .property("server.tomcat.threads.max", "2")
                .start()) {
            DwsHttp client = new DwsHttp(mock.baseUrl());
            ExecutorService senders = Executors.newFixedThreadPool(4);
            try {
                List<Future<Response>> delayed = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    String name = "asleep-" + i;
                    delayed.add(senders.submit(() -> client.createAs(
                            PATH,
                            body(name),
                            World.DEFAULT_ACCESS_KEY,
                            World.DEFAULT_SECRET_KEY,
                            Map.of("Prefer", "delay=5000"))));
                }
                Thread.sleep(1_000); // the four reach the mock and fall asleep

                Response undelayed = client.create(body("awake"));

                assertThat(undelayed.status()).isEqualTo(200);
                assertThat(delayed).noneMatch(Future::isDone);
                for (Future<Response> f : delayed) {
                    assertThat(f.get().status()).isEqualTo(200);
                }
            } finally {
                senders.shutdownNow();
            }
        }
    }

    @Test
    void aFaultRateOfOneFailsEveryAuthenticatedCreate() {
        try (DwsMockServer mock = DwsMockServer.builder()
                .property("dws.mock.fault.rate", "1.0")
                .property("dws.mock.fault.statuses", "503")
                .start()) {
            DwsHttp http = new DwsHttp(mock.baseUrl());
            for (int i = 0; i < 5; i++) {
                Response response = http.create(body("random-fault-" + i));
                assertThat(response.status()).isEqualTo(503);
                assertThat(response.json()).isEqualTo(SpecExamples.example(503, response.requestId()));
            }
            assertThat(http.createWithToken(PATH, body("x"), "unknown").status())
                    .isEqualTo(401);
            assertThat(mock.snapshots()).isEmpty();
        }
    }

    @Test
    void faultsAreOffByDefault() {
        for (int i = 0; i < 20; i++) {
            assertThat(http.create(body("no-fault-" + i)).status()).isEqualTo(200);
        }
    }

    @Test
    void anUndocumentedFaultStatusStopsStartUp() {
        assertThatThrownBy(() -> DwsMockServer.builder()
                        .property("dws.mock.fault.rate", "0.5")
                        .property("dws.mock.fault.statuses", "502")
                        .start())
                .rootCause()
                .hasMessageContaining("dws.mock.fault.statuses: 502 is not a documented status");
    }

    @Test
    void aFixedLatencyDelaysEveryCreate() {
        try (DwsMockServer mock =
                DwsMockServer.builder().property("dws.mock.latency", "250ms").start()) {
            long start = System.nanoTime();

            Response response = new DwsHttp(mock.baseUrl()).create(body("slow"));

            assertThat(response.status()).isEqualTo(200);
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(250);
        }
    }

    @Test
    void aRandomLatencyStaysInItsRange() {
        try (DwsMockServer mock = DwsMockServer.builder()
                .property("dws.mock.latency.min", "150ms")
                .property("dws.mock.latency.max", "200ms")
                .start()) {
            long start = System.nanoTime();

            Response response = new DwsHttp(mock.baseUrl()).create(body("slow-random"));

            assertThat(response.status()).isEqualTo(200);
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(150);
        }
    }
}
