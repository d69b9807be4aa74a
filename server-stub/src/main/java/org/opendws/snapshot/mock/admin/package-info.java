/**
 * Internal: the admin API under /__admin/ and the reset it shares with DwsMockServer.
 * Not API: the embedding API is {@link org.opendws.snapshot.mock}.
 */
package org.opendws.snapshot.mock.admin;
