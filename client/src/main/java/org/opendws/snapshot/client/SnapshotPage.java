package org.opendws.snapshot.client;

import java.util.List;

/**
 * One page of a cluster's snapshots ({@link DwsSnapshotClient#listClusterSnapshots}).
 *
 * @param snapshots this page's snapshots, in the order asked for (unmodifiable)
 * @param projectId the project, as the service answered
 * @param clusterId the cluster, as the service answered
 * @param count     how many snapshots the cluster has, all pages together
 * @param offset    the page index asked for (0 for the first page; 0 when none was asked for)
 * @param limit     the page size asked for; null when none was, and the page holds them all
 * @param requestId the {@code X-Request-Id} of the call, or null
 */
public record SnapshotPage(
        List<Snapshot> snapshots,
        String projectId,
        String clusterId,
        int count,
        int offset,
        Integer limit,
        String requestId) {
    /**
     * Copies the list: the record is immutable.
     *
     * @param snapshots this page's snapshots, in the order asked for
     * @param projectId the project, as the service answered
     * @param clusterId the cluster, as the service answered
     * @param count     how many snapshots the cluster has, all pages together
     * @param offset    the page index asked for
     * @param limit     the page size asked for, or null
     * @param requestId the {@code X-Request-Id} of the call, or null
     */
    public SnapshotPage {
        snapshots = List.copyOf(snapshots);
    }

    /**
     * Whether no page follows this one: it is empty, it holds them all (no limit), or
     * {@code (offset + 1) * limit >= count}.
     *
     * @return true for the last page
     */
    public boolean isLast() {
        return snapshots.isEmpty() || limit == null || (offset + 1L) * limit >= count;
    }
}
