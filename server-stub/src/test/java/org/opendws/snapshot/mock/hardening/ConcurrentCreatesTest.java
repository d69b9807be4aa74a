package org.opendws.snapshot.mock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.mock.DwsMockServer;
import org.opendws.snapshot.mock.World;
import org.opendws.snapshot.mock.support.DwsHttp;

/**
 * 64 threads make 10,000 creates, half of unique names, half of 250 names that collide (in
 * varying case), signed with AK/SK or sent with the IAM token: every 200 is stored exactly
 * once and listed by the admin API under its name, every collision is a 400 naming the
 * duplicate, no snapshot id and no request id repeats, and the journal holds every request
 * with the status it got.
 */
class ConcurrentCreatesTest {
    private static final int THREADS = 64;
    private static final int REQUESTS = 10_000;
    private static final int COLLIDING_NAMES = 250;
    private static final String PROJECT = HostileGenerators.PROJECT;
    private static final String CLUSTER = HostileGenerators.CLUSTER;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One create and its answer. */
    private record Outcome(String name, int status, String requestId, String snapshotId, String message) {}

    @Test
    void everyCreateIsAnsweredStoredAndJournaledExactlyOnce() throws Exception {
        List<String> names = names();
        try (DwsMockServer mock = DwsMockServer.builder()
                .property("dws.mock.journal.size", "20000")
                .start()) {
            List<Outcome> outcomes = createAll(mock, names);

            assertThat(outcomes).hasSize(REQUESTS);
            assertThat(outcomes).extracting(Outcome::status).containsOnly(200, 400);
            List<Outcome> created =
                    outcomes.stream().filter(o -> o.status() == 200).toList();
            List<Outcome> refused =
                    outcomes.stream().filter(o -> o.status() == 400).toList();
            assertThat(refused)
                    .allSatisfy(
                            o -> assertThat(o.message()).contains("a snapshot named " + o.name() + " already exists"));

            // exactly one 200 per name, compared without regard to case
            Map<String, Long> createdPerName = created.stream()
                    .collect(Collectors.groupingBy(o -> o.name().toLowerCase(Locale.ROOT), Collectors.counting()));
            Set<String> distinctNames =
                    names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            assertThat(createdPerName.keySet()).isEqualTo(distinctNames);
            assertThat(createdPerName.values()).containsOnly(1L);
            assertThat(refused).hasSize(REQUESTS - distinctNames.size());

            // no id repeated, each listed by the admin API under its name
            Set<String> snapshotIds = created.stream().map(Outcome::snapshotId).collect(Collectors.toSet());
            assertThat(snapshotIds).hasSize(created.size());
            assertThat(outcomes.stream().map(Outcome::requestId).collect(Collectors.toSet()))
                    .hasSize(REQUESTS);
            JsonNode listed = admin(mock, "/__admin/snapshots?project_id=" + PROJECT);
            assertThat(listed.path("count").asInt()).isEqualTo(created.size());
            Map<String, String> listedNames = new HashMap<>();
            listed.path("snapshots")
                    .forEach(s -> listedNames.put(
                            s.path("id").asText(), s.path("name").asText()));
            assertThat(listedNames).hasSize(created.size());
            for (Outcome o : created) {
                assertThat(listedNames.get(o.snapshotId()))
                        .as("stored under its name: %s", o)
                        .isEqualTo(o.name());
            }

            // the journal holds every request, with the status it got
            JsonNode journal = admin(mock, "/__admin/journal");
            Map<String, Integer> journaled = new HashMap<>();
            journal.path("entries")
                    .forEach(e -> journaled.put(
                            e.path("request_id").asText(), e.path("status").asInt()));
            assertThat(journal.path("entries").size()).isEqualTo(REQUESTS);
            Map<String, Integer> answered =
                    outcomes.stream().collect(Collectors.toMap(Outcome::requestId, Outcome::status));
            assertThat(journaled).isEqualTo(answered);
        }
    }

    /** 5,000 unique names and 5,000 uses of 250 names, each at least once, in random case, shuffled. */
    private static List<String> names() {
        Random random = new Random(20261128);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < REQUESTS / 2; i++) {
            names.add("unique-" + i);
        }
        for (int i = 0; i < REQUESTS / 2; i++) {
            String name = "collide-" + (i < COLLIDING_NAMES ? i : random.nextInt(COLLIDING_NAMES));
            StringBuilder cased = new StringBuilder();
            for (char c : name.toCharArray()) {
                cased.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
            }
            names.add(cased.toString());
        }
        Collections.shuffle(names, random);
        return names;
    }

    private static List<Outcome> createAll(DwsMockServer mock, List<String> names) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<Outcome>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<Outcome> mine = new ArrayList<>();
                    start.await();
                    try (RawConnection connection = new RawConnection(mock.port())) {
                        for (int i = thread; i < names.size(); i += THREADS) {
                            mine.add(create(mock, connection, names.get(i), i % 2 == 0));
                        }
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<Outcome> all = new ArrayList<>();
            for (Future<List<Outcome>> future : futures) {
                all.addAll(future.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome create(DwsMockServer mock, RawConnection connection, String name, boolean signed)
            throws Exception {
        String path = "/v1.0/" + PROJECT + "/snapshots";
        byte[] body = ("{\"snapshot\":{\"name\":\"" + name + "\",\"cluster_id\":\"" + CLUSTER + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        if (signed) {
            headers.putAll(DwsHttp.signPost(
                    Clock.systemUTC(),
                    "127.0.0.1:" + mock.port(),
                    path,
                    headers,
                    body,
                    Credentials.akSk(World.DEFAULT_ACCESS_KEY, World.DEFAULT_SECRET_KEY)));
        } else {
            headers.put("X-Auth-Token", World.DEFAULT_TOKEN);
        }
        RawRequest request = RawRequest.of("POST", path).headers(headers);
        request = request.body(body, RawRequest.Framing.LENGTH);
        RawConnection.Answer answer = connection.exchange(request.bytes(mock.port()), false);
        ErrorContract.check(request, answer, false, false);
        JsonNode json = JSON.readTree(answer.body());
        return new Outcome(
                name,
                answer.status(),
                answer.header("X-Request-Id"),
                json.path("snapshot").path("id").asText(null),
                json.path("error_msg").asText(null));
    }

    private static JsonNode admin(DwsMockServer mock, String path) throws Exception {
        try (RawConnection connection = new RawConnection(mock.port())) {
            RawConnection.Answer answer =
                    connection.exchange(RawRequest.of("GET", path).bytes(mock.port()), false);
            assertThat(answer.status()).isEqualTo(200);
            return JSON.readTree(answer.body());
        }
    }
}
