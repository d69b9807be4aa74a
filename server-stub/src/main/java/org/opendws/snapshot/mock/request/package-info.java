/**
 * Internal: a received request as the pipeline sees it, and request ids.
 * Not API: the embedding API is {@link org.opendws.snapshot.mock}.
 */
package org.opendws.snapshot.mock.request;
