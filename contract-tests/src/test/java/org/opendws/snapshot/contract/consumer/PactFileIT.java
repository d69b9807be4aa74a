package org.opendws.snapshot.contract.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.support.BuiltToolConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opendws.snapshot.contract.Pacts;

/** The pact file the consumer tests wrote: reproducible, and its headers whole. */
class PactFileIT {
    /** Every consumer test class, one test per interaction. */
    static final List<Class<?>> CONSUMER_TESTS = List.of(
            CreateSnapshotConsumerPactTest.class,
            ListSnapshotsConsumerPactTest.class,
            ListClusterSnapshotsConsumerPactTest.class,
            ListSnapshotDetailsConsumerPactTest.class,
            DeleteSnapshotConsumerPactTest.class);

    /**
     * The consumer tests run a second time here, in another JVM than the build's first run, at
     * another time and against mock servers on other ports, into the directory failsafe names in
     * {@code pact.rootDir}; the files must equal those of the first run in {@code pact.dir}.
     */
    @Test
    void aSecondRunOfTheConsumerTestsWritesTheSameBytes() throws IOException {
        Path first = Pacts.directory();
        Path second = Path.of(BuiltToolConfig.INSTANCE.getPactDirectory());
        assertThat(second.toAbsolutePath().normalize())
                .as("the second run's directory")
                .isNotEqualTo(first.toAbsolutePath().normalize());
        deleteRecursively(second);

        EngineTestKit.engine("junit-jupiter")
                .selectors(CONSUMER_TESTS.stream()
                        .map(DiscoverySelectors::selectClass)
                        .toArray(DiscoverySelector[]::new))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(Pacts.ALL.size()).succeeded(Pacts.ALL.size()));

        assertThat(fileNames(second)).isNotEmpty().isEqualTo(fileNames(first));
        for (String name : fileNames(first)) {
            byte[] before = Files.readAllBytes(first.resolve(name));
            byte[] after = Files.readAllBytes(second.resolve(name));
            // compared as text first, for a readable difference, then as bytes
            assertThat(new String(after, StandardCharsets.UTF_8))
                    .as(name)
                    .isEqualTo(new String(before, StandardCharsets.UTF_8));
            assertThat(after).as(name).isEqualTo(before);
        }
    }

    /**
     * The {@code Authorization} value has commas. A V3 pact file would store it as one string that
     * Pact JVM's reader splits at them; this V4 file stores it as a one-element array, which the
     * reader keeps whole, so the provider replays (and the 401 case keeps) the whole header.
     */
    @Test
    void keepsTheAuthorizationHeaderOneWholeValue() throws IOException {
        JsonNode file = new ObjectMapper().readTree(Pacts.file().toFile());
        V4Pact pact = Pacts.load();

        assertThat(file.path("interactions")).hasSize(Pacts.ALL.size()).allSatisfy(interaction -> {
            JsonNode authorization = interaction.path("request").path("headers").path("Authorization");
            assertThat(authorization.isArray())
                    .as("Authorization stored as an array")
                    .isTrue();
            assertThat(authorization)
                    .singleElement()
                    .satisfies(value ->
                            assertThat(value.asText()).matches(CreateSnapshotConsumerPactTest.AUTHORIZATION_REGEX));
        });
        assertThat(pact.getInteractions())
                .allSatisfy(interaction -> assertThat(((V4Interaction.SynchronousHttp) interaction)
                                .getRequest()
                                .getHeaders()
                                .get("Authorization"))
                        .singleElement()
                        .asString()
                        .matches(CreateSnapshotConsumerPactTest.AUTHORIZATION_REGEX));
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
