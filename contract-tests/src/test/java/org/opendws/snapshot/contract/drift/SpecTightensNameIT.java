package org.opendws.snapshot.contract.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendws.snapshot.contract.document.DocumentCheck.keys;

import com.atlassian.oai.validator.report.ValidationReport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.contract.Pacts;
import org.opendws.snapshot.contract.consumer.CreateSnapshotConsumerPactTest;
import org.opendws.snapshot.contract.document.DocumentCheck;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Drift 3: the document tightens {@code snapshot.name} to at most 32 characters. The pact's
 * created-snapshot request (a 41-character name, which the real document allows) no longer
 * conforms, and the document check says so.
 */
class SpecTightensNameIT {

    @Test
    void theDocumentCheckRejectsTheCreatedInteractionOfTheTightenedDocument() {
        String tightened = withNameMaxLength(DocumentCheck.documentText(), 32);

        Map<String, ValidationReport> reports =
                DocumentCheck.validatePactFile(DocumentCheck.strictValidator(tightened));

        assertThat(CreateSnapshotConsumerPactTest.NEW_NAME).hasSizeGreaterThan(32);
        assertThat(keys(reports.get(Pacts.CREATED))).containsExactly("validation.request.body.schema.maxLength");
        assertThat(reports.get(Pacts.CREATED).getMessages().get(0).getMessage()).contains("32");
    }

    @Test
    void theRealDocumentAcceptsIt() {
        Map<String, ValidationReport> reports =
                DocumentCheck.validatePactFile(DocumentCheck.strictValidator(DocumentCheck.documentText()));

        assertThat(keys(reports.get(Pacts.CREATED))).isEmpty();
    }

    /** The document with {@code components.schemas.Snapshot.properties.name.maxLength} changed. */
    @SuppressWarnings("unchecked")
    private static String withNameMaxLength(String document, int maxLength) {
        Map<String, Object> root = new Yaml().load(document);
        Map<String, Object> name =
                (Map<String, Object>) path(root, "components", "schemas", "Snapshot", "properties", "name");
        assertThat(name.get("maxLength"))
                .as("the document's limit before the change")
                .isNotEqualTo(maxLength);
        name.put("maxLength", maxLength);
        DumperOptions block = new DumperOptions();
        block.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(block).dump(root);
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> root, String... keys) {
        Object node = root;
        for (String key : keys) {
            node = ((Map<String, Object>) node).get(key);
            assertThat(node).as("document path element %s", key).isNotNull();
        }
        return node;
    }
}
