package org.opendws.snapshot.mock.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import org.opendws.snapshot.auth.AkSkSigner;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.auth.SignRequest;
import org.opendws.snapshot.mock.World;
import org.opendws.snapshot.mock.error.ServiceError;
import org.opendws.snapshot.mock.request.MockRequest;
import org.opendws.snapshot.mock.world.WorldState;

/**
 * Authenticates a request the way Huawei Cloud's API gateway does: an AK/SK signature
 * (SDK-HMAC-SHA256, recomputed with the {@link AkSkSigner} the client signs with, from a
 * {@link SignRequest} of exactly the signed headers, the {@code Host} header, the
 * {@code X-Sdk-Date} value, the raw path and query (parsed by the signer with the same
 * {@link org.opendws.snapshot.auth.QueryString} as the client's) and the body bytes as
 * received) or an IAM token in {@code X-Auth-Token}. Every failure is a 401 whose message says
 * which check failed; none reveals the expected signature or a secret.
 */
public final class Authenticator {
    /** The IAM token header. */
    public static final String HEADER_AUTH_TOKEN = "X-Auth-Token";

    private final AuthMode mode;
    private final WorldState world;
    private final LockoutRegistry lockouts;
    private final Clock clock;
    private final Duration maxClockSkew;
    private final AkSkSigner signer;

    /** An authenticator of the given mode over the current world. */
    public Authenticator(
            AuthMode mode, WorldState world, LockoutRegistry lockouts, Clock clock, Duration maxClockSkew) {
        this.mode = mode;
        this.world = world;
        this.lockouts = lockouts;
        this.clock = clock;
        this.maxClockSkew = maxClockSkew;
        this.signer = new AkSkSigner(clock);
    }

    /**
     * Who sent the request.
     *
     * @param request the request, its body bytes as received
     * @throws ServiceError 401 when authentication fails
     */
    public Principal authenticate(MockRequest request) {
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
            return verifySignature(request, AuthorizationHeader.parse(authorization));
        }
        if (token != null) {
            World.Token known = world.tokenByValue(token);
            if (known == null) {
                throw ServiceError.unauthenticated("the IAM token in X-Auth-Token is unknown or expired");
            }
            return new Principal(known.id(), known.projects());
        }
        throw ServiceError.unauthenticated(
                mode == AuthMode.TOKEN
                        ? "no credentials: send an IAM token in X-Auth-Token"
                        : "no credentials: sign the request with an AK/SK (Authorization) or send an IAM token (X-Auth-Token)");
    }

    private Principal verifySignature(MockRequest request, AuthorizationHeader auth) {
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
        SignRequest.Builder received = SignRequest.builder()
                .method(request.method())
                .host(signed.get("host"))
                .rawPath(request.path())
                .rawQuery(request.query())
                .sdkDate(date)
                .credentials(
                        Credentials.akSk(credential.accessKey(), credential.secretKey(), credential.securityToken()));
        // x-security-token, when signed, is the credential's (checkSecurityToken): the signer adds it
        signed.forEach((name, value) -> {
            if (!name.equals("host") && !name.equals("x-sdk-date") && !name.equals("x-security-token")) {
                received.header(name, value);
            }
        });
        payload(request, received);

        String expected = signer.sign(received.build()).signature();
        if (!AkSkSigner.signaturesEqual(expected, auth.signature())) {
            lockouts.failed(auth.accessKey(), now);
            throw ServiceError.unauthenticated("the signature does not match the request "
                    + "(check the canonical request, the SK and the signed headers)");
        }
        lockouts.succeeded(auth.accessKey(), now);
        return new Principal(credential.accessKey(), credential.projects());
    }

    private static void checkSecurityToken(
            MockRequest request, World.Credential credential, Map<String, String> signed) {
        String sent = request.header(AkSkSigner.HEADER_SECURITY_TOKEN);
        if (credential.securityToken() == null) {
            if (sent != null) {
                throw ServiceError.unauthenticated("X-Security-Token was sent, but the AK " + credential.accessKey()
                        + " is a permanent credential");
            }
            return;
        }
        if (sent == null) {
            throw ServiceError.unauthenticated(
                    "the AK " + credential.accessKey() + " is a temporary credential: X-Security-Token is required");
        }
        if (!AkSkSigner.signaturesEqual(credential.securityToken(), sent)) {
            throw ServiceError.unauthenticated(
                    "the X-Security-Token does not belong to the AK " + credential.accessKey());
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

    /** The body as received, or the X-Sdk-Content-Sha256 it declares (which must be its hash, or UNSIGNED-PAYLOAD). */
    private static void payload(MockRequest request, SignRequest.Builder received) {
        byte[] body = request.body();
        String declared = request.header(AkSkSigner.HEADER_CONTENT_SHA256);
        if (declared == null) {
            received.body(body);
            return;
        }
        if (!declared.equals(AkSkSigner.UNSIGNED_PAYLOAD) && !declared.equalsIgnoreCase(AkSkSigner.sha256Hex(body))) {
            throw ServiceError.unauthenticated("X-Sdk-Content-Sha256 does not match the SHA-256 of the body");
        }
        received.payloadHash(declared);
    }
}
