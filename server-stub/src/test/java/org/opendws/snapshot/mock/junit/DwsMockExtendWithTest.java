package org.opendws.snapshot.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opendws.snapshot.mock.DwsMockServer;
import org.opendws.snapshot.mock.World;
import org.opendws.snapshot.mock.support.DwsHttp;

/** {@code @ExtendWith(DwsMockExtension.class)}: the default world, the API page's example works. */
@ExtendWith(DwsMockExtension.class)
class DwsMockExtendWithTest {
    @Test
    void runsTheDefaultWorld(DwsMockServer server) {
        DwsHttp.Response response = new DwsHttp(server.baseUrl()).create(DwsHttp.body("snapshot-3"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(server.world()).isEqualTo(World.defaultWorld());
    }
}
