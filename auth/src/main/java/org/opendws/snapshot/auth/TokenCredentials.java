package org.opendws.snapshot.auth;

/**
 * An IAM token, sent as is in {@code X-Auth-Token}. {@link #toString()} hides it.
 *
 * @param token the token
 */
public record TokenCredentials(String token) implements Credentials {
    /**
     * Checks that the token is given and not blank.
     *
     * @param token the IAM token
     */
    public TokenCredentials {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the IAM token is missing");
        }
    }

    @Override
    public String toString() {
        return "TokenCredentials[token=***]";
    }
}
