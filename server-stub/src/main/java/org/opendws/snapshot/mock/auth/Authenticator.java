package org.opendws.snapshot.mock.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.opendws.snapshot.client.auth.AkSkSigner;
import org.opendws.snapshot.mock.error.ServiceError;
import org.opendws.snapshot.mock.request.RequestHead;
import org.opendws.snapshot.mock.world.World;
import org.opendws.snapshot.mock.world.WorldState;
import org.springframework.web.util.UriUtils;

/**
 * Authenticates a request the way Huawei Cloud's API gateway does: an AK/SK signature
 * (SDK-HMAC-SHA256, recomputed with the client's {@link AkSkSigner} over exactly the signed
 * headers, the {@code Host} header and the body bytes as received) or an IAM token in
 * {@code X-Auth-Token}. Every failure is a 401 whose message says which check failed; none
 * reveals the expected signature or a secret.
 */
public final class Authenticator {
    /** The IAM token header. */
    public static final String HEADER_AUTH_TOKEN = "X-Auth-Token";
    private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    private final AuthMode mode;
    private final WorldState world;
    private final LockoutRegistry lockouts;
    private final Clock clock;
    private final Duration maxClockSkew;

    /** An authenticator of the given mode over the current world. */
    public Authenticator(AuthMode mode, WorldState world, LockoutRegistry lockouts, Clock clock, Duration maxClockSkew) {
        this.mode = mode;
        this.world = world;
        this.lockouts = lockouts;
        this.clock = clock;
        this.maxClockSkew = maxClockSkew;
    }

    /**
     * Who sent the request.
     *
     * @param request the request
     * @param body    its body bytes as received
     * @throws ServiceError 401 when authentication fails
     */
    public Principal authenticate(RequestHead request, byte[] body) {
        if (mode == AuthMode.NONE) {
            return Principal.ANONYMOUS;
        }
        String authorization = request.header("Authorization");
        String token = request.header(HEADER_AUTH_TOKEN);
        if (authorization != null) {
            if (mode == AuthMode.TOKEN) {
                throw ServiceError.unauthenticated("AK/SK signatures are not accepted here (dws.mock.auth=token); "
                        + "send an IAM token in X-Auth-Token");
            }
            return verifySignature(request, body, AuthorizationHeader.parse(authorization));
        }
        if (token != null) {
            World.Token known = world.tokenByValue(token);
            if (known == null) {
                throw ServiceError.unauthenticated("the IAM token in X-Auth-Token is unknown or expired");
            }
            return new Principal(known.id(), known.projects());
        }
        throw ServiceError.unauthenticated(mode == AuthMode.TOKEN
                ? "no credentials: send an IAM token in X-Auth-Token"
                : "no credentials: sign the request with an AK/SK (Authorization) or send an IAM token (X-Auth-Token)");
    }

    private Principal verifySignature(RequestHead request, byte[] body, AuthorizationHeader auth) {
        World.Credential credential = world.credential(auth.accessKey());
        if (credential == null) {
            throw ServiceError.unauthenticated("the AK " + auth.accessKey() + " is unknown");
        }
        Instant now = clock.instant();
        Duration locked = lockouts.lockedFor(auth.accessKey(), now);
        if (locked != null) {
            throw ServiceError.unauthenticated("the AK " + auth.accessKey() + " is locked for another "
                    + Math.max(1, locked.toSeconds()) + " s after too many failed signatures in a row");
        }
        if (!auth.signedHeaders().contains("host") || !auth.signedHeaders().contains("x-sdk-date")) {
            throw ServiceError.unauthenticated("SignedHeaders must include host and x-sdk-date (it lists "
                    + String.join(";", auth.signedHeaders()) + ")");
        }
        TreeMap<String, String> signed = new TreeMap<>();
        for (String name : auth.signedHeaders()) {
            String value = request.header(name);
            if (value == null) {
                throw ServiceError.unauthenticated("the signed header " + name + " is not in the request");
            }
            signed.put(name, value);
        }
        checkSecurityToken(request, credential, signed);
        String date = signed.get("x-sdk-date");
        checkDate(date, now);
        String bodyHash = bodyHash(request, body);

        String canonical = AkSkSigner.canonicalRequest(request.method(), path(request), query(request), signed, bodyHash);
        String expected = AkSkSigner.signature(credential.secretKey(), AkSkSigner.stringToSign(date, canonical));
        if (!AkSkSigner.signaturesEqual(expected, auth.signature())) {
            lockouts.failed(auth.accessKey(), now);
            throw ServiceError.unauthenticated("the signature does not match the request "
                    + "(check the canonical request, the SK and the signed headers)");
        }
        lockouts.succeeded(auth.accessKey(), now);
        return new Principal(credential.accessKey(), credential.projects());
    }

    private static void checkSecurityToken(RequestHead request, World.Credential credential,
                                           Map<String, String> signed) {
        String sent = request.header(AkSkSigner.HEADER_SECURITY_TOKEN);
        if (credential.securityToken() == null) {
            if (sent != null) {
                throw ServiceError.unauthenticated("X-Security-Token was sent, but the AK " + credential.accessKey()
                        + " is a permanent credential");
            }
            return;
        }
        if (sent == null) {
            throw ServiceError.unauthenticated("the AK " + credential.accessKey()
                    + " is a temporary credential: X-Security-Token is required");
        }
        if (!AkSkSigner.signaturesEqual(credential.securityToken(), sent)) {
            throw ServiceError.unauthenticated("the X-Security-Token does not belong to the AK " + credential.accessKey());
        }
        if (!signed.containsKey("x-security-token")) {
            throw ServiceError.unauthenticated("SignedHeaders must include x-security-token");
        }
    }

    private void checkDate(String date, Instant now) {
        Instant signedAt;
        try {
            signedAt = Instant.from(AkSkSigner.SDK_DATE_FORMAT.parse(date));
        } catch (DateTimeParseException e) {
            throw ServiceError.unauthenticated("X-Sdk-Date '" + date
                    + "' is malformed (expected UTC time as yyyyMMdd'T'HHmmss'Z', e.g. 20261128T045404Z)");
        }
        Duration skew = Duration.between(signedAt, now).abs();
        if (skew.compareTo(maxClockSkew) > 0) {
            throw ServiceError.unauthenticated("X-Sdk-Date " + date + " is " + skew.toSeconds()
                    + " s away from the server's clock (" + AkSkSigner.SDK_DATE_FORMAT.format(now)
                    + "); at most " + maxClockSkew.toSeconds() + " s are allowed");
        }
    }

    private static String bodyHash(RequestHead request, byte[] body) {
        String actual = AkSkSigner.sha256Hex(body);
        String declared = request.header(AkSkSigner.HEADER_CONTENT_SHA256);
        if (declared == null) {
            return actual;
        }
        if (!declared.equals(UNSIGNED_PAYLOAD) && !declared.equalsIgnoreCase(actual)) {
            throw ServiceError.unauthenticated("X-Sdk-Content-Sha256 does not match the SHA-256 of the body");
        }
        return declared;
    }

    /** The path as the client signed it: percent-decoded, to be encoded again segment by segment. */
    private static String path(RequestHead request) {
        return UriUtils.decode(request.path(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(RequestHead request) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = request.query();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(UriUtils.decode(name, StandardCharsets.UTF_8), UriUtils.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }
}
