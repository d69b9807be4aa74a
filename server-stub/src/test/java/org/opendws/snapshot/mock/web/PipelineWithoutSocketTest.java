package org.opendws.snapshot.mock.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.mock.World;
import org.opendws.snapshot.mock.journal.Journal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole pipeline driven without a socket (as WireMock's DirectCallHttpServer drives its core):
 * no server is started, the requests go to the application in memory, through the same
 * {@link MockPipeline}, gateway, operation, journal and error mapper as over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
class PipelineWithoutSocketTest {
    private static final String PATH = "/v1.0/" + World.DEFAULT_PROJECT_ID + "/snapshots";

    @Autowired
    private MockMvc mvc;

    @Autowired
    private Journal journal;

    @Test
    void aCreateGoesTheWholeWay() throws Exception {
        String id = mvc.perform(post(PATH)
                        .header("X-Auth-Token", World.DEFAULT_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"snapshot\":{\"name\":\"in-memory\",\"cluster_id\":\"" + World.DEFAULT_CLUSTER_ID
                                + "\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.snapshot.id").isNotEmpty())
                .andReturn()
                .getResponse()
                .getHeader("X-Request-Id");

        List<Journal.Entry> entries = journal.entries();
        assertThat(entries.get(entries.size() - 1))
                .extracting(Journal.Entry::requestId, Journal.Entry::status)
                .containsExactly(id, 200);
    }

    @Test
    void aRefusalComesFromTheOneErrorMapper() throws Exception {
        mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().is(401))
                .andExpect(header().exists("X-Request-Id"))
                .andExpect(jsonPath("$.error_code").value("APIGW.0301"))
                .andExpect(jsonPath("$.request_id").isNotEmpty());
    }
}
