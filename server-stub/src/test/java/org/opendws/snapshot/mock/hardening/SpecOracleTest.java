package org.opendws.snapshot.mock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The document's judgement of answers, which {@link ErrorContract} applies, can fail. */
class SpecOracleTest {
    private static final String ID = "0123456789abcdef0123456789abcdef";

    @Test
    void anAnswerTheDocumentDoesNotDescribeHasFindings() {
        RawConnection.Answer undocumentedStatus = answer(418, "{\"error_code\":\"DWS.0001\",\"error_msg\":\"x\"}");
        RawConnection.Answer wrongBody = answer(200, "{\"snapshot\":{}}");

        assertThat(SpecOracle.findingsOnAnswer("POST", HostileGenerators.PATH, undocumentedStatus))
                .isNotEmpty();
        assertThat(SpecOracle.findingsOnAnswer("POST", HostileGenerators.PATH, wrongBody))
                .isNotEmpty();
    }

    @Test
    void aDocumentedAnswerHasNone() {
        RawConnection.Answer created = answer(200, "{\"snapshot\":{\"id\":\"44b277eb-39be-4921-be31-3d61b43651d7\"}}");

        assertThat(SpecOracle.findingsOnAnswer("POST", HostileGenerators.PATH, created))
                .isEmpty();
    }

    @Test
    void whatIsNoOperationOfTheDocumentIsLeftToTheErrorContract() {
        RawConnection.Answer notFound = answer(404, "{\"error_code\":\"APIGW.0101\",\"error_msg\":\"x\"}");

        assertThat(SpecOracle.findingsOnAnswer("GET", "/nowhere", notFound)).isEmpty();
        assertThat(SpecOracle.findingsOnAnswer("OPTIONS", HostileGenerators.PATH, notFound))
                .isEmpty();
    }

    private static RawConnection.Answer answer(int status, String json) {
        return new RawConnection.Answer(
                status,
                Map.of("content-type", List.of("application/json"), "x-request-id", List.of(ID)),
                json.getBytes(StandardCharsets.UTF_8),
                false);
    }
}
