package org.opendws.snapshot.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's example is the compiled {@code example.CreateSnapshotSolution}, verbatim. */
class ReadmeTest {
    @Test
    void theReadmeExampleIsTheCompiledExample() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String example = Files.readString(Path.of("src/test/java/example/CreateSnapshotSolution.java"));

        assertThat(readme).contains("```java\n" + example + "```\n");
    }
}
