package org.opendws.snapshot.client.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SDK-HMAC-SHA256 request signer of Huawei Cloud's API gateway (AK/SK authentication).
 *
 * <p>It depends on nothing but the JDK, so that the client signs with it and the mock server
 * verifies with it. {@link #sign} gives the headers a request must carry; the static steps
 * ({@link #canonicalRequest}, {@link #stringToSign}, {@link #signature}) are public so that a
 * verifier can recompute a signature over exactly the headers a request names.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AkSkSigner {
    /** The algorithm name, first word of the {@code Authorization} header. */
    public static final String ALGORITHM = "SDK-HMAC-SHA256";
    /** The header holding the signing time. */
    public static final String HEADER_SDK_DATE = "X-Sdk-Date";
    /** The header holding the session token of temporary credentials. */
    public static final String HEADER_SECURITY_TOKEN = "X-Security-Token";
    /** The header that may hold a precomputed body hash. */
    public static final String HEADER_CONTENT_SHA256 = "X-Sdk-Content-Sha256";
    /** The format of {@code X-Sdk-Date}, e.g. {@code 20261128T045404Z}. */
    public static final DateTimeFormatter SDK_DATE_FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** The SHA-256 of an empty body. */
    public static final String EMPTY_BODY_SHA256 =
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final HexFormat HEX = HexFormat.of();
    /**
     * Looked up once and cloned for each use: getInstance searches the security providers on
     * every call, which was a sixth of a signature check's time in the mock server.
     */
    private static final MessageDigest SHA256 = sha256Instance();
    private static final Mac HMAC_SHA256 = hmacSha256Instance();
    private final Clock clock;

    /** A signer that reads the time from {@code clock} (inject a fixed clock in tests). */
    public AkSkSigner(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A signer on the system UTC clock. */
    public AkSkSigner() {
        this(Clock.systemUTC());
    }

    /**
     * Signs a request and returns the headers to add to it, in this order: {@code X-Sdk-Date},
     * {@code X-Security-Token} (only when {@code securityToken} is not null) and
     * {@code Authorization}.
     *
     * @param method        the HTTP method
     * @param host          the {@code Host} header value as it will be sent, with a port if not the default
     * @param path          the raw (not yet percent-encoded) path, e.g. {@code /v1.0/{pid}/snapshots}
     * @param query         the query parameters (name to value), or an empty map
     * @param headers       the other headers that will be sent and are to be signed (name to value),
     *                      for example {@code Content-Type} or {@code X-Project-Id}; never {@code Host}
     * @param body          the exact body bytes that will be sent (empty for none)
     * @param accessKey     the AK
     * @param secretKey     the SK; used as the HMAC key and never kept
     * @param securityToken the session token of temporary credentials, or null
     * @return the headers to add to the request
     */
    public Map<String, String> sign(String method, String host, String path, Map<String, String> query,
                                    Map<String, String> headers, byte[] body,
                                    String accessKey, String secretKey, String securityToken) {
        String date = SDK_DATE_FORMAT.format(clock.instant());
        TreeMap<String, String> signed = new TreeMap<>();
        headers.forEach((name, value) -> signed.put(name.toLowerCase(Locale.ROOT), value));
        signed.put("host", host);
        signed.put("x-sdk-date", date);
        if (securityToken != null) {
            signed.put("x-security-token", securityToken);
        }
        String canonical = canonicalRequest(method, path, query, signed, sha256Hex(body));
        String signature = signature(secretKey, stringToSign(date, canonical));

        Map<String, String> add = new LinkedHashMap<>();
        add.put(HEADER_SDK_DATE, date);
        if (securityToken != null) {
            add.put(HEADER_SECURITY_TOKEN, securityToken);
        }
        add.put("Authorization", authorization(accessKey, signed.keySet(), signature));
        return add;
    }

    /** The {@code Authorization} header value. */
    public static String authorization(String accessKey, Iterable<String> signedHeaderNames, String signature) {
        return ALGORITHM + " Access=" + accessKey + ", SignedHeaders=" + String.join(";", signedHeaderNames)
                + ", Signature=" + signature;
    }

    /**
     * The canonical request.
     *
     * @param method        the HTTP method (upper-cased here)
     * @param path          the raw path; each segment is percent-encoded here and a trailing {@code /} added
     * @param query         raw query parameters; encoded and sorted here
     * @param signedHeaders the signed headers, lower-case name to value, sorted by name
     * @param bodySha256Hex lowercase hex SHA-256 of the body (or the {@code X-Sdk-Content-Sha256} value)
     */
    public static String canonicalRequest(String method, String path, Map<String, String> query,
                                          TreeMap<String, String> signedHeaders, String bodySha256Hex) {
        StringBuilder headers = new StringBuilder();
        signedHeaders.forEach((name, value) -> headers.append(name).append(':').append(value.trim()).append('\n'));
        return method.toUpperCase(Locale.ROOT) + '\n'
                + canonicalUri(path) + '\n'
                + canonicalQuery(query) + '\n'
                + headers + '\n'
                + String.join(";", signedHeaders.keySet()) + '\n'
                + bodySha256Hex;
    }

    /** The path split on {@code /}, each segment percent-encoded, always ending in {@code /}. */
    public static String canonicalUri(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            segments.add(percentEncode(segment));
        }
        String uri = String.join("/", segments);
        return uri.endsWith("/") ? uri : uri + "/";
    }

    /** Query parameters sorted by encoded name, {@code name=value} joined by {@code &}. */
    public static String canonicalQuery(Map<String, String> query) {
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

    /** {@code SDK-HMAC-SHA256\n<date>\n<hex sha256 of the canonical request>}. */
    public static String stringToSign(String sdkDate, String canonicalRequest) {
        return ALGORITHM + '\n' + sdkDate + '\n' + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** Lowercase hex HMAC-SHA256 of the string to sign, keyed with the SK's UTF-8 bytes. */
    public static String signature(String secretKey, String stringToSign) {
        Mac mac;
        try {
            mac = (Mac) HMAC_SHA256.clone();
        } catch (CloneNotSupportedException notWithThisProvider) {
            mac = hmacSha256Instance();
        }
        try {
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 refuses the key", e);
        }
        return HEX.formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    /** Lowercase hex SHA-256 of the bytes. */
    public static String sha256Hex(byte[] bytes) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException notWithThisProvider) {
            digest = sha256Instance();
        }
        return HEX.formatHex(digest.digest(bytes));
    }

    private static MessageDigest sha256Instance() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static Mac hmacSha256Instance() {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Compares two signatures in time that does not depend on where they differ. */
    public static boolean signaturesEqual(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 3986 percent-encoding: unreserved characters stay, everything else is {@code %XX} of its UTF-8 bytes. */
    static String percentEncode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
