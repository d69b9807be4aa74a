package org.opendws.snapshot.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.auth.Credentials;

/** Building a client: endpoints, defaults from the environment, and refusals that say what is missing. */
class BuilderTest {
    private static final String PROJECT = DwsSnapshotClientTest.PROJECT;

    private static DwsSnapshotClient.Builder withCredentials() {
        return DwsSnapshotClient.builder()
                .credentials(Credentials.akSk("AK", "SK"))
                .projectId(PROJECT)
                .environment(name -> null);
    }

    @Test
    void aRegionGivesItsPublicEndpoint() {
        try (DwsSnapshotClient client = withCredentials().region("cn-north-4").build()) {
            assertThat(client.endpoint()).isEqualTo(URI.create("https://dws.cn-north-4.myhuaweicloud.com"));
        }
        assertThatThrownBy(() -> DwsSnapshotClient.builder().region("cn-north-4/evil"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEndpointIsTakenAsGivenWithoutATrailingSlash() {
        try (DwsSnapshotClient client =
                withCredentials().endpoint("http://localhost:8080/").build()) {
            assertThat(client.endpoint()).isEqualTo(URI.create("http://localhost:8080"));
        }
        assertThatThrownBy(() -> DwsSnapshotClient.builder().endpoint("ftp://host"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DwsSnapshotClient.builder().endpoint("localhost:8080"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exactlyOneOfRegionAndEndpoint() {
        assertThatThrownBy(() -> withCredentials().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no endpoint");
        assertThatThrownBy(() -> withCredentials()
                        .region("cn-north-4")
                        .endpoint("http://localhost:8080")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not both");
    }

    @Test
    void aMissingProjectIdOrCredentialNamesTheVariable() {
        assertThatThrownBy(() -> DwsSnapshotClient.builder()
                        .region("cn-north-4")
                        .credentials(Credentials.akSk("A", "S"))
                        .environment(name -> null)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HUAWEICLOUD_SDK_PROJECT_ID");
        assertThatThrownBy(() -> DwsSnapshotClient.builder()
                        .region("cn-north-4")
                        .projectId(PROJECT)
                        .environment(Map.of("HUAWEICLOUD_SDK_PROJECT_ID", PROJECT)::get)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HUAWEICLOUD_SDK_AK");
    }

    @Test
    void timeoutsMustBeAtLeastAMillisecond() {
        assertThatThrownBy(() -> DwsSnapshotClient.builder().connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DwsSnapshotClient.builder().readTimeout(Duration.ofNanos(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShowsTheSettingsButNoSecret() {
        try (DwsSnapshotClient client = DwsSnapshotClient.builder()
                .region("cn-north-4")
                .credentials(Credentials.akSk("VISIBLEAK", "HIDDENSK", "HIDDENTOKEN"))
                .projectId(PROJECT)
                .build()) {
            assertThat(client.toString())
                    .contains("cn-north-4", PROJECT, "VISIBLEAK", "connectTimeout=PT1M", "readTimeout=PT2M")
                    .doesNotContain("HIDDENSK", "HIDDENTOKEN");
        }
    }
}
