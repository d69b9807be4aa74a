package org.opendws.snapshot.client;

/**
 * The answer to a successful create: the new snapshot's id, and the id the service gave the call.
 * The snapshot is then being taken (state {@code CREATING}).
 *
 * @param id        the new snapshot's id (a UUID)
 * @param requestId the {@code X-Request-Id} of the call, to quote to support; null if the service
 *                  sent none. For a recovered create, that of the list call that found the snapshot.
 * @param recovered true when a retry of the create was refused because the name was taken, and the
 *                  client found the snapshot its first attempt had made (see
 *                  {@link DwsSnapshotClient.Builder#recoverCreateRetries(boolean)}); false for a
 *                  create answered in the ordinary way
 */
public record CreatedSnapshot(String id, String requestId, boolean recovered) {
    /**
     * A create answered in the ordinary way (not recovered).
     *
     * @param id        the new snapshot's id
     * @param requestId the {@code X-Request-Id} of the call, or null
     */
    public CreatedSnapshot(String id, String requestId) {
        this(id, requestId, false);
    }
}
