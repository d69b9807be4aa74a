package org.opendws.snapshot.client.error;

import org.opendws.snapshot.client.SnapshotStatus;

/**
 * Waiting for a snapshot to become {@code AVAILABLE} ended without it: the snapshot became
 * {@code UNAVAILABLE} (taking it failed), or the wait timed out. A failure of a poll itself (the
 * snapshot does not exist, the service cannot be reached) is thrown as that call's own exception.
 */
public class SnapshotWaitException extends DwsException {
    private static final long serialVersionUID = 1L;

    /** Why the wait ended. */
    public enum Reason {
        /** the snapshot became {@code UNAVAILABLE}: taking it failed */
        UNAVAILABLE,
        /** the timeout passed before the snapshot became {@code AVAILABLE} */
        TIMEOUT
    }

    private final String snapshotId;
    private final SnapshotStatus lastStatus;
    private final Reason reason;

    /**
     * @param message    what happened
     * @param snapshotId the snapshot waited for
     * @param lastStatus the last status seen, or null if none was
     * @param reason     why the wait ended
     */
    public SnapshotWaitException(String message, String snapshotId, SnapshotStatus lastStatus, Reason reason) {
        super(message, null, null);
        this.snapshotId = snapshotId;
        this.lastStatus = lastStatus;
        this.reason = reason;
    }

    /** @return the id of the snapshot waited for */
    public String snapshotId() {
        return snapshotId;
    }

    /** @return the last status a poll saw, or null if no poll answered */
    public SnapshotStatus lastStatus() {
        return lastStatus;
    }

    /** @return why the wait ended */
    public Reason reason() {
        return reason;
    }
}
