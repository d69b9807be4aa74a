/**
 * The client's machinery: the HTTP transport, signing on the wire, decoding, validation, retries,
 * the waiter and the recovery of retried creates. Not API: public only where the client's public
 * classes need it, and it may change in any release without notice. Use
 * {@link org.opendws.snapshot.client.DwsSnapshotClient} instead.
 */
package org.opendws.snapshot.client.internal;
