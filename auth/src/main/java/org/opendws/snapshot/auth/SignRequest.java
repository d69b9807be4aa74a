package org.opendws.snapshot.auth;

import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@link AkSkSigner#sign} signs: one HTTP request as it will be sent (or, for a verifier, as
 * it was received), with the credentials to sign it with. Immutable and thread-safe; made with
 * {@link #builder()}.
 *
 * <pre>{@code
 * SignRequest request = SignRequest.builder()
 *         .method("POST")
 *         .host("dws.cn-north-4.myhuaweicloud.com")
 *         .rawPath("/v1.0/89cd04f168b84af6be287f71730fdb4b/snapshots")
 *         .header("Content-Type", "application/json")
 *         .body(body)
 *         .credentials(Credentials.akSk(ak, sk))
 *         .build();
 * }</pre>
 *
 * <p>{@code Host}, {@code X-Sdk-Date} and {@code X-Security-Token} are always signed and come from
 * {@link Builder#host}, the signing time and the credentials; the other headers to sign are given
 * with {@link Builder#header}. The body enters the signature only through its SHA-256, which is
 * all the request keeps of it. {@link #toString()} shows no secret and no header value.
 */
public final class SignRequest {
    private final String method;
    private final String host;
    private final String rawPath;
    private final String rawQuery;
    private final Map<String, String> headers;
    private final String payloadHash;
    private final AkSkCredentials credentials;
    private final String sdkDate;

    private SignRequest(Builder builder, String payloadHash, String sdkDate) {
        this.method = builder.method;
        this.host = builder.host;
        this.rawPath = builder.rawPath;
        this.rawQuery = builder.rawQuery;
        this.headers = Collections.unmodifiableMap(new TreeMap<>(builder.headers));
        this.payloadHash = payloadHash;
        this.credentials = builder.credentials;
        this.sdkDate = sdkDate;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the HTTP method, as given (the canonical request upper-cases it) */
    public String method() {
        return method;
    }

    /** @return the {@code Host} header value, with the port when it is not the scheme's default */
    public String host() {
        return host;
    }

    /** @return the path as sent, percent-encoded, e.g. {@code /v1.0/89cd04f168b84af6be287f71730fdb4b/snapshots} */
    public String rawPath() {
        return rawPath;
    }

    /** @return the query string as sent, without the {@code ?}, or null when there is none */
    public String rawQuery() {
        return rawQuery;
    }

    /**
     * @return the headers to sign besides {@code host}, {@code x-sdk-date} and
     *         {@code x-security-token}: lower-case name to value, sorted by name, unmodifiable
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * @return what the canonical request ends with: the lowercase hex SHA-256 of the body, or the
     *         payload hash given instead (e.g. {@value AkSkSigner#UNSIGNED_PAYLOAD})
     */
    public String payloadHash() {
        return payloadHash;
    }

    /** @return the AK/SK credentials that sign the request */
    public AkSkCredentials credentials() {
        return credentials;
    }

    /**
     * @return the {@code X-Sdk-Date} value to sign with, or null when the signer's clock gives the
     *         signing time
     */
    public String sdkDate() {
        return sdkDate;
    }

    @Override
    public String toString() {
        return "SignRequest[" + method + " " + host + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery)
                + ", headers=" + headers.keySet() + ", payloadHash=" + payloadHash + ", credentials=" + credentials
                + (sdkDate == null ? "" : ", sdkDate=" + sdkDate) + "]";
    }

    /**
     * Builds a {@link SignRequest}. Method, host, raw path and credentials are required; the query,
     * the headers, the body (or its hash) and the signing time are not. Not thread-safe; each
     * {@link #build()} makes an independent request.
     */
    public static final class Builder {
        private String method;
        private String host;
        private String rawPath;
        private String rawQuery;
        private final Map<String, String> headers = new TreeMap<>();
        private byte[] body;
        private String payloadHash;
        private AkSkCredentials credentials;
        private Instant signingTime;
        private String sdkDate;

        private Builder() {}

        /**
         * @param method the HTTP method, e.g. {@code POST}
         * @return this builder
         */
        public Builder method(String method) {
            this.method = requireText(method, "method");
            return this;
        }

        /**
         * @param host the {@code Host} header value as sent: the host, with the port unless it is
         *             the scheme's default (e.g. {@code 127.0.0.1:8080}); a verifier passes the value
         *             it received, even an empty one
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * @param rawPath the path as sent, percent-encoded (what {@link java.net.URI#getRawPath()}
         *                gives); it is decoded, then each segment encoded again for the signature
         * @return this builder
         */
        public Builder rawPath(String rawPath) {
            this.rawPath = Objects.requireNonNull(rawPath, "rawPath");
            return this;
        }

        /**
         * @param rawQuery the query string as sent, without the {@code ?} (what
         *                 {@link java.net.URI#getRawQuery()} gives), read with {@link QueryString#parse};
         *                 null or empty for none
         * @return this builder
         */
        public Builder rawQuery(String rawQuery) {
            this.rawQuery = rawQuery == null || rawQuery.isEmpty() ? null : rawQuery;
            return this;
        }

        /**
         * Adds a header to sign; a name given again (in any case) replaces its value.
         *
         * @param name  the header name, in any case (signed lower-cased)
         * @param value the value as sent (signed trimmed)
         * @return this builder
         * @throws IllegalArgumentException for {@code Host}, {@code X-Sdk-Date} and
         *                                  {@code X-Security-Token}, which come from {@link #host},
         *                                  the signing time and the credentials
         */
        public Builder header(String name, String value) {
            String lowerCase = requireText(name, "header name").toLowerCase(Locale.ROOT);
            Objects.requireNonNull(value, () -> "the value of header " + name);
            switch (lowerCase) {
                case "host" -> throw new IllegalArgumentException("Host is signed from host(...), not header(...)");
                case "x-sdk-date" ->
                    throw new IllegalArgumentException(
                            "X-Sdk-Date is signed from signingTime(...) or sdkDate(...), not header(...)");
                case "x-security-token" ->
                    throw new IllegalArgumentException(
                            "X-Security-Token is signed from the credentials' security token, not header(...)");
                default -> headers.put(lowerCase, value);
            }
            return this;
        }

        /**
         * Adds each header of the map as {@link #header(String, String)} does.
         *
         * @param headers header name to value
         * @return this builder
         */
        public Builder headers(Map<String, String> headers) {
            headers.forEach(this::header);
            return this;
        }

        /**
         * The exact body bytes that are sent; by default the body is empty. Only their SHA-256 is
         * kept. Not together with {@link #payloadHash}.
         *
         * @param body the body
         * @return this builder
         */
        public Builder body(byte[] body) {
            this.body = Objects.requireNonNull(body, "body");
            return this;
        }

        /**
         * What to sign instead of the SHA-256 of the body, as the {@code X-Sdk-Content-Sha256}
         * header declares it: a hex SHA-256, or {@value AkSkSigner#UNSIGNED_PAYLOAD}. Used as given.
         * Not together with {@link #body}.
         *
         * @param payloadHash the value
         * @return this builder
         */
        public Builder payloadHash(String payloadHash) {
            this.payloadHash = requireText(payloadHash, "payloadHash");
            return this;
        }

        /**
         * @param credentials the AK/SK credentials; a security token they hold is sent as
         *                    {@code X-Security-Token} and signed
         * @return this builder
         */
        public Builder credentials(AkSkCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * The signing time, sent as {@code X-Sdk-Date} (to the second, UTC); by default the signer's
         * clock at {@link AkSkSigner#sign}. Not together with {@link #sdkDate}.
         *
         * @param signingTime the time
         * @return this builder
         */
        public Builder signingTime(Instant signingTime) {
            this.signingTime = Objects.requireNonNull(signingTime, "signingTime");
            return this;
        }

        /**
         * The signing time as an {@code X-Sdk-Date} value already formatted (e.g.
         * {@code 20261128T045404Z}), signed exactly as given: what a verifier received. Not together
         * with {@link #signingTime}.
         *
         * @param sdkDate the value
         * @return this builder
         */
        public Builder sdkDate(String sdkDate) {
            this.sdkDate = requireText(sdkDate, "sdkDate");
            return this;
        }

        /**
         * @return the request
         * @throws IllegalStateException if a required part is missing, or both of two alternatives
         *                               were given (body and payload hash, signing time and
         *                               {@code X-Sdk-Date} value)
         */
        public SignRequest build() {
            requireSet(method, "method");
            requireSet(host, "host");
            requireSet(rawPath, "rawPath");
            requireSet(credentials, "credentials");
            if (body != null && payloadHash != null) {
                throw new IllegalStateException("give the body or its payloadHash, not both");
            }
            if (signingTime != null && sdkDate != null) {
                throw new IllegalStateException("give the signingTime or the sdkDate, not both");
            }
            String hash = payloadHash != null
                    ? payloadHash
                    : body != null ? AkSkSigner.sha256Hex(body) : AkSkSigner.EMPTY_BODY_SHA256;
            String date = signingTime != null ? AkSkSigner.SDK_DATE_FORMAT.format(signingTime) : sdkDate;
            return new SignRequest(this, hash, date);
        }

        private static String requireText(String value, String what) {
            Objects.requireNonNull(value, what);
            if (value.isBlank()) {
                throw new IllegalArgumentException(what + " is blank");
            }
            return value;
        }

        private static void requireSet(Object value, String what) {
            if (value == null) {
                throw new IllegalStateException(what + " is required");
            }
        }
    }
}
