package org.opendws.snapshot.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link AkSkSigner#sign} made of a {@link SignRequest}: the headers to add to the request,
 * the signature, and the two texts it was computed from, to compare line by line with a server's
 * when a signature is refused. Immutable and thread-safe. {@link #toString()} shows neither the
 * signature nor a security token.
 */
public final class SignResult {
    private final Map<String, String> headers;
    private final String signature;
    private final String canonicalRequest;
    private final String stringToSign;

    SignResult(Map<String, String> headers, String signature, String canonicalRequest, String stringToSign) {
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.signature = signature;
        this.canonicalRequest = canonicalRequest;
        this.stringToSign = stringToSign;
    }

    /**
     * @return the headers to add to the request, in this order: {@code X-Sdk-Date},
     *         {@code X-Security-Token} (only with a security token) and {@code Authorization};
     *         unmodifiable
     */
    public Map<String, String> headers() {
        return headers;
    }

    /** @return the signature: lowercase hex HMAC-SHA256 of {@link #stringToSign()}, keyed with the SK */
    public String signature() {
        return signature;
    }

    /**
     * The canonical request, lines joined by {@code \n}: method, canonical URI, canonical query,
     * canonical headers, signed header names, payload hash. It holds every signed header's value,
     * the security token's among them: log it only where that token may be seen.
     *
     * @return the canonical request
     */
    public String canonicalRequest() {
        return canonicalRequest;
    }

    /**
     * @return {@code SDK-HMAC-SHA256}, the {@code X-Sdk-Date} value and the hex SHA-256 of
     *         {@link #canonicalRequest()}, joined by {@code \n}
     */
    public String stringToSign() {
        return stringToSign;
    }

    @Override
    public String toString() {
        return "SignResult[" + AkSkSigner.HEADER_SDK_DATE + "=" + headers.get(AkSkSigner.HEADER_SDK_DATE) + ", headers="
                + headers.keySet() + ", signature=***]";
    }
}
