package org.opendws.snapshot.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.client.internal.Models;

/** The client's enums cover the document's, and times are read leniently. */
class ModelsTest {
    @Test
    void everyValueOfTheDocumentHasItsConstant() {
        assertThat(Arrays.stream(SnapshotStatus.values()).map(Enum::name))
                .containsExactlyElementsOf(
                        with(SpecDocument.schema("SnapshotStatus").path("enum"), "UNKNOWN"));
        assertThat(Arrays.stream(SnapshotType.values()).map(Enum::name))
                .containsExactlyElementsOf(
                        with(SpecDocument.schema("SnapshotType").path("enum"), "UNKNOWN"));
        for (SortKey key : SortKey.values()) {
            assertThat(Models.sortKey(key).getValue()).isEqualTo(key.name().toLowerCase(java.util.Locale.ROOT));
        }
        for (SortDir dir : SortDir.values()) {
            assertThat(Models.sortDir(dir).getValue()).isEqualTo(dir.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void timesWithOrWithoutZone() {
        Instant expected = Instant.parse("2026-12-08T03:59:23Z");
        assertThat(Models.time("2026-12-08T03:59:23Z")).isEqualTo(expected);
        assertThat(Models.time("2026-12-08T03:59:23")).isEqualTo(expected);
        assertThat(Models.time(" 2026-12-08T11:59:23+08:00 ")).isEqualTo(expected);
        assertThat(Models.time("2026-12-08T03:59:23.250Z")).isEqualTo(expected.plusMillis(250));
        assertThat(Models.time(null)).isNull();
        assertThat(Models.time("")).isNull();
        assertThat(Models.time("1666843740000")).isNull();
    }

    private static java.util.List<String> with(com.fasterxml.jackson.databind.JsonNode values, String last) {
        java.util.List<String> names = new java.util.ArrayList<>();
        values.forEach(value -> names.add(value.asText()));
        names.add(last);
        return names;
    }
}
