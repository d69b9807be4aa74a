package org.opendws.snapshot.client;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opendws.snapshot.client.auth.AkSkSigner;

/**
 * A request as the server received it, and its signature recomputed from the received bytes alone
 * with AkSkSigner's public static steps, the way a verifier does: over exactly the headers that
 * {@code SignedHeaders} names, with the {@code Host} header as received.
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
        TreeMap<String, String> signed = new TreeMap<>();
        for (String name : signedHeaders()) {
            String value = header(name);
            if (value == null) {
                throw new AssertionError("signed header " + name + " was not received");
            }
            signed.put(name, value);
        }
        String path = URI.create(received.getUrl()).getPath();
        String canonical = AkSkSigner.canonicalRequest(received.getMethod().getName(), path, Map.of(), signed,
                AkSkSigner.sha256Hex(received.getBody()));
        return AkSkSigner.signature(secretKey, AkSkSigner.stringToSign(header("X-Sdk-Date"), canonical));
    }
}
