/**
 * Internal: the OpenAPI document: served, and read for statuses, examples and id rules.
 * Not API: the embedding API is {@link org.opendws.snapshot.mock}.
 */
package org.opendws.snapshot.mock.spec;
