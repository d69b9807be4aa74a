package org.opendws.snapshot.mock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opendws.snapshot.mock.DwsMockServer;
import org.opendws.snapshot.mock.World;

/**
 * A client's connection stays open for as many requests as it sends (a server that closed it
 * after the 100th, as Tomcat's default did, made every hundredth request of a load test pay for
 * a new connection).
 */
class KeepAliveTest {

    @Test
    void oneConnectionCarriesAsManyRequestsAsTheClientSends() {
        try (DwsMockServer mock = DwsMockServer.builder().start();
                RawConnection connection = new RawConnection(mock.port())) {
            for (int i = 0; i < 500; i++) {
                RawRequest create = RawRequest.of("POST", HostileGenerators.PATH)
                        .header("X-Auth-Token", World.DEFAULT_TOKEN)
                        .json("{\"snapshot\":{\"name\":\"kept-" + i + "\",\"cluster_id\":\"" + World.DEFAULT_CLUSTER_ID
                                + "\"}}");
                RawConnection.Answer answer = connection.exchange(create.bytes(mock.port()), false);

                assertThat(answer.status()).as("request %d: %s", i, answer).isEqualTo(200);
                assertThat(answer.closed())
                        .as("request %d closed the connection", i)
                        .isFalse();
            }
            assertThat(connection.connections()).isEqualTo(1);
        }
    }
}
