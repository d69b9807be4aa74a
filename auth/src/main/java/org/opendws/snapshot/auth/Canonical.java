package org.opendws.snapshot.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The steps of the canonical request of SDK-HMAC-SHA256, and the percent-coding they rest on.
 * Package-private: callers sign a {@link SignRequest} and read the canonical request from the
 * {@link SignResult}.
 */
final class Canonical {
    private Canonical() {}

    /**
     * The canonical request: lines joined by {@code \n}.
     *
     * @param method        the HTTP method (upper-cased here)
     * @param path          the decoded path; each segment is percent-encoded here and a trailing {@code /} added
     * @param query         decoded query parameters; encoded and sorted here
     * @param signedHeaders the signed headers, lower-case name to value, sorted by name
     * @param payloadHash   lowercase hex SHA-256 of the body, or the {@code X-Sdk-Content-Sha256} value
     */
    static String canonicalRequest(
            String method,
            String path,
            Map<String, String> query,
            TreeMap<String, String> signedHeaders,
            String payloadHash) {
        return method.toUpperCase(Locale.ROOT)
                + '\n'
                + canonicalUri(path)
                + '\n'
                + canonicalQuery(query)
                + '\n'
                + canonicalHeaders(signedHeaders)
                + '\n'
                + String.join(";", signedHeaders.keySet())
                + '\n'
                + payloadHash;
    }

    /** The path split on {@code /}, each segment percent-encoded, always ending in {@code /}. */
    static String canonicalUri(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            segments.add(percentEncode(segment));
        }
        String uri = String.join("/", segments);
        return uri.endsWith("/") ? uri : uri + "/";
    }

    /** Query parameters sorted by encoded name, {@code name=value} joined by {@code &}. */
    static String canonicalQuery(Map<String, String> query) {
        TreeMap<String, String> sorted = new TreeMap<>();
        query.forEach((name, value) -> sorted.put(percentEncode(name), percentEncode(value == null ? "" : value)));
        StringBuilder out = new StringBuilder();
        sorted.forEach((name, value) -> {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(name).append('=').append(value);
        });
        return out.toString();
    }

    /** {@code name:value\n} for each signed header, in name order, the value trimmed. */
    static String canonicalHeaders(TreeMap<String, String> signedHeaders) {
        StringBuilder headers = new StringBuilder();
        signedHeaders.forEach((name, value) ->
                headers.append(name).append(':').append(value.trim()).append('\n'));
        return headers.toString();
    }

    /** RFC 3986 percent-encoding: unreserved characters stay, everything else is {@code %XX} of its UTF-8 bytes. */
    static String percentEncode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /**
     * Percent-decoding only: each run of {@code %XX} escapes is read as UTF-8 (a malformed
     * sequence becomes U+FFFD), every other character stays as it is, a {@code +} included.
     *
     * @throws IllegalArgumentException at a {@code %} not followed by two hexadecimal digits
     */
    static String percentDecode(String text) {
        int at = text.indexOf('%');
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, at);
        byte[] bytes = new byte[(text.length() - at) / 3];
        while (at < text.length()) {
            if (text.charAt(at) != '%') {
                out.append(text.charAt(at++));
                continue;
            }
            int length = 0;
            while (at < text.length() && text.charAt(at) == '%') {
                int high = at + 2 < text.length() ? hexDigit(text.charAt(at + 1)) : -1;
                int low = high < 0 ? -1 : hexDigit(text.charAt(at + 2));
                if (low < 0) {
                    throw new IllegalArgumentException(
                            "a '%' at index " + at + " is not followed by two hexadecimal digits");
                }
                bytes[length++] = (byte) (high << 4 | low);
                at += 3;
            }
            out.append(new String(bytes, 0, length, StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static int hexDigit(char c) {
        return c >= '0' && c <= '9'
                ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
