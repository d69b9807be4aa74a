package org.opendws.snapshot.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendws.snapshot.mock.CreateSnapshotTest.assertError;
import static org.opendws.snapshot.mock.support.DwsHttp.PATH;
import static org.opendws.snapshot.mock.support.DwsHttp.body;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendws.snapshot.mock.support.DwsHttp;
import org.opendws.snapshot.mock.support.DwsHttp.Response;

/** {@code dws.mock.auth=token} and {@code dws.mock.auth=none}. */
class ModesTest {
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    /** Only IAM tokens. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class TokenOnly {
        private DwsMockServer mock;
        private DwsHttp http;

        @BeforeAll
        void start() {
            mock = DwsMockServer.builder().property("dws.mock.auth", "token").start();
            http = new DwsHttp(mock.baseUrl());
        }

        @AfterAll
        void stop() {
            mock.close();
        }

        @Test
        void acceptsTokens() {
            assertThat(http.createWithToken(PATH, body("by-token"), World.DEFAULT_TOKEN)
                            .status())
                    .isEqualTo(200);
        }

        @Test
        void refusesSignaturesSayingWhy() {
            Response response = http.create(body("by-signature"));

            assertError(response, 401, "APIGW.0301");
            assertThat(response.message()).contains("dws.mock.auth=token");
        }

        @Test
        void refusesRequestsWithoutToken() {
            Response response = http.send("POST", PATH, bytes(body("nothing")), JSON, false);

            assertError(response, 401, "APIGW.0301");
            assertThat(response.message()).contains("send an IAM token in X-Auth-Token");
        }
    }

    /** No authentication: for quick trials with curl. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class None {
        private DwsMockServer mock;
        private DwsHttp http;

        @BeforeAll
        void start() {
            mock = DwsMockServer.builder().property("dws.mock.auth", "none").start();
            http = new DwsHttp(mock.baseUrl());
        }

        @AfterAll
        void stop() {
            mock.close();
        }

        @Test
        void createsWithoutCredentialsAsAnonymous() {
            Response response = http.send("POST", PATH, bytes(body("curl-trial")), JSON, false);

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(mock.snapshots())
                    .filteredOn(s -> s.name().equals("curl-trial"))
                    .singleElement()
                    .satisfies(s -> assertThat(s.createdBy()).isEqualTo("anonymous"));
        }

        @Test
        void validatesTheProjectIdOfThePath() {
            Response response =
                    http.send("POST", "/v1.0/NOT-A-PROJECT/snapshots", bytes(body("bad-project")), JSON, false);

            assertError(response, 400, "DWS.0001");
            assertThat(response.message())
                    .contains("project_id: must match ^[0-9a-f]{32}$ (rejected value: NOT-A-PROJECT)")
                    .contains("project_id: length must be exactly 32");
        }

        @Test
        void stillChecksXProjectId() {
            Response response = http.send(
                    "POST",
                    PATH,
                    bytes(body("x-project")),
                    Map.of("Content-Type", "application/json", "X-Project-Id", "0123456789abcdef0123456789abcdef"),
                    false);

            assertError(response, 403, "DWS.0015");
        }

        @Test
        void stillAnswersUnknownClusters() {
            Response response = http.send(
                    "POST", PATH, bytes(body("no-cluster", "00000000-0000-4000-8000-000000000000", null)), JSON, false);

            assertError(response, 404, "DWS.0015");
        }

        @Test
        void projectsOutsideTheWorldHaveNoCluster() {
            Response response = http.send(
                    "POST", "/v1.0/0123456789abcdef0123456789abcdef/snapshots", bytes(body("elsewhere")), JSON, false);

            assertError(response, 404, "DWS.0015");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
