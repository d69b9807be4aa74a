package org.opendws.snapshot.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendws.snapshot.client.error.DwsValidationException;
import org.opendws.snapshot.client.error.DwsValidationException.Violation;
import org.opendws.snapshot.client.generated.model.CreateSnapshotRequestBody;
import org.opendws.snapshot.client.generated.model.Snapshot;
import org.opendws.snapshot.client.internal.RequestValidator;

/**
 * The client's validation accepts and rejects exactly what the API document allows. Each row says
 * what the API page demands; the test checks that the client agrees with the row AND that the row
 * agrees with the document's own schema (read from the packaged YAML, not from generated code).
 */
class RequestValidationTest {
    static final String PROJECT = "89cd04f168b84af6be287f71730fdb4b";
    static final String CLUSTER = "44b277eb-39be-4921-be31-3d61b43651d7";
    static final String NAME = "snapshot-3";

    private static final RequestValidator VALIDATOR = new RequestValidator();

    @AfterAll
    static void close() {
        VALIDATOR.close();
    }

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("abc", false), // 3 characters
                Arguments.of("1abc", false), // starts with a digit
                Arguments.of("ab c", false), // a space
                Arguments.of("snap!shot", false),
                Arguments.of("_abc", false),
                Arguments.of("-abc", false),
                Arguments.of("abcd\n", false), // a final line break is not the end of the value
                Arguments.of("snäp", false), // letters are ASCII letters
                Arguments.of("snap", true),
                Arguments.of("a" + "b".repeat(63), true), // 64
                Arguments.of("Snap_shot-1", true),
                Arguments.of("a" + "b".repeat(64), false)); // 65
    }

    @ParameterizedTest(name = "name \"{0}\" accepted: {1}")
    @MethodSource("names")
    void names(String name, boolean accepted) {
        assertAgrees(
                "snapshot.name",
                SpecDocument.snapshotProperty("name"),
                name,
                accepted,
                new Snapshot().name(name).clusterId(CLUSTER),
                PROJECT);
    }

    static Stream<Arguments> descriptions() {
        Stream<Arguments> forbidden = "!<>'=&\"".chars().mapToObj(c -> Arguments.of("a " + (char) c + " b", false));
        return Stream.concat(
                forbidden,
                Stream.of(
                        Arguments.of("", true),
                        Arguments.of("Snapshot-3 description", true),
                        Arguments.of("Ümlaut, (brackets), #hash; 100% fine? yes: /slash/ ~tilde~ \\ back", true),
                        Arguments.of("line one\nline two", true),
                        Arguments.of("d".repeat(256), true),
                        Arguments.of("d".repeat(257), false)));
    }

    @ParameterizedTest(name = "description \"{0}\" accepted: {1}")
    @MethodSource("descriptions")
    void descriptions(String description, boolean accepted) {
        assertAgrees(
                "snapshot.description",
                SpecDocument.snapshotProperty("description"),
                description,
                accepted,
                new Snapshot().name(NAME).clusterId(CLUSTER).description(description),
                PROJECT);
    }

    static Stream<Arguments> clusterIds() {
        return Stream.of(
                Arguments.of(CLUSTER, true),
                Arguments.of(CLUSTER.toUpperCase(java.util.Locale.ROOT), true),
                Arguments.of("44b277eb39be4921be313d61b43651d7", false), // no hyphens
                Arguments.of("44b277eb-39be-4921-be31-3d61b43651d", false), // 35
                Arguments.of("44b277eb-39be-4921-be31-3d61b43651d7a", false), // 37
                Arguments.of("44b277eb-39be-4921-be31-3d61b43651g7", false), // g
                Arguments.of("{44b277eb-39be-4921-be31-3d61b43651d7}", false),
                Arguments.of("44b277eb_39be_4921_be31_3d61b43651d7", false),
                Arguments.of("", false));
    }

    @ParameterizedTest(name = "cluster_id \"{0}\" accepted: {1}")
    @MethodSource("clusterIds")
    void clusterIds(String clusterId, boolean accepted) {
        assertAgrees(
                "snapshot.cluster_id",
                SpecDocument.snapshotProperty("cluster_id"),
                clusterId,
                accepted,
                new Snapshot().name(NAME).clusterId(clusterId),
                PROJECT);
    }

    static Stream<Arguments> projectIds() {
        return Stream.of(
                Arguments.of(PROJECT, true),
                Arguments.of("0123456789abcdef0123456789abcdef", true),
                Arguments.of("89CD04F168B84AF6BE287F71730FDB4B", false), // upper case
                Arguments.of("89cd04f168b84af6be287f71730fdb4", false), // 31
                Arguments.of("89cd04f168b84af6be287f71730fdb4bb", false), // 33
                Arguments.of("89cd04f168b84af6be287f71730fdb4g", false), // g
                Arguments.of("89cd04f1-68b8-4af6-be28-7f71730fdb4b", false), // a UUID
                Arguments.of("../../etc/passwd", false),
                Arguments.of("", false));
    }

    @ParameterizedTest(name = "project_id \"{0}\" accepted: {1}")
    @MethodSource("projectIds")
    void projectIds(String projectId, boolean accepted) {
        assertAgrees(
                "project_id",
                SpecDocument.projectIdSchema(),
                projectId,
                accepted,
                new Snapshot().name(NAME).clusterId(CLUSTER),
                projectId);
    }

    @Test
    void requiredFieldsAndNullDescription() {
        assertThatCode(() -> VALIDATOR.validateCreateSnapshot(
                        PROJECT, body(new Snapshot().name(NAME).clusterId(CLUSTER))))
                .doesNotThrowAnyException();

        DwsValidationException e = catchThrowableOfType(
                DwsValidationException.class, () -> VALIDATOR.validateCreateSnapshot(null, body(new Snapshot())));
        assertThat(e.violations())
                .extracting(Violation::field)
                .containsExactly("project_id", "snapshot.cluster_id", "snapshot.name");
        assertThat(e.violations()).allSatisfy(v -> {
            assertThat(v.rejectedValue()).isNull();
            assertThat(v.rule()).isEqualTo("must not be null");
        });
    }

    @Test
    void theExceptionNamesEveryFieldValueAndRule() {
        DwsValidationException e = catchThrowableOfType(
                DwsValidationException.class,
                () -> VALIDATOR.validateCreateSnapshot(
                        "XYZ",
                        body(new Snapshot().name("1abc").clusterId("not-a-uuid").description("a=b"))));

        assertThat(e.violations())
                .extracting(Violation::field)
                .containsOnly("project_id", "snapshot.name", "snapshot.cluster_id", "snapshot.description");
        assertThat(e.violations())
                .contains(
                        new Violation(
                                "snapshot.name",
                                "1abc",
                                "must match \"" + pattern(SpecDocument.snapshotProperty("name")) + "\""),
                        new Violation(
                                "snapshot.description",
                                "a=b",
                                "must match \"" + pattern(SpecDocument.snapshotProperty("description")) + "\""),
                        new Violation("project_id", "XYZ", "length must be between 32 and 32 code points"));
        assertThat(e.getMessage())
                .startsWith("Invalid createSnapshot request, not sent: ")
                .contains("snapshot.name must match \"^[A-Za-z][A-Za-z0-9_-]*$\" (rejected value: \"1abc\")")
                .contains(
                        "snapshot.cluster_id",
                        "\"not-a-uuid\"",
                        "snapshot.description",
                        "\"a=b\"",
                        "project_id",
                        "\"XYZ\"");
        assertThat(e.requestId()).isNull();
    }

    private static void assertAgrees(
            String field, JsonNode schema, String value, boolean accepted, Snapshot snapshot, String projectId) {
        assertThat(SpecDocument.accepts(schema, value))
                .as("the document's schema for %s on \"%s\"", field, value)
                .isEqualTo(accepted);
        if (accepted) {
            assertThatCode(() -> VALIDATOR.validateCreateSnapshot(projectId, body(snapshot)))
                    .as("the client on %s = \"%s\"", field, value)
                    .doesNotThrowAnyException();
        } else {
            DwsValidationException e = catchThrowableOfType(
                    DwsValidationException.class, () -> VALIDATOR.validateCreateSnapshot(projectId, body(snapshot)));
            assertThat(e).as("the client on %s = \"%s\"", field, value).isNotNull();
            List<Violation> violations = e.violations();
            assertThat(violations).isNotEmpty().allSatisfy(v -> {
                assertThat(v.field()).isEqualTo(field);
                assertThat(v.rejectedValue()).isEqualTo(value);
                assertThat(v.rule()).isNotBlank();
            });
            assertThat(e.getMessage()).contains(field);
        }
    }

    private static String pattern(JsonNode schema) {
        return schema.get("pattern").asText();
    }

    private static CreateSnapshotRequestBody body(Snapshot snapshot) {
        return new CreateSnapshotRequestBody().snapshot(snapshot);
    }
}
