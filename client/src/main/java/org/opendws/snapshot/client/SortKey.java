package org.opendws.snapshot.client;

/** What {@link DwsSnapshotClient#listClusterSnapshots} sorts by. */
public enum SortKey {
    /** when taking the snapshot started (the service's default) */
    STARTED,
    /** the snapshot's name, compared without regard to case */
    NAME
}
