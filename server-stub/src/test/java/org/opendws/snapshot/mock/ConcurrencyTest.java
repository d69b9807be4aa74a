package org.opendws.snapshot.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendws.snapshot.mock.support.DwsHttp.PROJECT;
import static org.opendws.snapshot.mock.support.DwsHttp.body;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.mock.store.SnapshotStore;
import org.opendws.snapshot.mock.support.DwsHttp.Response;
import org.opendws.snapshot.mock.support.MockServerTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/** Of concurrent creates of one name, exactly one succeeds. */
class ConcurrencyTest extends MockServerTestBase {
    @Autowired
    private SnapshotStore store;

    @Test
    void fiftyConcurrentCreatesOfOneNameGiveExactlyOne200() throws Exception {
        int n = 50;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<CompletableFuture<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // the same name in varying case: they all collide
                String name = i % 2 == 0 ? "race-name" : "RACE-name";
                futures.add(CompletableFuture.supplyAsync(
                        () -> {
                            await(start);
                            return http.create(body(name));
                        },
                        pool));
            }
            start.countDown();
            List<Response> responses =
                    futures.stream().map(CompletableFuture::join).toList();

            assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
            assertThat(responses)
                    .filteredOn(r -> r.status() == 400)
                    .hasSize(n - 1)
                    .allSatisfy(r -> assertThat(r.code()).isEqualTo("DWS.0001"))
                    .allSatisfy(r -> assertThat(r.message()).contains("already exists"));
            assertThat(store.list(PROJECT, java.time.Instant.parse("9999-01-01T00:00:00Z")))
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
