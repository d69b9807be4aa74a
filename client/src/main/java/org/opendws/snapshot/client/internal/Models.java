package org.opendws.snapshot.client.internal;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.opendws.snapshot.client.CreatedSnapshot;
import org.opendws.snapshot.client.ListClusterSnapshotsRequest;
import org.opendws.snapshot.client.Snapshot;
import org.opendws.snapshot.client.SnapshotList;
import org.opendws.snapshot.client.SnapshotPage;
import org.opendws.snapshot.client.SnapshotStatus;
import org.opendws.snapshot.client.SnapshotType;
import org.opendws.snapshot.client.SortDir;
import org.opendws.snapshot.client.SortKey;
import org.opendws.snapshot.client.generated.model.ApiResponse;
import org.opendws.snapshot.client.generated.model.CreateSnapshotResponse;
import org.opendws.snapshot.client.generated.model.ListClusterSnapshotsResponse;
import org.opendws.snapshot.client.generated.model.ListSnapshotDetailsResponse;
import org.opendws.snapshot.client.generated.model.ListSnapshotsResponse;
import org.opendws.snapshot.client.generated.model.SnapshotDetail;

/**
 * The generated models turned into the client's records, leniently: the service's answers are
 * older or newer than the document in places (times without {@code Z}, {@code AUTOMATED} for
 * {@code AUTO}, states added later), and a snapshot that says something unexpected must not make a
 * list of them unreadable.
 */
public final class Models {
    private Models() {}

    /**
     * @param response the answer to a create
     * @return the new snapshot's id and the call's request id
     */
    public static CreatedSnapshot created(ApiResponse<CreateSnapshotResponse> response) {
        return new CreatedSnapshot(
                response.getData().getSnapshot().getId(), Responses.requestId(response.getHeaders()));
    }

    /**
     * @param response the answer to a detail
     * @return the snapshot
     */
    public static Snapshot snapshot(ApiResponse<ListSnapshotDetailsResponse> response) {
        return snapshot(response.getData().getSnapshot());
    }

    /**
     * @param response the answer to a list of the project's snapshots
     * @return the snapshots, their number and the call's request id
     */
    public static SnapshotList snapshotList(ApiResponse<ListSnapshotsResponse> response) {
        ListSnapshotsResponse data = response.getData();
        List<Snapshot> snapshots = snapshots(data.getSnapshots());
        return new SnapshotList(
                snapshots,
                data.getCount() == null ? snapshots.size() : data.getCount(),
                Responses.requestId(response.getHeaders()));
    }

    /**
     * @param request  the page asked for
     * @param response the answer
     * @return the page
     */
    public static SnapshotPage snapshotPage(
            ListClusterSnapshotsRequest request, ApiResponse<ListClusterSnapshotsResponse> response) {
        ListClusterSnapshotsResponse data = response.getData();
        List<Snapshot> snapshots = snapshots(data.getSnapshots());
        return new SnapshotPage(
                snapshots,
                data.getProjectId(),
                data.getClusterId(),
                data.getCount() == null ? snapshots.size() : data.getCount(),
                request.offset() == null ? 0 : request.offset(),
                request.limit(),
                Responses.requestId(response.getHeaders()));
    }

    static Snapshot snapshot(SnapshotDetail detail) {
        return new Snapshot(
                detail.getId(),
                detail.getName(),
                detail.getDescription() == null ? "" : detail.getDescription(),
                time(detail.getStarted()),
                time(detail.getFinished()),
                detail.getSize() == null ? 0 : detail.getSize(),
                detail.getStatus() == null
                        ? SnapshotStatus.UNKNOWN
                        : SnapshotStatus.valueOf(detail.getStatus().name()),
                detail.getType() == null
                        ? SnapshotType.UNKNOWN
                        : SnapshotType.valueOf(detail.getType().name()),
                detail.getClusterId(),
                detail.getClusterName());
    }

    static List<Snapshot> snapshots(List<SnapshotDetail> details) {
        return details == null
                ? List.of()
                : details.stream().map(Models::snapshot).toList();
    }

    /**
     * A time as the service writes it: {@code 2026-12-08T03:59:23Z}, or without the {@code Z} as
     * older answers do (then UTC), or with an offset or fractions; null when absent or unreadable.
     *
     * @param text the time as sent, or null
     * @return the instant, or null
     */
    public static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException noOffset) {
            try {
                return LocalDateTime.parse(text.trim()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    /**
     * @param key a sort key, or null
     * @return the generated model's, or null
     */
    public static org.opendws.snapshot.client.generated.model.SortKey sortKey(SortKey key) {
        return key == null ? null : org.opendws.snapshot.client.generated.model.SortKey.valueOf(key.name());
    }

    /**
     * @param dir a sort order, or null
     * @return the generated model's, or null
     */
    public static org.opendws.snapshot.client.generated.model.SortDir sortDir(SortDir dir) {
        return dir == null ? null : org.opendws.snapshot.client.generated.model.SortDir.valueOf(dir.name());
    }

    /**
     * Reads a status or type the generated enums do not know (their {@code fromValue} throws)
     * instead of failing the whole answer: {@code AUTOMATED} as {@code AUTO}, other letter cases as
     * the value they spell, anything else as null, which {@link #snapshot} turns into
     * {@code UNKNOWN}.
     */
    static final class LenientEnums extends DeserializationProblemHandler {
        @Override
        public Object handleInstantiationProblem(
                DeserializationContext context, Class<?> type, Object value, Throwable problem) {
            if (type != org.opendws.snapshot.client.generated.model.SnapshotStatus.class
                    && type != org.opendws.snapshot.client.generated.model.SnapshotType.class) {
                return NOT_HANDLED;
            }
            String name = String.valueOf(value).trim().toUpperCase(Locale.ROOT);
            if (type == org.opendws.snapshot.client.generated.model.SnapshotType.class && name.equals("AUTOMATED")) {
                name = "AUTO";
            }
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(name)) {
                    return constant;
                }
            }
            return null;
        }
    }
}
