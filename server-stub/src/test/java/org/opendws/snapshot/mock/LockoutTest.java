package org.opendws.snapshot.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendws.snapshot.mock.CreateSnapshotTest.assertError;
import static org.opendws.snapshot.mock.support.DwsHttp.PATH;
import static org.opendws.snapshot.mock.support.DwsHttp.PROJECT;
import static org.opendws.snapshot.mock.support.DwsHttp.body;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.mock.support.DwsHttp.Response;
import org.opendws.snapshot.mock.support.MockServerTestBase;

/** An AK is locked for 5 minutes after more than 5 failed signatures in a row; other AKs are not. */
class LockoutTest extends MockServerTestBase {
    private static final String AK = World.DEFAULT_ACCESS_KEY;
    private static final String OTHER_AK = "OTHERACCESSKEY000000";

    private Response good(String name) {
        return http.create(body(name));
    }

    private Response bad() {
        return http.createAs(PATH, body("bad-signature"), AK, "not-the-secret-key", Map.of());
    }

    @Test
    void sixFailuresInARowLockTheAkForFiveMinutes() {
        for (int i = 0; i < 6; i++) {
            assertThat(bad().message()).contains("signature does not match");
        }

        Response locked = good("while-locked");
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        Response stillLocked = good("still-locked");
        clock.advance(Duration.ofSeconds(1));
        Response unlocked = good("unlocked");

        assertError(locked, 401, "APIGW.0301");
        assertThat(locked.message()).contains("the AK " + AK + " is locked for another 300 s");
        assertError(stillLocked, 401, "APIGW.0301");
        assertThat(unlocked.status()).as(unlocked.body()).isEqualTo(200);
    }

    @Test
    void fiveFailuresDoNotLock() {
        for (int i = 0; i < 5; i++) {
            bad();
        }

        assertThat(good("after-five").status()).isEqualTo(200);
    }

    @Test
    void aGoodSignatureEndsTheRun() {
        for (int i = 0; i < 5; i++) {
            bad();
        }
        good("in-between");
        for (int i = 0; i < 5; i++) {
            bad();
        }

        assertThat(good("after-ten").status()).isEqualTo(200);
    }

    @Test
    void otherAksAreUnaffected() {
        http.admin("PUT", "/credentials/" + OTHER_AK, "{\"sk\":\"other-secret\",\"projects\":[\"" + PROJECT + "\"]}");
        for (int i = 0; i < 6; i++) {
            bad();
        }

        Response other = http.createAs(PATH, body("other-ak"), OTHER_AK, "other-secret", Map.of());

        assertThat(other.status()).as(other.body()).isEqualTo(200);
        assertThat(good("locked-one").status()).isEqualTo(401);
    }

    @Test
    void resetUnlocks() {
        for (int i = 0; i < 6; i++) {
            bad();
        }

        http.admin("POST", "/reset", null);

        assertThat(good("after-reset").status()).isEqualTo(200);
    }
}
