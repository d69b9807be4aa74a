package org.opendws.snapshot.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendws.snapshot.mock.support.DwsHttp.body;

import org.junit.jupiter.api.Test;
import org.opendws.snapshot.mock.support.DwsHttp.Response;
import org.opendws.snapshot.mock.support.MockServerTestBase;

/** GET /__admin/snapshots/count, over real HTTP. */
class SnapshotCountTest extends MockServerTestBase {

    @Test
    void countsStoredSnapshotsButNotRefusedCreates() {
        assertThat(count()).isZero();
        http.create(body("counted-1"));
        http.create(body("counted-2"));
        Response duplicate = http.create(body("COUNTED-1"));

        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(count()).isEqualTo(2);
        assertThat(http.admin("GET", "/snapshots", null).json().path("count").asLong())
                .isEqualTo(2);
    }

    @Test
    void aResetCountsZeroAgain() {
        http.create(body("before-reset"));

        http.admin("POST", "/reset", null);

        assertThat(count()).isZero();
    }

    private long count() {
        Response response = http.admin("GET", "/snapshots/count", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return response.json().path("count").asLong();
    }
}
