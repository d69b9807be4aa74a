package org.opendws.snapshot.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendws.snapshot.mock.support.DwsHttp;

/** The embedding API: another project's tests start the mock in-process with a world built in code. */
class EmbeddingTest {
    /** A world of its own, as another project would build. */
    private static final String PROJECT = "aaaabbbbccccddddeeeeffff00001111";

    private static final String CLUSTER = "0f0e0d0c-0b0a-4908-8706-050403020100";
    private static final World WORLD = World.builder()
            .project(PROJECT, CLUSTER)
            .credential("EMBEDDEDACCESSKEY000", "embedded-secret", PROJECT)
            .build();

    @Test
    void startsOnAFreePortWithAWorldBuiltInCode() {
        try (DwsMockServer mock = DwsMockServer.builder().world(WORLD).port(0).start()) {
            DwsHttp http = new DwsHttp(mock.baseUrl());
            World.Credential credential = mock.world().firstCredential();

            DwsHttp.Response response = http.createAs(
                    "/v1.0/" + PROJECT + "/snapshots",
                    DwsHttp.body("embedded", CLUSTER, null),
                    credential.accessKey(),
                    credential.secretKey(),
                    Map.of());

            assertThat(mock.baseUrl()).isEqualTo("http://127.0.0.1:" + mock.port());
            assertThat(mock.port()).isPositive();
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(mock.snapshots())
                    .singleElement()
                    .satisfies(s -> assertThat(s.createdBy()).isEqualTo("EMBEDDEDACCESSKEY000"));
            assertThat(mock.journal())
                    .singleElement()
                    .satisfies(e -> assertThat(e.status()).isEqualTo(200));
        }
    }

    @Test
    void closeStopsTheServer() {
        DwsMockServer mock = DwsMockServer.builder().start();
        int port = mock.port();

        mock.close();

        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
    }

    /** Spring Boot's server properties reach the one port (here compression), request id and all. */
    @Test
    void serverPropertiesApplyToTheOnePort() throws Exception {
        try (DwsMockServer mock = DwsMockServer.builder()
                .property("server.compression.enabled", "true")
                .property("server.compression.min-response-size", "1")
                .start()) {
            java.net.http.HttpResponse<byte[]> answer = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(mock.baseUrl() + "/__admin/world"))
                                    .header("Accept-Encoding", "gzip")
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofByteArray());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(answer.headers().firstValue("X-Request-Id")).isPresent();
            try (java.util.zip.GZIPInputStream unzipped =
                    new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(answer.body()))) {
                assertThat(new String(unzipped.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .contains(World.DEFAULT_PROJECT_ID);
            }
        }
    }

    @Test
    void propertiesReachTheServer() {
        try (DwsMockServer mock =
                DwsMockServer.builder().property("dws.mock.auth", "none").start()) {
            DwsHttp.Response response = new DwsHttp(mock.baseUrl())
                    .send(
                            "POST",
                            DwsHttp.PATH,
                            DwsHttp.body("unsigned").getBytes(),
                            Map.of("Content-Type", "application/json"),
                            false);

            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }
    }

    @Test
    void theWorldCanChangeAndBeReset() {
        try (DwsMockServer mock = DwsMockServer.builder().start()) {
            DwsHttp http = new DwsHttp(mock.baseUrl());
            String cluster = UUID.randomUUID().toString();
            mock.worldState().putCluster(World.DEFAULT_PROJECT_ID, cluster);
            assertThat(http.create(DwsHttp.body("added-cluster", cluster, null)).status())
                    .isEqualTo(200);

            mock.reset();

            assertThat(mock.snapshots()).isEmpty();
            assertThat(mock.journal()).isEmpty();
            assertThat(http.create(DwsHttp.body("removed-cluster", cluster, null))
                            .status())
                    .isEqualTo(404);
        }
    }

    @Test
    void theWorldCanBeReadAndChangedInCode() {
        try (DwsMockServer mock = DwsMockServer.builder().start()) {
            assertThat(mock.worldState()
                            .putCluster(World.DEFAULT_PROJECT_ID, new World.Cluster(CLUSTER, "dws-embedded", 1.5, 2)))
                    .isTrue();
            assertThat(mock.worldState().cluster(World.DEFAULT_PROJECT_ID, CLUSTER.toUpperCase(java.util.Locale.ROOT)))
                    .hasValue(new World.Cluster(CLUSTER, "dws-embedded", 1.5, 2));
            assertThat(mock.worldState().removeCredential(World.DEFAULT_ACCESS_KEY))
                    .isTrue();
            assertThat(mock.worldState().credential(World.DEFAULT_ACCESS_KEY)).isEmpty();
            assertThat(mock.worldState().current().credentials()).isEmpty();
        }
    }

    @Test
    void faultsCanBePlannedInCode() {
        try (DwsMockServer mock = DwsMockServer.builder().start()) {
            assertThat(mock.faults().plan(503, 2)).isEqualTo(new FaultPlan(503, 2));

            assertThat(new DwsHttp(mock.baseUrl())
                            .create(DwsHttp.body("faulted"))
                            .status())
                    .isEqualTo(503);
            assertThat(mock.faults().planned()).hasValue(new FaultPlan(503, 1));
            mock.faults().clear();
            assertThat(mock.faults().planned()).isEmpty();
            assertThatThrownBy(() -> mock.faults().plan(418, 1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theJournalShowsWhatWasSentWithoutCredentials() {
        try (DwsMockServer mock = DwsMockServer.builder().start()) {
            DwsHttp.Response response = new DwsHttp(mock.baseUrl()).create(DwsHttp.body("journaled"));

            assertThat(mock.journal()).singleElement().satisfies(entry -> {
                assertThat(entry.method()).isEqualTo("POST");
                assertThat(entry.path()).isEqualTo(DwsHttp.PATH);
                assertThat(entry.status()).isEqualTo(200);
                assertThat(entry.requestId()).isEqualTo(response.requestId());
                assertThat(entry.header("Content-Type")).startsWith("application/json");
                assertThat(entry.header("authorization")).isEqualTo("<redacted>");
                assertThat(entry.received()).isNotNull();
                assertThat(entry.body()).contains("\"name\":\"journaled\"");
                assertThat(entry.bodySize())
                        .isEqualTo(entry.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            });
        }
    }

    @Test
    void systemPropertiesOfTheHostDoNotLeakIn() {
        System.setProperty("dws.mock.auth", "none");
        try (DwsMockServer mock = DwsMockServer.builder().start()) {
            DwsHttp.Response response = new DwsHttp(mock.baseUrl())
                    .send(
                            "POST",
                            DwsHttp.PATH,
                            DwsHttp.body("unsigned").getBytes(),
                            Map.of("Content-Type", "application/json"),
                            false);

            assertThat(response.status()).isEqualTo(401);
        } finally {
            System.clearProperty("dws.mock.auth");
        }
    }

    @Test
    void theHostsApplicationPropertiesDoNotLeakIn(@TempDir Path classpathDir) throws IOException {
        Files.writeString(
                classpathDir.resolve("application.properties"), "dws.mock.auth=none\nserver.address=0.0.0.0\n");
        ClassLoader original = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader host =
                new URLClassLoader(new URL[] {classpathDir.toUri().toURL()}, original)) {
            assertThat(host.getResource("application.properties")).isNotNull();
            Thread.currentThread().setContextClassLoader(host);
            try (DwsMockServer mock = DwsMockServer.builder().start()) {
                DwsHttp.Response response = new DwsHttp(mock.baseUrl())
                        .send(
                                "POST",
                                DwsHttp.PATH,
                                DwsHttp.body("unsigned").getBytes(),
                                Map.of("Content-Type", "application/json"),
                                false);

                assertThat(response.status()).isEqualTo(401);
            }
        } finally {
            Thread.currentThread().setContextClassLoader(original);
        }
    }

    @Test
    void aWorldAndAWorldFileTogetherAreRefused() {
        assertThatThrownBy(() -> DwsMockServer.builder()
                        .world(WORLD)
                        .property("dws.mock.world", "x.yaml")
                        .start())
                .isInstanceOf(IllegalStateException.class);
    }
}
