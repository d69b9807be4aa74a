/**
 * Internal: the world as it changes at run time, and world files.
 * Not API: the embedding API is {@link org.opendws.snapshot.mock}.
 */
package org.opendws.snapshot.mock.world;
