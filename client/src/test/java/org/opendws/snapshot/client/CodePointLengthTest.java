package org.opendws.snapshot.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.client.error.DwsConnectionException;
import org.opendws.snapshot.client.error.DwsValidationException;
import org.opendws.snapshot.client.retry.RetryPolicy;

/**
 * Lengths are counted in code points, as the document counts them, by the {@code @CodePointLength}
 * the generated model carries: 256 emoji are a valid description (512 UTF-16 units), 257 are not,
 * and the rule broken says so. A valid request goes on to the (closed) port.
 */
class CodePointLengthTest {
    private static final String PROJECT = "89cd04f168b84af6be287f71730fdb4b";
    private static final String CLUSTER = "44b277eb-39be-4921-be31-3d61b43651d7";
    private static final String EMOJI = "\ud83d\ude00";
    private static DwsSnapshotClient client;

    @BeforeAll
    static void build() {
        client = client(PROJECT);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void twoHundredFiftySixEmojiAreAValidDescription() {
        assertThatThrownBy(() -> client.createSnapshot("emoji-ok", CLUSTER, EMOJI.repeat(256)))
                .isInstanceOf(DwsConnectionException.class);
    }

    @Test
    void twoHundredFiftySevenAreTooMany() {
        assertThatThrownBy(() -> client.createSnapshot("emoji-too-many", CLUSTER, EMOJI.repeat(257)))
                .isInstanceOfSatisfying(
                        DwsValidationException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("snapshot.description");
                            assertThat(v.rule()).isEqualTo("length must be between 0 and 256 code points");
                        }));
    }

    @Test
    void theProjectIdIsCountedInCodePointsToo() {
        // 32 UTF-16 units, 16 code points: too short, besides not matching the pattern
        try (DwsSnapshotClient emoji = client(EMOJI.repeat(16))) {
            assertThatThrownBy(() -> emoji.createSnapshot("emoji-project", CLUSTER))
                    .isInstanceOfSatisfying(
                            DwsValidationException.class,
                            e -> assertThat(e.violations())
                                    .extracting(DwsValidationException.Violation::rule)
                                    .contains("length must be between 32 and 32 code points"));
        }
    }

    @Test
    void aGivenProjectIdIsValidatedAsGivenNotTrimmed() {
        try (DwsSnapshotClient padded = client(PROJECT + " ")) {
            assertThatThrownBy(() -> padded.createSnapshot("padded-project", CLUSTER))
                    .isInstanceOfSatisfying(
                            DwsValidationException.class,
                            e -> assertThat(e.violations())
                                    .isNotEmpty()
                                    .allSatisfy(v -> assertThat(v.field()).isEqualTo("project_id")));
        }
    }

    private static DwsSnapshotClient client(String projectId) {
        return DwsSnapshotClient.builder()
                .endpoint("http://127.0.0.1:9") // nothing listens: a valid request fails to connect
                .credentials(Credentials.token("token"))
                .projectId(projectId)
                .retryPolicy(RetryPolicy.none())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }
}
