package org.opendws.snapshot.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SDK-HMAC-SHA256 request signer of Huawei Cloud's API gateway (AK/SK authentication).
 *
 * <pre>{@code
 * SignResult signed = new AkSkSigner().sign(request);   // a SignRequest
 * signed.headers().forEach(httpRequest::header);        // X-Sdk-Date, [X-Security-Token,] Authorization
 * }</pre>
 *
 * <p>A verifier signs the request it received the same way, from exactly the headers its
 * {@code SignedHeaders} names (with the {@code Host} and the {@code X-Sdk-Date} value as received),
 * and compares {@link SignResult#signature()} with the one sent using {@link #signaturesEqual}.
 *
 * <p>It depends on nothing but the JDK. Instances are immutable and thread-safe.
 */
public final class AkSkSigner {
    /** The algorithm name, first word of the {@code Authorization} header. */
    public static final String ALGORITHM = "SDK-HMAC-SHA256";
    /** The header holding the signing time. */
    public static final String HEADER_SDK_DATE = "X-Sdk-Date";
    /** The header holding the session token of temporary credentials. */
    public static final String HEADER_SECURITY_TOKEN = "X-Security-Token";
    /** The header that may hold a precomputed body hash, signed instead of the body's. */
    public static final String HEADER_CONTENT_SHA256 = "X-Sdk-Content-Sha256";
    /** The {@code X-Sdk-Content-Sha256} value of a body that is not signed. */
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    /** The format of {@code X-Sdk-Date}, e.g. {@code 20261128T045404Z}. */
    public static final DateTimeFormatter SDK_DATE_FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** The SHA-256 of an empty body. */
    public static final String EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final HexFormat HEX = HexFormat.of();
    /**
     * Looked up once and cloned for each use: getInstance searches the security providers on
     * every call, which was a sixth of a signature check's time in the mock server.
     */
    private static final MessageDigest SHA256 = sha256Instance();

    private static final Mac HMAC_SHA256 = hmacSha256Instance();
    private final Clock clock;

    /**
     * A signer that reads the signing time from {@code clock} when a request gives none (inject a
     * fixed clock in tests).
     *
     * @param clock the clock
     */
    public AkSkSigner(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A signer on the system UTC clock. */
    public AkSkSigner() {
        this(Clock.systemUTC());
    }

    /**
     * Signs a request. The signed headers are those of the request, {@code host},
     * {@code x-sdk-date} and, with a security token, {@code x-security-token}.
     *
     * @param request the request
     * @return the headers to add to the request, the signature and what it was computed from
     */
    public SignResult sign(SignRequest request) {
        AkSkCredentials credentials = request.credentials();
        String date = request.sdkDate() != null ? request.sdkDate() : SDK_DATE_FORMAT.format(clock.instant());
        TreeMap<String, String> signed = new TreeMap<>(request.headers());
        signed.put("host", request.host());
        signed.put("x-sdk-date", date);
        if (credentials.securityToken() != null) {
            signed.put("x-security-token", credentials.securityToken());
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : QueryString.parse(request.rawQuery())) {
            query.put(pair.getKey(), pair.getValue()); // a repeated name: its last value is signed
        }
        String canonical = Canonical.canonicalRequest(
                request.method(), Canonical.percentDecode(request.rawPath()), query, signed, request.payloadHash());
        String stringToSign = stringToSign(date, canonical);
        String signature = hmacSha256Hex(credentials.secretKey(), stringToSign);

        Map<String, String> add = new LinkedHashMap<>();
        add.put(HEADER_SDK_DATE, date);
        if (credentials.securityToken() != null) {
            add.put(HEADER_SECURITY_TOKEN, credentials.securityToken());
        }
        add.put(
                "Authorization",
                ALGORITHM + " Access=" + credentials.accessKey() + ", SignedHeaders="
                        + String.join(";", signed.keySet()) + ", Signature=" + signature);
        return new SignResult(add, signature, canonical, stringToSign);
    }

    /**
     * Compares two signatures (or other secrets) in time that does not depend on where they differ.
     *
     * @param expected the signature computed
     * @param actual   the signature received
     * @return whether they are equal
     */
    public static boolean signaturesEqual(String expected, String actual) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The lowercase hex SHA-256 of the bytes, as the canonical request holds a body's hash (and
     * {@code X-Sdk-Content-Sha256} declares it).
     *
     * @param bytes the bytes
     * @return the hash
     */
    public static String sha256Hex(byte[] bytes) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException notWithThisProvider) {
            digest = sha256Instance();
        }
        return HEX.formatHex(digest.digest(bytes));
    }

    /** {@code SDK-HMAC-SHA256\n<date>\n<hex sha256 of the canonical request>}. */
    static String stringToSign(String sdkDate, String canonicalRequest) {
        return ALGORITHM + '\n' + sdkDate + '\n' + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** Lowercase hex HMAC-SHA256 of the string to sign, keyed with the SK's UTF-8 bytes. */
    static String hmacSha256Hex(String secretKey, String stringToSign) {
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
}
