package org.opendws.snapshot.client;

/**
 * The state of a snapshot. It starts {@link #CREATING} and becomes {@link #AVAILABLE} or, when
 * taking it failed, {@link #UNAVAILABLE}; anything but those two means it is still changing.
 */
public enum SnapshotStatus {
    /** being taken */
    CREATING,
    /** taken: it can be restored, copied or deleted */
    AVAILABLE,
    /** taking it failed */
    UNAVAILABLE,
    /** a cluster is being restored from it */
    RESTORING,
    /** frozen */
    FROZEN,
    /** frozen by the public-security authorities */
    POLICE_FROZEN,
    /** a state this client does not know (a newer service may report one) */
    UNKNOWN
}
