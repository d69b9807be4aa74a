package org.opendws.snapshot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules of the API page, each checked against the document's own constraints: a request is
 * validated against the document and must be accepted or rejected as the page says.
 */
class ApiPageRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLUSTER = "44b277eb-39be-4921-be31-3d61b43651d7";

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("abc", false), // too short
                Arguments.of("1abc", false), // starts with a digit
                Arguments.of("ab c", false), // space
                Arguments.of("snap!shot", false), // forbidden character
                Arguments.of("_abc", false), // starts with an underscore
                Arguments.of("-abc", false), // starts with a hyphen
                Arguments.of("snäp", false), // a letter outside A-Z
                Arguments.of("a".repeat(65), false), // too long
                Arguments.of("", false),
                Arguments.of("snap", true),
                Arguments.of("a" + "b".repeat(63), true),
                Arguments.of("Snap_shot-1", true),
                Arguments.of("snapshot-3", true),
                Arguments.of("SNAP", true));
    }

    @ParameterizedTest(name = "name \"{0}\" accepted: {1}")
    @MethodSource("names")
    void nameRules(String name, boolean accepted) {
        assertAccepted(validate(body(name, CLUSTER, null)), accepted);
    }

    static Stream<Arguments> descriptions() {
        Stream<Arguments> forbidden = "!<>'=&\"".chars().mapToObj(c -> Arguments.of("a" + (char) c + "b", false));
        return Stream.concat(
                forbidden,
                Stream.of(
                        Arguments.of("", true),
                        Arguments.of("x".repeat(256), true),
                        Arguments.of("x".repeat(257), false),
                        Arguments.of("Snapshot-3 description", true),
                        Arguments.of("nightly (before upgrade), 50% full; ok?", true)));
    }

    @ParameterizedTest(name = "description \"{0}\" accepted: {1}")
    @MethodSource("descriptions")
    void descriptionRules(String description, boolean accepted) {
        assertAccepted(validate(body("snapshot-3", CLUSTER, description)), accepted);
    }

    @ParameterizedTest(name = "cluster_id \"{0}\" rejected")
    @ValueSource(
            strings = {
                "",
                "not-a-uuid",
                "44b277eb39be4921be313d61b43651d7",
                "44b277eb-39be-4921-be31-3d61b43651d",
                "44b277eb-39be-4921-be31-3d61b43651d7x",
                "g4b277eb-39be-4921-be31-3d61b43651d7",
                "{44b277eb-39be-4921-be31-3d61b43651d7}"
            })
    void malformedClusterIdsAreRejected(String clusterId) {
        assertAccepted(validate(body("snapshot-3", clusterId, null)), false);
    }

    @ParameterizedTest(name = "project_id \"{0}\" rejected")
    @ValueSource(
            strings = {
                "89CD04F168B84AF6BE287F71730FDB4B",
                "89cd04f168b84af6be287f71730fdb4",
                "89cd04f168b84af6be287f71730fdb4bb",
                "89cd04f1-68b8-4af6-be28-7f71730fdb4b",
                "zzcd04f168b84af6be287f71730fdb4b"
            })
    void malformedProjectIdsAreRejected(String projectId) {
        assertAccepted(
                SpecDocument.validateRequest("/v1.0/" + projectId + "/snapshots", body("snapshot-3", CLUSTER, null)),
                false);
    }

    @org.junit.jupiter.api.Test
    void requiredFieldsAndBody() {
        assertAccepted(validate("{\"snapshot\":{\"cluster_id\":\"" + CLUSTER + "\"}}"), false);
        assertAccepted(validate("{\"snapshot\":{\"name\":\"snapshot-3\"}}"), false);
        assertAccepted(validate("{}"), false);
        assertAccepted(validate(null), false);
        assertAccepted(validate(body("snapshot-3", CLUSTER, null)), true);
    }

    private static ValidationReport validate(String body) {
        return SpecDocument.validateRequest(SpecDocument.PATH, body);
    }

    private static void assertAccepted(ValidationReport report, boolean accepted) {
        if (accepted) {
            assertThat(report.getMessages()).isEmpty();
        } else {
            assertThat(report.hasErrors()).as("rejected").isTrue();
        }
    }

    private static String body(String name, String clusterId, String description) {
        ObjectNode snapshot = JSON.createObjectNode().put("name", name).put("cluster_id", clusterId);
        if (description != null) {
            snapshot.put("description", description);
        }
        ObjectNode root = JSON.createObjectNode();
        root.set("snapshot", snapshot);
        return root.toString();
    }
}
