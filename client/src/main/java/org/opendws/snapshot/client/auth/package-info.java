/**
 * Authentication: {@link org.opendws.snapshot.client.auth.Credentials} (AK/SK, optionally with a
 * security token, or an IAM token; explicit or from the environment) and
 * {@link org.opendws.snapshot.client.auth.AkSkSigner}, the JDK-only SDK-HMAC-SHA256 signer that the
 * mock server reuses to verify.
 */
package org.opendws.snapshot.client.auth;
