/**
 * Internal: the gateway's checks, in the API gateway's order, before an operation runs.
 * Not API: the embedding API is {@link org.opendws.snapshot.mock}.
 */
package org.opendws.snapshot.mock.gateway;
