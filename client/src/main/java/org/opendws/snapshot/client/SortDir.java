package org.opendws.snapshot.client;

/** The order of {@link DwsSnapshotClient#listClusterSnapshots}; equal keys are ordered by id. */
public enum SortDir {
    /** smallest (oldest) first */
    ASC,
    /** largest (newest) first (the service's default) */
    DESC
}
