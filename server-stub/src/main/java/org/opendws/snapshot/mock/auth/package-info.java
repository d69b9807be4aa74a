/**
 * Internal: authentication: AK/SK signatures, IAM tokens and the AK lockout.
 * Not API: the embedding API is {@link org.opendws.snapshot.mock}.
 */
package org.opendws.snapshot.mock.auth;
