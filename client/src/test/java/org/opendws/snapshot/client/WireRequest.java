package org.opendws.snapshot.client;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opendws.snapshot.auth.AkSkSigner;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.auth.SignRequest;

/**
 * A request as the server received it, and its signature recomputed from the received bytes alone,
 * the way a verifier does: a {@link SignRequest} of exactly the headers that {@code SignedHeaders}
 * names, with the {@code Host} header and the {@code X-Sdk-Date} value as received.
 */
record WireRequest(LoggedRequest received) {
    private static final Pattern AUTHORIZATION =
            Pattern.compile("SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})");

    String header(String name) {
        return received.getHeader(name);
    }

    Matcher authorization() {
        Matcher matcher = AUTHORIZATION.matcher(header("Authorization"));
        if (!matcher.matches()) {
            throw new AssertionError("not an SDK-HMAC-SHA256 Authorization header");
        }
        return matcher;
    }

    String accessKey() {
        return authorization().group(1);
    }

    List<String> signedHeaders() {
        return Arrays.asList(authorization().group(2).split(";"));
    }

    String sentSignature() {
        return authorization().group(3);
    }

    /** The signature a verifier holding {@code secretKey} computes for what was received. */
    String recomputedSignature(String secretKey) {
        URI url = URI.create(received.getUrl());
        SignRequest.Builder request = SignRequest.builder()
                .method(received.getMethod().getName())
                .rawPath(url.getRawPath())
                .rawQuery(url.getRawQuery())
                .body(received.getBody())
                .sdkDate(header(AkSkSigner.HEADER_SDK_DATE))
                .credentials(Credentials.akSk(accessKey(), secretKey, header(AkSkSigner.HEADER_SECURITY_TOKEN)));
        for (String name : signedHeaders()) {
            String value = header(name);
            if (value == null) {
                throw new AssertionError("signed header " + name + " was not received");
            }
            switch (name) {
                case "host" -> request.host(value);
                case "x-sdk-date", "x-security-token" -> {} // the sdkDate and the credentials above
                default -> request.header(name, value);
            }
        }
        return new AkSkSigner().sign(request.build()).signature();
    }
}
