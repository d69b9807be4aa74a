package org.opendws.snapshot.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendws.snapshot.mock.support.DwsHttp.body;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.mock.support.DwsHttp.Response;
import org.opendws.snapshot.mock.support.MockServerTestBase;

/** Answers of the operation come whole, with a Content-Length (one write), not chunked. */
class ResponseFramingTest extends MockServerTestBase {

    @Test
    void aCreatedSnapshotIsAnsweredWithItsContentLength() {
        Response created = http.create(body("framed-1"));

        assertThat(created.status()).isEqualTo(200);
        assertFramedByLength(created);
    }

    @Test
    void anErrorOfTheOperationIsAnsweredWithItsContentLength() {
        http.create(body("framed-2"));
        Response duplicate = http.create(body("framed-2"));

        assertThat(duplicate.status()).isEqualTo(400);
        assertFramedByLength(duplicate);
    }

    private static void assertFramedByLength(Response response) {
        assertThat(response.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(response.headers().firstValueAsLong("Content-Length"))
                .hasValue(response.body().getBytes(StandardCharsets.UTF_8).length);
    }
}
