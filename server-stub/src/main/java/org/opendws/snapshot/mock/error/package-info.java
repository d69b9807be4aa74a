/**
 * Internal: the error schema: error codes and the mapping of failures to them.
 * Not API: the embedding API is {@link org.opendws.snapshot.mock}.
 */
package org.opendws.snapshot.mock.error;
