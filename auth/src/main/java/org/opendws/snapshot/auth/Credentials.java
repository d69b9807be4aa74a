package org.opendws.snapshot.auth;

import java.util.Objects;
import java.util.function.Function;

/**
 * What a request authenticates with: an access key pair ({@link AkSkCredentials}, the request is
 * signed with SDK-HMAC-SHA256 by {@link AkSkSigner}) or an IAM token ({@link TokenCredentials},
 * sent as {@code X-Auth-Token}). Secrets never appear in {@code toString()}.
 */
public sealed interface Credentials permits AkSkCredentials, TokenCredentials {
    /** The official SDK's variable for the access key. */
    String ENV_AK = "HUAWEICLOUD_SDK_AK";
    /** The official SDK's variable for the secret key. */
    String ENV_SK = "HUAWEICLOUD_SDK_SK";
    /** The official SDK's variable for the security token of temporary credentials. */
    String ENV_SECURITY_TOKEN = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
    /** The official SDK's variable for the project id. */
    String ENV_PROJECT_ID = "HUAWEICLOUD_SDK_PROJECT_ID";
    /** The access key variable of the API page's samples. */
    String ENV_CLOUD_SDK_AK = "CLOUD_SDK_AK";
    /** The secret key variable of the API page's samples. */
    String ENV_CLOUD_SDK_SK = "CLOUD_SDK_SK";

    /**
     * Permanent AK/SK credentials.
     *
     * @param accessKey the AK
     * @param secretKey the SK
     * @return the credentials
     * @throws IllegalArgumentException if the AK or SK is missing or blank
     */
    static AkSkCredentials akSk(String accessKey, String secretKey) {
        return new AkSkCredentials(accessKey, secretKey, null);
    }

    /**
     * Temporary AK/SK credentials: the security token is sent as {@code X-Security-Token} and signed.
     *
     * @param accessKey     the AK
     * @param secretKey     the SK
     * @param securityToken the session token, or null for permanent credentials
     * @return the credentials
     * @throws IllegalArgumentException if the AK or SK is missing or blank
     */
    static AkSkCredentials akSk(String accessKey, String secretKey, String securityToken) {
        return new AkSkCredentials(accessKey, secretKey, securityToken);
    }

    /**
     * An IAM token, sent as {@code X-Auth-Token}.
     *
     * @param iamToken the token
     * @return the credentials
     * @throws IllegalArgumentException if the token is missing or blank
     */
    static TokenCredentials token(String iamToken) {
        return new TokenCredentials(iamToken);
    }

    /**
     * AK/SK credentials from the process environment; see {@link #fromEnvironment(Function)}.
     *
     * @return the credentials
     * @throws IllegalStateException if the environment holds no complete key pair
     */
    static Credentials fromEnvironment() {
        return fromEnvironment(System::getenv);
    }

    /**
     * AK/SK credentials from {@code HUAWEICLOUD_SDK_AK} and {@code HUAWEICLOUD_SDK_SK} (with
     * {@code HUAWEICLOUD_SDK_SECURITY_TOKEN} when set), as the official SDK reads them, or else from
     * {@code CLOUD_SDK_AK} and {@code CLOUD_SDK_SK}, as the API page's samples do. Blank values count
     * as unset.
     *
     * @param environment the variables: name to value, null when unset
     * @return the credentials
     * @throws IllegalStateException if neither pair is complete, naming the missing variables
     */
    static Credentials fromEnvironment(Function<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        String ak = read(environment, ENV_AK);
        String sk = read(environment, ENV_SK);
        if (ak != null || sk != null) {
            requirePair(ak, sk, ENV_AK, ENV_SK);
            return new AkSkCredentials(ak, sk, read(environment, ENV_SECURITY_TOKEN));
        }
        ak = read(environment, ENV_CLOUD_SDK_AK);
        sk = read(environment, ENV_CLOUD_SDK_SK);
        if (ak != null || sk != null) {
            requirePair(ak, sk, ENV_CLOUD_SDK_AK, ENV_CLOUD_SDK_SK);
            return new AkSkCredentials(ak, sk, null);
        }
        throw new IllegalStateException("No credentials: set " + ENV_AK + " and " + ENV_SK + " (or " + ENV_CLOUD_SDK_AK
                + " and " + ENV_CLOUD_SDK_SK + "), or give the client credentials");
    }

    private static String read(Function<String, String> environment, String name) {
        String value = environment.apply(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void requirePair(String ak, String sk, String akName, String skName) {
        if (ak == null) {
            throw new IllegalStateException(skName + " is set but " + akName + " is not");
        }
        if (sk == null) {
            throw new IllegalStateException(akName + " is set but " + skName + " is not");
        }
    }
}
