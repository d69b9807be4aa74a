package org.opendws.snapshot.mock;

import java.time.Instant;

/**
 * A snapshot of the mock as it is now (its state as of the mock clock's now), as
 * {@link DwsMockServer#snapshots()} lists it.
 *
 * @param id          its id
 * @param name        its name
 * @param description its description, empty when none
 * @param projectId   its project
 * @param clusterId   its cluster (lower case)
 * @param clusterName the cluster's name
 * @param status      {@code CREATING}, {@code AVAILABLE}, {@code UNAVAILABLE} (or a seeded
 *                    {@code RESTORING}, {@code FROZEN}, {@code POLICE_FROZEN})
 * @param type        {@code MANUAL} or {@code AUTO}
 * @param started     when taking it started
 * @param finished    when it was finished; null while {@code CREATING}
 * @param size        its size in GB; 0 while {@code CREATING}
 * @param createdBy   who made it: the AK, the IAM token's id, or {@code admin} for a seed
 */
public record SnapshotView(
        String id,
        String name,
        String description,
        String projectId,
        String clusterId,
        String clusterName,
        String status,
        String type,
        Instant started,
        Instant finished,
        double size,
        String createdBy) {
    /** When it was made: {@link #started()}. */
    public Instant createdAt() {
        return started;
    }
}
