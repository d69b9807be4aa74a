package org.opendws.snapshot.client.internal;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.opendws.snapshot.client.CreatedSnapshot;
import org.opendws.snapshot.client.DwsSnapshotClient;
import org.opendws.snapshot.client.ListClusterSnapshotsRequest;
import org.opendws.snapshot.client.Snapshot;
import org.opendws.snapshot.client.SnapshotPage;
import org.opendws.snapshot.client.SortDir;
import org.opendws.snapshot.client.SortKey;
import org.opendws.snapshot.client.error.BadRequestException;
import org.opendws.snapshot.client.error.DwsConnectionException;
import org.opendws.snapshot.client.error.DwsException;
import org.opendws.snapshot.client.error.DwsReadTimeoutException;
import org.opendws.snapshot.client.error.DwsServerErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Safe create retries: a retried create refused with 400 {@code DWS.0001} (the name is taken)
 * after an attempt that may have created the snapshot looks for that snapshot on the cluster.
 */
public final class CreateRecovery {
    /** How far the service's clock may be from ours: it refuses a signature more than this away. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(15);

    private static final Logger LOG = LoggerFactory.getLogger(DwsSnapshotClient.class);

    private CreateRecovery() {}

    /**
     * The snapshot an earlier attempt made, or else the refusal.
     *
     * @param refused      the last attempt's 400, the earlier attempts' failures suppressed in it
     * @param name         the name the create asked for
     * @param clusterId    the cluster it asked for
     * @param firstAttempt when the first attempt began, by our clock
     * @param pages        the pages of a cluster's snapshots for a request, fetched lazily
     * @return the snapshot found, {@linkplain CreatedSnapshot#recovered() recovered}
     * @throws BadRequestException {@code refused}, when no snapshot is found (a failed lookup suppressed in it)
     */
    public static CreatedSnapshot recoverOrThrow(
            BadRequestException refused,
            String name,
            String clusterId,
            Instant firstAttempt,
            Function<ListClusterSnapshotsRequest, Iterable<SnapshotPage>> pages) {
        if (!"DWS.0001".equals(refused.errorCode()) || !mayHaveCreated(refused)) {
            throw refused;
        }
        CreatedSnapshot found;
        try {
            found = findCreated(name, clusterId, firstAttempt, pages);
        } catch (DwsException lookupFailed) {
            refused.addSuppressed(lookupFailed);
            throw refused;
        }
        if (found == null) {
            throw refused;
        }
        return found;
    }

    /**
     * Whether an earlier attempt of a refused create may have created the snapshot: its request
     * may have reached the service (the connection broke after it was sent, no answer in time, a
     * server error). A refused connection or a connect timeout sent nothing.
     */
    private static boolean mayHaveCreated(BadRequestException refused) {
        for (Throwable earlier : refused.getSuppressed()) {
            if (earlier instanceof DwsReadTimeoutException
                    || earlier instanceof DwsServerErrorException
                    || earlier instanceof DwsConnectionException && !(earlier.getCause() instanceof ConnectException)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The snapshot named {@code name} on the cluster if it was started since the first attempt of
     * the create, with a margin of {@link #CLOCK_SKEW}: {@code started} is stamped by the
     * service's clock and {@code firstAttempt} read from ours, and the service accepts a signed
     * request only if those clocks are less than that apart (X-Sdk-Date), so a snapshot our first
     * attempt made was started no earlier than {@code firstAttempt - CLOCK_SKEW}. The margin also
     * covers {@code started} being cut to whole seconds. The cost: a snapshot of the same name made
     * by someone else within that margin before our attempt would be taken for ours.
     *
     * <p>The cluster's snapshots are read newest first, and only back to that bound. Null when none is found.
     */
    private static CreatedSnapshot findCreated(
            String name,
            String clusterId,
            Instant firstAttempt,
            Function<ListClusterSnapshotsRequest, Iterable<SnapshotPage>> pages) {
        Instant since = firstAttempt.minus(CLOCK_SKEW);
        ListClusterSnapshotsRequest newestFirst = ListClusterSnapshotsRequest.builder()
                .clusterId(clusterId)
                .sortKey(SortKey.STARTED)
                .sortDir(SortDir.DESC)
                .build();
        for (SnapshotPage page : pages.apply(newestFirst)) {
            for (Snapshot snapshot : page.snapshots()) {
                if (snapshot.started() != null && snapshot.started().isBefore(since)) {
                    return null; // older than the first attempt: no further snapshot can be ours
                }
                if (snapshot.name() != null
                        && snapshot.name().equalsIgnoreCase(name)) { // names collide regardless of case
                    if (snapshot.started() == null) {
                        return null; // cannot tell when it was made
                    }
                    LOG.warn(
                            "createSnapshot: a retry was refused because the name {} is taken; snapshot {}, started {},"
                                    + " was made by the first attempt and is returned as recovered",
                            name,
                            snapshot.id(),
                            snapshot.started());
                    return new CreatedSnapshot(snapshot.id(), page.requestId(), true);
                }
            }
        }
        return null;
    }
}
