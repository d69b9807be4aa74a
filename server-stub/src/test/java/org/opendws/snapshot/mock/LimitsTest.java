package org.opendws.snapshot.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendws.snapshot.mock.CreateSnapshotTest.assertError;
import static org.opendws.snapshot.mock.support.DwsHttp.PATH;
import static org.opendws.snapshot.mock.support.DwsHttp.body;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendws.snapshot.mock.support.DwsHttp;
import org.opendws.snapshot.mock.support.DwsHttp.Response;

/** dws.mock.max-body-size and dws.mock.max-snapshots. */
class LimitsTest {
    private static DwsMockServer mock;
    private static DwsHttp http;

    @BeforeAll
    static void start() {
        mock = DwsMockServer.builder()
                .property("dws.mock.max-body-size", "1KB")
                .property("dws.mock.max-snapshots", "3")
                .start();
        http = new DwsHttp(mock.baseUrl());
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aBodyOfExactlyTheLimitIsAccepted(boolean chunked) {
        mock.reset();
        String json = body("at-the-limit");
        byte[] padded = (json + " ".repeat(1024 - json.length())).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new java.util.LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        headers.putAll(http.sign(
                PATH, headers, padded, "MOCKACCESSKEY0000000", "MockSecretKeyForLocalDevelopmentOnly0000", null));

        Response response = http.send("POST", PATH, padded, headers, chunked);

        assertThat(padded).hasSize(1024);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aLargerBodyIs400WithoutAuthenticating(boolean chunked) {
        byte[] large = ("{\"snapshot\":{\"name\":\"" + "x".repeat(5000) + "\"}}").getBytes(StandardCharsets.UTF_8);

        Response response = http.send("POST", PATH, large, Map.of("Content-Type", "application/json"), chunked);

        assertError(response, 400, "DWS.0001");
        assertThat(response.message())
                .isEqualTo("The request body is larger than 1024 bytes (dws.mock.max-body-size).");
    }

    @Test
    void theStoreRefusesMoreThanMaxSnapshots() {
        mock.reset();
        for (int i = 0; i < 3; i++) {
            assertThat(http.create(body("kept-" + i)).status()).isEqualTo(200);
        }

        Response fourth = http.create(body("one-too-many"));
        mock.reset();
        Response afterReset = http.create(body("one-too-many"));

        assertError(fourth, 400, "DWS.0001");
        assertThat(fourth.message()).contains("3 snapshots, its limit (dws.mock.max-snapshots)");
        assertThat(afterReset.status()).isEqualTo(200);
    }
}
