package org.opendws.snapshot.client;

import java.util.List;

/**
 * Every snapshot of the project ({@link DwsSnapshotClient#listSnapshots()}).
 *
 * @param snapshots the snapshots, oldest first (unmodifiable)
 * @param count     how many there are, as the service counts them
 * @param requestId the {@code X-Request-Id} of the call, or null
 */
public record SnapshotList(List<Snapshot> snapshots, int count, String requestId) {
    /** Copies the list: the record is immutable. */
    public SnapshotList {
        snapshots = List.copyOf(snapshots);
    }
}
