package org.opendws.snapshot.mock.example;

// The embedding example of server-stub/README.md, kept here so that it compiles and passes.

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opendws.snapshot.auth.AkSkSigner;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.auth.SignRequest;
import org.opendws.snapshot.mock.DwsMockServer;
import org.opendws.snapshot.mock.World;
import org.opendws.snapshot.mock.junit.DwsMockExtension;

class CreateSnapshotAgainstTheMockTest {
    static final String PROJECT = "0123456789abcdef0123456789abcdef";
    static final String CLUSTER = "11111111-2222-4333-8444-555555555555";

    // one mock for the class, on a free port, reset before each test
    @RegisterExtension
    static DwsMockExtension mock = new DwsMockExtension(server -> server.world(World.builder()
            .project(PROJECT, CLUSTER)
            .credential("TESTACCESSKEY0000000", "test-secret-key", PROJECT)
            .build()));

    @Test
    void createsASnapshot(DwsMockServer server) throws Exception {
        HttpResponse<String> response = create(server, "nightly-1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(server.snapshots())
                .singleElement()
                .satisfies(snapshot -> assertThat(snapshot.name()).isEqualTo("nightly-1"));
    }

    @Test
    void answersAPlannedFaultWithTheSpecsExample(DwsMockServer server) throws Exception {
        server.faults().plan(503, 1); // or: POST /__admin/faults {"status":503,"count":1}

        HttpResponse<String> unavailable = create(server, "nightly-2");
        HttpResponse<String> retried = create(server, "nightly-2");

        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.body()).contains("\"error_code\":\"DWS.0005\"");
        assertThat(retried.statusCode()).isEqualTo(200);
    }

    /** What the client under test would do: a signed POST (here with the kit's AkSkSigner, dws-snapshot-auth). */
    private static HttpResponse<String> create(DwsMockServer server, String name) throws Exception {
        World.Credential credential = server.world().firstCredential();
        String path = "/v1.0/" + PROJECT + "/snapshots";
        byte[] body = ("{\"snapshot\":{\"name\":\"" + name + "\",\"cluster_id\":\"" + CLUSTER + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        URI uri = URI.create(server.baseUrl() + path);
        SignRequest toSign = SignRequest.builder()
                .method("POST")
                .host(uri.getAuthority())
                .rawPath(path)
                .header("Content-Type", "application/json")
                .body(body)
                .credentials(Credentials.akSk(credential.accessKey(), credential.secretKey()))
                .build();

        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        new AkSkSigner().sign(toSign).headers().forEach(request::header);
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
