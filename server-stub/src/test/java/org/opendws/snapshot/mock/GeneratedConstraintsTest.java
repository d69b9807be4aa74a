package org.opendws.snapshot.mock;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import org.hibernate.validator.constraints.CodePointLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendws.snapshot.mock.generated.api.SnapshotsApi;
import org.opendws.snapshot.mock.generated.model.CreateSnapshotRequestBody;
import org.opendws.snapshot.mock.generated.model.Snapshot;
import org.opendws.snapshot.mock.support.SpecExamples;
import org.springframework.validation.annotation.Validated;

/**
 * The generated code carries exactly the spec's constraints. This guards the one template
 * override (src/main/openapi-templates/beanValidationCore.mustache), which keeps the pattern and
 * lengths of format-uuid fields mapped to String and counts a string's length in code points.
 */
class GeneratedConstraintsTest {

    @ParameterizedTest
    @CsvSource({"getName, name", "getClusterId, cluster_id", "getDescription, description"})
    void snapshotFieldsCarryTheSpecsConstraints(String getter, String property) throws Exception {
        Map<String, Object> schema = schema(property);
        Method method = Snapshot.class.getMethod(getter);

        assertThat(method.getAnnotation(Pattern.class).regexp()).isEqualTo(schema.get("pattern"));
        assertLength(method.getAnnotation(CodePointLength.class), schema);
        assertThat(method.getAnnotation(NotNull.class) != null)
                .isEqualTo(required().contains(property));
    }

    @Test
    void projectIdParameterCarriesTheSpecsConstraints() throws Exception {
        Map<String, Object> schema = (Map<String, Object>)
                SpecExamples.get(SpecExamples.spec(), "components", "parameters", "ProjectId", "schema");
        Parameter projectId = SnapshotsApi.class.getMethod(
                        "createSnapshot", String.class, CreateSnapshotRequestBody.class)
                .getParameters()[0];

        assertThat(projectId.getAnnotation(Pattern.class).regexp()).isEqualTo(schema.get("pattern"));
        assertLength(projectId.getAnnotation(CodePointLength.class), schema);
    }

    @Test
    void theInterfaceLeavesValidationToSpringsBuiltInMethodValidation() {
        assertThat(SnapshotsApi.class.getAnnotation(Validated.class)).isNull();
    }

    private static void assertLength(CodePointLength length, Map<String, Object> schema) {
        assertThat(length).isNotNull();
        assertThat(length.min()).isEqualTo(schema.getOrDefault("minLength", 0));
        assertThat(length.max()).isEqualTo(schema.getOrDefault("maxLength", Integer.MAX_VALUE));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schema(String property) {
        return (Map<String, Object>)
                SpecExamples.get(SpecExamples.spec(), "components", "schemas", "Snapshot", "properties", property);
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<String> required() {
        return (java.util.List<String>)
                SpecExamples.get(SpecExamples.spec(), "components", "schemas", "Snapshot", "required");
    }
}
