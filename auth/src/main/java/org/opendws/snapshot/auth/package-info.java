/**
 * AK/SK request signing of Huawei Cloud's API gateway (SDK-HMAC-SHA256), JDK only:
 * {@link org.opendws.snapshot.auth.Credentials} (AK/SK, optionally with a security token, or an IAM
 * token; explicit or from the environment), {@link org.opendws.snapshot.auth.SignRequest} (a request
 * to sign), {@link org.opendws.snapshot.auth.AkSkSigner} (signs it, giving a
 * {@link org.opendws.snapshot.auth.SignResult}) and {@link org.opendws.snapshot.auth.QueryString},
 * the query parser of the signer and of a verifier. The client signs with them and the mock server
 * verifies with them.
 */
package org.opendws.snapshot.auth;
