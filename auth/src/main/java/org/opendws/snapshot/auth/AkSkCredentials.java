package org.opendws.snapshot.auth;

/**
 * An access key pair, with the security token of temporary credentials when there is one.
 * {@link #toString()} shows the AK only.
 *
 * @param accessKey     the AK
 * @param secretKey     the SK
 * @param securityToken the session token of temporary credentials, or null
 */
public record AkSkCredentials(String accessKey, String secretKey, String securityToken) implements Credentials {
    /**
     * Checks that the AK and SK are given and not blank; a blank security token counts as none.
     *
     * @param accessKey     the AK
     * @param secretKey     the SK
     * @param securityToken the session token, or null
     */
    public AkSkCredentials {
        if (accessKey == null || accessKey.isBlank()) {
            throw new IllegalArgumentException("the access key (AK) is missing");
        }
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("the secret key (SK) is missing");
        }
        if (securityToken != null && securityToken.isBlank()) {
            securityToken = null;
        }
    }

    @Override
    public String toString() {
        return "AkSkCredentials[accessKey=" + accessKey + ", secretKey=***"
                + (securityToken == null ? "" : ", securityToken=***") + "]";
    }
}
