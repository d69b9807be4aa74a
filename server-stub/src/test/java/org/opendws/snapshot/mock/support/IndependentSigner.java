package org.opendws.snapshot.mock.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SDK-HMAC-SHA256 written again from the algorithm's text (dws-api-facts.md), sharing no code
 * with the auth module's AkSkSigner, so that a mistake in one does not hide in both. Only what the
 * tests need: an ASCII path without characters to escape, and a query whose names and values
 * need no escaping either.
 */
public final class IndependentSigner {
    private IndependentSigner() {}

    /** The canonical request of a request without a query. */
    public static String canonicalRequest(String method, String path, Map<String, String> headers, byte[] body) {
        return canonicalRequest(method, path, null, headers, body);
    }

    /**
     * The canonical request: method, URI ending in '/', the query's {@code name=value} pairs
     * sorted by name and joined by '&', headers, signed names, body hash ({@code query} as sent,
     * null for none).
     */
    public static String canonicalRequest(
            String method, String path, String query, Map<String, String> headers, byte[] body) {
        TreeMap<String, String> parameters = new TreeMap<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                parameters.put(
                        equals < 0 ? pair : pair.substring(0, equals), equals < 0 ? "" : pair.substring(equals + 1));
            }
        }
        StringBuilder canonicalQuery = new StringBuilder();
        parameters.forEach((k, v) -> canonicalQuery
                .append(canonicalQuery.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(v));
        TreeMap<String, String> sorted = new TreeMap<>();
        headers.forEach((k, v) -> sorted.put(k.toLowerCase(), v.trim()));
        StringBuilder canonicalHeaders = new StringBuilder();
        sorted.forEach(
                (k, v) -> canonicalHeaders.append(k).append(':').append(v).append('\n'));
        return method + "\n"
                + (path.endsWith("/") ? path : path + "/") + "\n"
                + canonicalQuery + "\n"
                + canonicalHeaders + "\n"
                + String.join(";", sorted.keySet()) + "\n"
                + hex(sha256(body));
    }

    /** The hex SHA-256 of the canonical request, as the reference vectors give it. */
    public static String canonicalRequestHash(String canonicalRequest) {
        return hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    }

    /** The signature of a canonical request signed at {@code sdkDate} with {@code sk}. */
    public static String signature(String sk, String sdkDate, String canonicalRequest) {
        String toSign = "SDK-HMAC-SHA256\n" + sdkDate + "\n" + canonicalRequestHash(canonicalRequest);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sk.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return hex(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The Authorization header for a request whose signed headers (host and x-sdk-date
     * included) are {@code headers}.
     */
    public static String authorization(
            String ak, String sk, String method, String path, Map<String, String> headers, byte[] body) {
        return authorization(ak, sk, method, path, null, headers, body);
    }

    /** The Authorization header for a request with a query ({@code query} as sent, null for none). */
    public static String authorization(
            String ak, String sk, String method, String path, String query, Map<String, String> headers, byte[] body) {
        String date = headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("x-sdk-date"))
                .findFirst()
                .orElseThrow()
                .getValue();
        String canonical = canonicalRequest(method, path, query, headers, body);
        TreeMap<String, String> names = new TreeMap<>();
        headers.keySet().forEach(k -> names.put(k.toLowerCase(), k));
        return "SDK-HMAC-SHA256 Access=" + ak + ", SignedHeaders=" + String.join(";", names.keySet()) + ", Signature="
                + signature(sk, date, canonical);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }
}
