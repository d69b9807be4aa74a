package org.opendws.snapshot.mock.spec;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the API's OpenAPI document, as packaged in the api-spec artifact. */
@RestController
public class OpenApiController {
    /** The media type of YAML (RFC 9512). */
    public static final MediaType APPLICATION_YAML = MediaType.parseMediaType("application/yaml");

    private final OpenApiDocument document;

    /** Serves {@code document}. */
    public OpenApiController(OpenApiDocument document) {
        this.document = document;
    }

    /** The document. */
    @GetMapping("/openapi.yaml")
    public ResponseEntity<byte[]> openApi() {
        return ResponseEntity.ok().contentType(APPLICATION_YAML).body(document.bytes());
    }
}
