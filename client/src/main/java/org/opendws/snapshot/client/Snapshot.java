package org.opendws.snapshot.client;

import java.time.Instant;

/**
 * A snapshot as the list and detail operations show it.
 *
 * @param id          the snapshot's id (a UUID)
 * @param name        its name
 * @param description its description, empty when it has none
 * @param started     when taking it started; null if the service sent no time this client can read
 * @param finished    when it became {@code AVAILABLE} or {@code UNAVAILABLE}; null while it is {@code CREATING}
 * @param size        its size in GB; 0 until it is {@code AVAILABLE}
 * @param status      its state ({@link SnapshotStatus#UNKNOWN} for one this client does not know)
 * @param type        manual or automated ({@link SnapshotType#UNKNOWN} for a type this client does not know)
 * @param clusterId   the id of the cluster it was taken of
 * @param clusterName the name of that cluster, or null
 */
public record Snapshot(
        String id,
        String name,
        String description,
        Instant started,
        Instant finished,
        double size,
        SnapshotStatus status,
        SnapshotType type,
        String clusterId,
        String clusterName) {}
