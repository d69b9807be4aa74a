package org.opendws.snapshot.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.mock.support.DwsHttp.Response;
import org.opendws.snapshot.mock.support.MockServerTestBase;

/** /openapi.yaml serves the api-spec artifact's document; /docs/ opens the docs site when it is on the classpath. */
class OpenApiAndDocsTest extends MockServerTestBase {
    @Test
    void servesTheSpecAsPackaged() throws IOException {
        String packaged;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi/dws-snapshot.yaml")) {
            packaged = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        Response response = http.get("/openapi.yaml");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/yaml"));
        assertThat(response.body()).isEqualTo(packaged).startsWith("openapi: 3.0.3");
        assertThat(response.requestId()).matches("[0-9a-f]{32}");
    }

    @Test
    void docsOpensTheIndexPage() {
        Response response = http.get("/docs/");

        assertThat(response.status()).isEqualTo(200);
        // the real site from the docs artifact: the reference page of the operation
        assertThat(response.body()).contains("createSnapshot", "/v1.0/{project_id}/snapshots", "assets/site.css");
    }

    @Test
    void docsWithoutSlashRedirects() {
        Response response = http.get("/docs");

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(v -> assertThat(v).endsWith("/docs/"));
    }

    @Test
    void docsFilesAreServed() {
        assertThat(http.get("/docs/index.html").status()).isEqualTo(200);
        assertThat(http.get("/docs/quickstart.html").status()).isEqualTo(200);
        assertThat(http.get("/docs/assets/site.css").status()).isEqualTo(200);
        assertThat(http.get("/docs/missing.html").status()).isEqualTo(404);
    }
}
