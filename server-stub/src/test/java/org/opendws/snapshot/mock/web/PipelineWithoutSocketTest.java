package org.opendws.snapshot.mock.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.mock.journal.Journal;
import org.opendws.snapshot.mock.world.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole pipeline driven without a socket (as WireMock's DirectCallHttpServer drives its core):
 * no server is started, the requests go to the application's handler in memory, through the same
 * {@link MockPipeline}, gateway, operation, journal and error mapper as over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureWebTestClient
class PipelineWithoutSocketTest {
    private static final String PATH = "/v1.0/" + World.DEFAULT_PROJECT_ID + "/snapshots";

    @Autowired
    private WebTestClient client;
    @Autowired
    private Journal journal;

    @Test
    void aCreateGoesTheWholeWay() {
        String id = client.post().uri(PATH).header("X-Auth-Token", World.DEFAULT_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"snapshot\":{\"name\":\"in-memory\",\"cluster_id\":\"" + World.DEFAULT_CLUSTER_ID + "\"}}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.snapshot.id").isNotEmpty()
                .returnResult().getResponseHeaders().getFirst("X-Request-Id");

        List<Journal.Entry> entries = journal.entries();
        assertThat(entries.get(entries.size() - 1)).extracting(Journal.Entry::requestId, Journal.Entry::status)
                .containsExactly(id, 200);
    }

    @Test
    void aRefusalComesFromTheOneErrorMapper() {
        client.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(401)
                .expectHeader().exists("X-Request-Id")
                .expectBody(Map.class).value(body -> assertThat(body)
                        .containsEntry("error_code", "APIGW.0301")
                        .containsKey("request_id"));
    }
}
