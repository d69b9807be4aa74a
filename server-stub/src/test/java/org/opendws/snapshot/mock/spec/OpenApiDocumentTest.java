package org.opendws.snapshot.mock.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The document read ahead on a thread of its own is what the next load gives, once. */
class OpenApiDocumentTest {
    @Test
    void theNextLoadTakesThePreloadedReadingAndTheOneAfterReadsAgain() {
        CompletableFuture<OpenApiDocument> reading = OpenApiDocument.preload();
        OpenApiDocument preloaded = OpenApiDocument.load();
        OpenApiDocument read = OpenApiDocument.load();

        assertThat(preloaded).isSameAs(reading.join());
        assertThat(read).isNotSameAs(preloaded);
        assertThat(preloaded.bytes()).isEqualTo(read.bytes());
        assertThat(preloaded.statuses()).isEqualTo(read.statuses()).isNotEmpty();
        for (int status : read.statuses()) {
            assertThat(preloaded.examples(status)).isEqualTo(read.examples(status));
        }
        assertThat(preloaded.idRules().clusterIdProblem("not a uuid"))
                .isEqualTo(read.idRules().clusterIdProblem("not a uuid"))
                .isNotNull();
    }
}
