package org.opendws.snapshot.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The Host header that is signed is the one the transport sends. */
class AuthenticatingClientTest {
    @Test
    void theHostHeaderKeepsOnlyANonDefaultPort() {
        assertThat(AuthenticatingClient.hostHeader(
                        URI.create("https://dws.cn-north-4.myhuaweicloud.com/v1.0/p/snapshots")))
                .isEqualTo("dws.cn-north-4.myhuaweicloud.com");
        assertThat(AuthenticatingClient.hostHeader(URI.create("https://h:443/x")))
                .isEqualTo("h");
        assertThat(AuthenticatingClient.hostHeader(URI.create("http://h:80/x"))).isEqualTo("h");
        assertThat(AuthenticatingClient.hostHeader(URI.create("http://127.0.0.1:8080/x")))
                .isEqualTo("127.0.0.1:8080");
        assertThat(AuthenticatingClient.hostHeader(URI.create("https://h:8443/x")))
                .isEqualTo("h:8443");
    }
}
