package org.opendws.snapshot.spec;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** The packaged document, read from the classpath exactly as the other modules read it. */
final class SpecDocument {
    static final String RESOURCE = "openapi/dws-snapshot.yaml";
    static final String PROJECT_ID = "89cd04f168b84af6be287f71730fdb4b";
    static final String PATH = "/v1.0/" + PROJECT_ID + "/snapshots";

    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createForInlineApiSpecification(text()).build();

    private SpecDocument() {}

    static URL url() {
        URL url = SpecDocument.class.getClassLoader().getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException(RESOURCE + " is not on the classpath");
        }
        return url;
    }

    static String text() {
        try (InputStream in = url().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validates a signed-looking create request against the document. */
    static ValidationReport validateRequest(String path, String jsonBody) {
        SimpleRequest.Builder request = SimpleRequest.Builder.post(path)
                .withContentType("application/json")
                .withHeader("Authorization", "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=00");
        if (jsonBody != null) {
            request.withBody(jsonBody);
        }
        return VALIDATOR.validateRequest(request.build());
    }

    static ValidationReport validateResponse(int status, String jsonBody) {
        return VALIDATOR.validateResponse(PATH, Request.Method.POST,
                SimpleResponse.Builder.status(status)
                        .withContentType("application/json")
                        .withHeader("X-Request-Id", "0b8f6c4e2f1a4c8f9d3e7a6b5c4d3e2f")
                        .withBody(jsonBody)
                        .build());
    }
}
