package org.opendws.snapshot.mock.snapshot;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.UUID;
import org.opendws.snapshot.mock.auth.Principal;
import org.opendws.snapshot.mock.error.ServiceError;
import org.opendws.snapshot.mock.generated.api.SnapshotsApi;
import org.opendws.snapshot.mock.generated.model.CreateSnapshotRequestBody;
import org.opendws.snapshot.mock.generated.model.CreateSnapshotResponse;
import org.opendws.snapshot.mock.generated.model.Snapshot;
import org.opendws.snapshot.mock.generated.model.SnapshotResp;
import org.opendws.snapshot.mock.store.SnapshotStore;
import org.opendws.snapshot.mock.web.MockPipeline;
import org.opendws.snapshot.mock.world.WorldState;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * The snapshot operations, implementing the interface generated from the spec. By the time one
 * runs, the pipeline's gateway has authenticated the request and checked the project, and Spring
 * has validated it against the spec's constraints; what is left is the operation's own rules.
 */
@RestController
public class SnapshotController implements SnapshotsApi {
    private final SnapshotStore store;
    private final WorldState world;
    private final Clock clock;
    private final HttpServletRequest request;

    /** The operations over this store and world; {@code request} is the current request's proxy. */
    public SnapshotController(SnapshotStore store, WorldState world, Clock clock, HttpServletRequest request) {
        this.store = store;
        this.world = world;
        this.clock = clock;
        this.request = request;
    }

    @Override
    public ResponseEntity<CreateSnapshotResponse> createSnapshot(String projectId, CreateSnapshotRequestBody body) {
        // the gateway admitted the request as this principal; without one it never saw the request
        // (a setting such as a context path making Spring MVC and the document disagree on the
        // path): never an unauthenticated create
        if (!(request.getAttribute(MockPipeline.PRINCIPAL) instanceof Principal principal)) {
            throw new IllegalStateException("the gateway did not admit this request to the operation");
        }
        return ResponseEntity.ok(create(projectId, body.getSnapshot(), principal));
    }

    /**
     * Creates a snapshot: a duplicate name (400, part of validation), then the cluster's
     * existence (404).
     */
    private CreateSnapshotResponse create(String projectId, Snapshot snapshot, Principal principal) {
        if (store.nameTaken(projectId, snapshot.getName())) {
            throw duplicate(snapshot.getName());
        }
        String clusterId = world.cluster(projectId, snapshot.getClusterId());
        if (clusterId == null) {
            throw ServiceError.notFound("Cluster " + snapshot.getClusterId() + " does not exist in this project.");
        }
        UUID id;
        try {
            id = store.create(projectId, snapshot.getName(), clusterId, snapshot.getDescription(),
                    principal.name(), clock.instant());
        } catch (SnapshotStore.RefusedException e) {
            throw switch (e.refusal()) {
                case DUPLICATE_NAME -> duplicate(snapshot.getName());
                case FULL -> ServiceError.invalid("The mock holds " + store.capacity()
                        + " snapshots, its limit (dws.mock.max-snapshots); reset it with POST /__admin/reset.");
            };
        }
        return new CreateSnapshotResponse(new SnapshotResp(id.toString()));
    }

    private static ServiceError duplicate(String name) {
        return ServiceError.invalid("snapshot.name: a snapshot named " + name
                + " already exists in this project (names are compared without regard to case)");
    }
}
