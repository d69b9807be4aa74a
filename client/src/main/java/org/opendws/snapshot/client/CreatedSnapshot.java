package org.opendws.snapshot.client;

/**
 * The answer to a successful create: the new snapshot's id, and the id the service gave the call.
 * The snapshot is then being taken (state {@code CREATING}).
 *
 * @param id        the new snapshot's id (a UUID)
 * @param requestId the {@code X-Request-Id} of the call, to quote to support; null if the service sent none
 */
public record CreatedSnapshot(String id, String requestId) {
}
