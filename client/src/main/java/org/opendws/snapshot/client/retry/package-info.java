/**
 * When the client tries a call again: {@link org.opendws.snapshot.client.retry.RetryPolicy}, and
 * {@link org.opendws.snapshot.client.retry.Sleeper} for how it waits in between.
 */
package org.opendws.snapshot.client.retry;
