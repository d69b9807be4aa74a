package org.opendws.snapshot.client.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DwsServiceExceptionTest {
    @Test
    void eachDocumentedStatusHasItsTypeUnderItsFamily() {
        assertThat(DwsServiceException.of(400, null, null, null, ""))
                .isExactlyInstanceOf(BadRequestException.class)
                .isInstanceOf(DwsClientErrorException.class);
        assertThat(DwsServiceException.of(401, null, null, null, ""))
                .isExactlyInstanceOf(UnauthorizedException.class)
                .isInstanceOf(DwsClientErrorException.class);
        assertThat(DwsServiceException.of(403, null, null, null, ""))
                .isExactlyInstanceOf(ForbiddenException.class)
                .isInstanceOf(DwsClientErrorException.class);
        assertThat(DwsServiceException.of(404, null, null, null, ""))
                .isExactlyInstanceOf(NotFoundException.class)
                .isInstanceOf(DwsClientErrorException.class);
        assertThat(DwsServiceException.of(500, null, null, null, ""))
                .isExactlyInstanceOf(InternalServerErrorException.class)
                .isInstanceOf(DwsServerErrorException.class);
        assertThat(DwsServiceException.of(503, null, null, null, ""))
                .isExactlyInstanceOf(ServiceUnavailableException.class)
                .isInstanceOf(DwsServerErrorException.class);
        assertThat(DwsServiceException.of(429, null, null, null, ""))
                .isExactlyInstanceOf(DwsClientErrorException.class);
        assertThat(DwsServiceException.of(504, null, null, null, ""))
                .isExactlyInstanceOf(DwsServerErrorException.class);
        assertThat(DwsServiceException.of(302, null, null, null, "")).isExactlyInstanceOf(DwsServiceException.class);
    }

    @Test
    void transportFailuresAreNotServiceErrors() {
        assertThat(new DwsConnectionException("x", null)).isNotInstanceOf(DwsServiceException.class);
        assertThat(new DwsConnectTimeoutException("x", null))
                .isInstanceOf(DwsTimeoutException.class)
                .isNotInstanceOf(DwsServiceException.class)
                .isNotInstanceOf(DwsConnectionException.class);
        assertThat(new DwsReadTimeoutException("x", null))
                .isInstanceOf(DwsTimeoutException.class)
                .isNotInstanceOf(DwsServiceException.class);
    }

    @Test
    void theMessageNamesStatusCodeMessageAndRequestId() {
        assertThat(DwsServiceException.of(404, "DWS.0015", "Cluster c does not exist.", "req-1", "{}"))
                .hasMessage("HTTP 404 DWS.0015: Cluster c does not exist. (request id: req-1)");
        assertThat(DwsServiceException.of(500, null, null, null, ""))
                .hasMessage("HTTP 500 with an empty body (request id: none)");
        DwsServiceException longBody = DwsServiceException.of(502, null, null, "r", "x".repeat(500));
        assertThat(longBody.getMessage()).hasSizeLessThan(300).contains("x".repeat(200) + "...");
        assertThat(longBody.rawBody()).hasSize(500);
    }
}
