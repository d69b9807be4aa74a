package org.opendws.snapshot.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Param;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.constraints.CodePointLength;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.client.generated.api.SnapshotsApiParameters;
import org.opendws.snapshot.client.generated.model.Snapshot;
import org.opendws.snapshot.client.generated.model.SnapshotResp;
import org.opendws.snapshot.client.generated.model.SortDir;
import org.opendws.snapshot.client.generated.model.SortKey;

/**
 * What the generator made of the document: ids as Strings (type mapping string+uuid=String), and
 * every constraint equal to the document's, for the body and for the path parameter, string
 * lengths in code points.
 */
class GeneratedCodeTest {
    @Test
    void idsOfFormatUuidAreStrings() throws Exception {
        assertThat(SpecDocument.snapshotProperty("cluster_id").get("format").asText())
                .isEqualTo("uuid");
        assertThat(Snapshot.class.getDeclaredField("clusterId").getType()).isEqualTo(String.class);
        assertThat(Snapshot.class.getMethod("getClusterId").getReturnType()).isEqualTo(String.class);
        assertThat(SnapshotResp.class.getDeclaredField("id").getType()).isEqualTo(String.class);
    }

    @Test
    void bodyConstraintsAreTheDocuments() throws Exception {
        assertSameRules(Snapshot.class.getMethod("getName"), SpecDocument.snapshotProperty("name"), true);
        assertSameRules(Snapshot.class.getMethod("getClusterId"), SpecDocument.snapshotProperty("cluster_id"), true);
        assertSameRules(
                Snapshot.class.getMethod("getDescription"), SpecDocument.snapshotProperty("description"), false);
        assertSameRules(
                SnapshotResp.class.getMethod("getId"),
                SpecDocument.schema("SnapshotResp").path("properties").path("id"),
                true);
    }

    @Test
    void projectIdConstraintsAreTheDocuments() throws Exception {
        Parameter projectId = SnapshotsApiParameters.class.getMethod("createSnapshot", String.class)
                .getParameters()[0];
        assertThat(projectId.getAnnotation(Param.class).value()).isEqualTo("project_id");
        assertSameRules(projectId, SpecDocument.projectIdSchema(), true);
    }

    @Test
    void everyNonBodyParameterOfTheDocumentIsAPathOrQueryParameter() {
        // SnapshotsApiParameters carries path and query parameters only; a header or cookie
        // parameter added to the document would need the template extended, and must fail here first.
        List<String> locations = new ArrayList<>();
        SpecDocument.ROOT
                .path("paths")
                .forEach(path -> path.fields().forEachRemaining(operation -> {
                    for (JsonNode parameter : operation.getValue().path("parameters")) {
                        locations.add(SpecDocument.resolve(parameter).path("in").asText());
                    }
                }));
        assertThat(locations).contains("path", "query").containsOnly("path", "query");
    }

    @Test
    void theNewParametersCarryTheDocumentsRules() throws Exception {
        JsonNode parameters = SpecDocument.ROOT.path("components").path("parameters");
        Parameter snapshotId = SnapshotsApiParameters.class.getMethod("listSnapshotDetails", String.class, String.class)
                .getParameters()[1];
        assertThat(snapshotId.getAnnotation(Param.class).value()).isEqualTo("snapshot_id");
        assertSameRules(snapshotId, parameters.path("SnapshotId").path("schema"), true);
        assertSameRules(
                SnapshotsApiParameters.class.getMethod("deleteSnapshot", String.class, String.class)
                        .getParameters()[1],
                parameters.path("SnapshotId").path("schema"),
                true);

        Parameter[] list = SnapshotsApiParameters.class
                .getMethod(
                        "listClusterSnapshots",
                        String.class,
                        String.class,
                        Integer.class,
                        Integer.class,
                        SortKey.class,
                        SortDir.class)
                .getParameters();
        assertThat(list)
                .extracting(p -> p.getAnnotation(Param.class).value())
                .containsExactly("project_id", "cluster_id", "limit", "offset", "sort_key", "sort_dir");
        assertSameRules(list[1], parameters.path("ClusterId").path("schema"), true);
        assertThat(list[2].getAnnotation(Min.class).value())
                .isEqualTo(
                        parameters.path("Limit").path("schema").path("minimum").asLong());
        assertThat(list[3].getAnnotation(Min.class).value())
                .isEqualTo(
                        parameters.path("Offset").path("schema").path("minimum").asLong());
        assertThat(list[2].getAnnotation(NotNull.class)).isNull();
        assertThat(list[3].getAnnotation(NotNull.class)).isNull();
        assertThat(SortKey.values())
                .extracting(SortKey::getValue)
                .containsExactlyElementsOf(
                        textsOf(SpecDocument.schema("SortKey").path("enum")));
        assertThat(SortDir.values())
                .extracting(SortDir::getValue)
                .containsExactlyElementsOf(
                        textsOf(SpecDocument.schema("SortDir").path("enum")));
    }

    private static List<String> textsOf(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    /** String lengths as {@code @CodePointLength} (the document counts code points), never {@code @Size}. */
    private static void assertSameRules(AnnotatedElement element, JsonNode schema, boolean required) {
        assertThat(element.getAnnotation(Pattern.class).regexp())
                .isEqualTo(schema.get("pattern").asText());
        assertThat(element.getAnnotation(Size.class))
                .as("@Size counts UTF-16 units")
                .isNull();
        CodePointLength length = element.getAnnotation(CodePointLength.class);
        Map<String, Integer> expected = Map.of(
                "min", schema.has("minLength") ? schema.get("minLength").asInt() : 0,
                "max", schema.has("maxLength") ? schema.get("maxLength").asInt() : Integer.MAX_VALUE);
        if (length == null) {
            assertThat(expected).isEqualTo(Map.of("min", 0, "max", Integer.MAX_VALUE));
        } else {
            assertThat(Map.of("min", length.min(), "max", length.max())).isEqualTo(expected);
            assertThat(length.normalizationStrategy()).isEqualTo(CodePointLength.NormalizationStrategy.NONE);
        }
        assertThat(element.getAnnotation(NotNull.class) != null).isEqualTo(required);
    }
}
