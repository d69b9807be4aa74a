package org.opendws.snapshot.mock.auth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.opendws.snapshot.auth.AkSkSigner;
import org.opendws.snapshot.mock.error.ServiceError;

/**
 * A parsed {@code Authorization: SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...}.
 * The value holds commas between its parts, so it is read as one raw header value, never split
 * as a list.
 *
 * @param accessKey     the AK
 * @param signedHeaders the signed header names, lower case, as listed
 * @param signature     the signature, lower-case hex
 */
public record AuthorizationHeader(String accessKey, List<String> signedHeaders, String signature) {
    private static final Set<String> PART_NAMES = Set.of("Access", "SignedHeaders", "Signature");
    /** compiled once: String.matches compiled it anew on every signed request */
    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");

    /**
     * Parses the header value.
     *
     * @throws ServiceError 401 naming what is malformed
     */
    public static AuthorizationHeader parse(String value) {
        String prefix = AkSkSigner.ALGORITHM + " ";
        if (!value.startsWith(prefix)) {
            throw malformed("it must start with " + prefix.trim());
        }
        // what the client sent is never quoted back: a misplaced SK or token could be in it
        Map<String, String> parts = new HashMap<>();
        for (String part : value.substring(prefix.length()).split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw malformed("every part must be name=value");
            }
            String name = part.substring(0, eq).trim();
            if (parts.put(name, part.substring(eq + 1).trim()) != null) {
                throw malformed(PART_NAMES.contains(name) ? name + " appears twice" : "a part appears twice");
            }
        }
        String access = required(parts, "Access");
        String signed = required(parts, "SignedHeaders");
        String signature = required(parts, "Signature");
        if (parts.size() != 3) {
            throw malformed("it must hold exactly Access, SignedHeaders and Signature");
        }
        if (!SIGNATURE.matcher(signature).matches()) {
            throw malformed("Signature must be 64 lower-case hex characters");
        }
        List<String> names = new ArrayList<>();
        for (String name : signed.split(";", -1)) {
            if (name.isEmpty() || !name.equals(name.trim())) {
                throw malformed("SignedHeaders must be header names joined by ';'");
            }
            names.add(name.toLowerCase(Locale.ROOT));
        }
        return new AuthorizationHeader(access, List.copyOf(names), signature);
    }

    private static String required(Map<String, String> parts, String name) {
        String value = parts.get(name);
        if (value == null || value.isEmpty()) {
            throw malformed(name + " is missing");
        }
        return value;
    }

    private static ServiceError malformed(String why) {
        return ServiceError.unauthenticated("the Authorization header is malformed: " + why + " (expected "
                + AkSkSigner.ALGORITHM + " Access=<AK>, SignedHeaders=<names>, Signature=<hex>)");
    }
}
