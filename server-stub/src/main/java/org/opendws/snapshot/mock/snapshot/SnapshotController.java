package org.opendws.snapshot.mock.snapshot;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.opendws.snapshot.mock.MockClock;
import org.opendws.snapshot.mock.World;
import org.opendws.snapshot.mock.auth.Principal;
import org.opendws.snapshot.mock.error.ErrorCodes;
import org.opendws.snapshot.mock.error.ServiceError;
import org.opendws.snapshot.mock.generated.api.SnapshotsApi;
import org.opendws.snapshot.mock.generated.model.CreateSnapshotRequestBody;
import org.opendws.snapshot.mock.generated.model.CreateSnapshotResponse;
import org.opendws.snapshot.mock.generated.model.ListClusterSnapshotsResponse;
import org.opendws.snapshot.mock.generated.model.ListSnapshotDetailsResponse;
import org.opendws.snapshot.mock.generated.model.ListSnapshotsResponse;
import org.opendws.snapshot.mock.generated.model.Snapshot;
import org.opendws.snapshot.mock.generated.model.SnapshotDetail;
import org.opendws.snapshot.mock.generated.model.SnapshotResp;
import org.opendws.snapshot.mock.generated.model.SnapshotStatus;
import org.opendws.snapshot.mock.generated.model.SnapshotType;
import org.opendws.snapshot.mock.generated.model.SortDir;
import org.opendws.snapshot.mock.generated.model.SortKey;
import org.opendws.snapshot.mock.store.SnapshotStore;
import org.opendws.snapshot.mock.store.SnapshotStore.StoredSnapshot;
import org.opendws.snapshot.mock.web.MockPipeline;
import org.opendws.snapshot.mock.world.WorldState;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.RestController;

/**
 * The snapshot operations, implementing the interface generated from the spec. By the time one
 * runs, the pipeline's gateway has authenticated the request and checked the project, and Spring
 * has validated it against the spec's constraints (a {@code snapshot_id} that is not a UUID
 * included, answered with the code the document gives it); what is left is the operation's own
 * rules. A snapshot of another project is one that does not exist.
 */
@RestController
public class SnapshotController implements SnapshotsApi {
    /** Times as the document shows them: UTC, whole seconds, {@code Z}. */
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final SnapshotService snapshots;
    private final SnapshotStore store;
    private final WorldState world;
    private final MockClock clock;
    private final HttpServletRequest request;

    /** The operations over these snapshots and world; {@code request} is the current request's proxy. */
    public SnapshotController(SnapshotService snapshots, WorldState world, HttpServletRequest request) {
        this.snapshots = snapshots;
        this.store = snapshots.store();
        this.world = world;
        this.clock = snapshots.clock();
        this.request = request;
    }

    /**
     * Query values of the document's enums ({@code sort_key=name}, {@code sort_dir=asc}) read
     * exactly as the document spells them (Spring Boot's own conversion would take {@code DESC}
     * or {@code Desc} too); one it does not list fails to convert, which the error mapper words as
     * {@code sort_dir: must be one of asc, desc (rejected value: ...)}.
     */
    @InitBinder
    void documentEnums(WebDataBinder binder) {
        binder.registerCustomEditor(SortKey.class, new java.beans.PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(SortKey.fromValue(text));
            }
        });
        binder.registerCustomEditor(SortDir.class, new java.beans.PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(SortDir.fromValue(text));
            }
        });
    }

    @Override
    public ResponseEntity<CreateSnapshotResponse> createSnapshot(String projectId, CreateSnapshotRequestBody body) {
        return ResponseEntity.ok(create(projectId, body.getSnapshot(), admitted()));
    }

    @Override
    public ResponseEntity<ListSnapshotsResponse> listSnapshots(String projectId) {
        admitted();
        List<SnapshotDetail> details = store.list(projectId, clock.now()).stream()
                .map(SnapshotController::detail)
                .toList();
        return ResponseEntity.ok(new ListSnapshotsResponse(details, details.size()));
    }

    @Override
    public ResponseEntity<ListClusterSnapshotsResponse> listClusterSnapshots(
            String projectId, String clusterId, Integer limit, Integer offset, SortKey sortKey, SortDir sortDir) {
        admitted();
        if (world.cluster(projectId, clusterId) == null && !store.hasSnapshotsOf(projectId, clusterId)) {
            throw new ServiceError(
                    404, ErrorCodes.NO_SUCH_CLUSTER, "Cluster " + clusterId + " does not exist in this project.");
        }
        SnapshotStore.Page page = store.page(
                projectId,
                clusterId,
                sortKey == SortKey.NAME ? SnapshotStore.SortKey.NAME : SnapshotStore.SortKey.STARTED,
                sortDir == SortDir.ASC,
                offset == null ? 0 : offset,
                limit,
                clock.now());
        return ResponseEntity.ok(new ListClusterSnapshotsResponse(
                page.snapshots().stream().map(SnapshotController::detail).toList(),
                projectId,
                clusterId,
                page.count()));
    }

    @Override
    public ResponseEntity<ListSnapshotDetailsResponse> listSnapshotDetails(String projectId, String snapshotId) {
        admitted();
        StoredSnapshot snapshot = store.find(projectId, UUID.fromString(snapshotId), clock.now());
        if (snapshot == null) {
            throw new ServiceError(
                    400, ErrorCodes.NO_SUCH_SNAPSHOT, "Snapshot " + snapshotId + " does not exist in this project.");
        }
        return ResponseEntity.ok(new ListSnapshotDetailsResponse(detail(snapshot)));
    }

    @Override
    public ResponseEntity<Void> deleteSnapshot(String projectId, String snapshotId) {
        admitted();
        String refusal = switch (store.delete(projectId, UUID.fromString(snapshotId), clock.now())) {
            case DELETED -> null;
            case NOT_FOUND -> "Snapshot " + snapshotId + " does not exist in this project (or was deleted already).";
            case AUTOMATED ->
                "Snapshot " + snapshotId + " is automated (AUTO); only manual snapshots can be deleted, "
                        + "automated ones expire with the snapshot policy's retention.";
            case CREATING -> "Snapshot " + snapshotId + " is CREATING; delete it once it is AVAILABLE or UNAVAILABLE.";
        };
        if (refusal != null) {
            throw ServiceError.invalid(refusal);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }

    /**
     * The principal the gateway admitted the request as. Without one the gateway never saw the
     * request (a setting such as a context path making Spring MVC and the document disagree on
     * the path): never an unauthenticated operation.
     */
    private Principal admitted() {
        if (!(request.getAttribute(MockPipeline.PRINCIPAL) instanceof Principal principal)) {
            throw new IllegalStateException("the gateway did not admit this request to the operation");
        }
        return principal;
    }

    /**
     * Creates a snapshot: a duplicate name (400, part of validation), then the cluster's
     * existence (404).
     */
    private CreateSnapshotResponse create(String projectId, Snapshot snapshot, Principal principal) {
        if (store.nameTaken(projectId, snapshot.getName())) {
            throw duplicate(snapshot.getName());
        }
        World.Cluster cluster = world.clusterInfo(projectId, snapshot.getClusterId());
        if (cluster == null) {
            throw ServiceError.notFound("Cluster " + snapshot.getClusterId() + " does not exist in this project.");
        }
        UUID id;
        try {
            id = snapshots.create(projectId, cluster, snapshot.getName(), snapshot.getDescription(), principal.name());
        } catch (SnapshotStore.RefusedException e) {
            throw switch (e.refusal()) {
                case DUPLICATE_NAME -> duplicate(snapshot.getName());
                case FULL ->
                    ServiceError.invalid("The mock holds " + store.capacity()
                            + " snapshots, its limit (dws.mock.max-snapshots); reset it with POST /__admin/reset.");
            };
        }
        return new CreateSnapshotResponse(new SnapshotResp(id.toString()));
    }

    private static ServiceError duplicate(String name) {
        return ServiceError.invalid("snapshot.name: a snapshot named " + name
                + " already exists in this project (names are compared without regard to case)");
    }

    /** A snapshot as the document's {@code SnapshotDetail}: {@code finished} absent while CREATING. */
    static SnapshotDetail detail(StoredSnapshot s) {
        return new SnapshotDetail(
                        s.id().toString(),
                        s.name(),
                        s.description(),
                        time(s.started()),
                        s.size(),
                        SnapshotStatus.fromValue(s.status().name()),
                        SnapshotType.fromValue(s.type().name()),
                        s.clusterId())
                .finished(s.finished() == null ? null : time(s.finished()))
                .clusterName(s.clusterName());
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }
}
