package org.opendws.snapshot.spec;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.responses.ApiResponse;
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

    /** The response itself, or the shared one of {@code components/responses} it refers to. */
    static ApiResponse resolve(OpenAPI api, ApiResponse response) {
        String ref = response.get$ref();
        return ref == null ? response : api.getComponents().getResponses().get(ref.substring(ref.lastIndexOf('/') + 1));
    }

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
        return validateResponse(PATH, Request.Method.POST, status, jsonBody);
    }

    /** Validates an answer to the operation at {@code path} (a concrete path) against the document. */
    static ValidationReport validateResponse(String path, Request.Method method, int status, String jsonBody) {
        SimpleResponse.Builder response =
                SimpleResponse.Builder.status(status).withHeader("X-Request-Id", "0b8f6c4e2f1a4c8f9d3e7a6b5c4d3e2f");
        if (jsonBody != null) {
            response.withContentType("application/json").withBody(jsonBody);
        }
        return VALIDATOR.validateResponse(path, method, response.build());
    }

    /** Validates a signed-looking request without a body against the document. */
    static ValidationReport validateRequest(Request.Method method, String path, String query) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, path)
                .withHeader("Authorization", "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=00");
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] nameValue = pair.split("=", 2);
                request.withQueryParam(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
            }
        }
        return VALIDATOR.validateRequest(request.build());
    }
}
