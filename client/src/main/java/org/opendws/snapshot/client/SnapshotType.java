package org.opendws.snapshot.client;

/** Who made a snapshot. */
public enum SnapshotType {
    /** made by a create, deleted by the user */
    MANUAL,
    /** made by the cluster's snapshot policy and expired by it; also read from {@code AUTOMATED}, as older answers say */
    AUTO,
    /** a type this client does not know */
    UNKNOWN
}
