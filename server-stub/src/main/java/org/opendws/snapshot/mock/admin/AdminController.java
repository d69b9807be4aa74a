package org.opendws.snapshot.mock.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.opendws.snapshot.mock.error.ServiceError;
import org.opendws.snapshot.mock.fault.FaultInjector;
import org.opendws.snapshot.mock.journal.Journal;
import org.opendws.snapshot.mock.store.SnapshotStore;
import org.opendws.snapshot.mock.world.World;
import org.opendws.snapshot.mock.world.WorldState;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API under {@code /__admin/}: JSON in and out, not authenticated, not part of the
 * DWS contract. Tests use it to reset the mock, shape the world (clusters, credentials, tokens),
 * plan faults and read the stored snapshots and the journal. Secrets are accepted, never shown.
 */
@RestController
@RequestMapping(path = "/__admin", produces = "application/json")
public class AdminController {
    private final WorldState world;
    private final SnapshotStore store;
    private final Journal journal;
    private final FaultInjector faults;
    private final MockReset reset;
    private final Clock clock;

    /** The admin API over these parts. */
    public AdminController(WorldState world, SnapshotStore store, Journal journal, FaultInjector faults, MockReset reset,
                           Clock clock) {
        this.clock = clock;
        this.world = world;
        this.store = store;
        this.journal = journal;
        this.faults = faults;
        this.reset = reset;
    }

    /** A stored snapshot. */
    public record SnapshotView(String id, String name, @JsonProperty("cluster_id") String clusterId,
                               String description, @JsonProperty("project_id") String projectId,
                               @JsonProperty("created_at") String createdAt, @JsonProperty("created_by") String createdBy) {
    }

    /** The snapshots listed. */
    public record SnapshotList(long count, List<SnapshotView> snapshots) {
    }

    /** The world without its secrets. */
    public record WorldView(Map<String, Set<String>> projects, List<CredentialView> credentials, List<TokenView> tokens) {
    }

    /** A credential without its SK or security token. */
    public record CredentialView(String ak, Set<String> projects, boolean temporary) {
    }

    /** A token without its value. */
    public record TokenView(String id, Set<String> projects) {
    }

    /**
     * The body of {@code PUT /__admin/credentials/{ak}}. Its {@code toString()} hides the secrets:
     * Spring MVC logs handler arguments at TRACE.
     */
    public record CredentialRequest(String sk, Set<String> projects, @JsonProperty("security_token") String securityToken) {
        @Override
        public String toString() {
            return "CredentialRequest[sk=***, projects=" + projects + ", securityToken="
                    + (securityToken == null ? "none" : "***") + "]";
        }
    }

    /** The body of {@code PUT /__admin/tokens/{id}}; {@code toString()} hides the token. */
    public record TokenRequest(String token, Set<String> projects) {
        @Override
        public String toString() {
            return "TokenRequest[token=***, projects=" + projects + "]";
        }
    }

    /** The body of {@code POST /__admin/faults}; {@code count} defaults to 1. */
    public record FaultRequest(Integer status, Integer count) {
    }

    /** The body of {@code POST /__admin/snapshots}; {@code created_by} defaults to {@code admin}. */
    public record SnapshotRequest(@JsonProperty("project_id") String projectId, String name,
                                  @JsonProperty("cluster_id") String clusterId, String description,
                                  @JsonProperty("created_by") String createdBy) {
    }

    /** The journal. */
    public record JournalView(int capacity, List<Journal.Entry> entries) {
    }

    /** Back to the start-up world: no snapshots, journal, faults or lockouts. */
    @PostMapping("/reset")
    public WorldView reset() {
        reset.run();
        return world();
    }

    /** The world as it is now (without secrets). */
    @GetMapping("/world")
    public WorldView world() {
        World current = world.current();
        Map<String, Set<String>> projects = new LinkedHashMap<>();
        current.projects().forEach((id, clusters) -> projects.put(id, new TreeSet<>(clusters)));
        return new WorldView(projects,
                current.credentials().values().stream()
                        .map(c -> new CredentialView(c.accessKey(), new TreeSet<>(c.projects()), c.securityToken() != null))
                        .toList(),
                current.tokens().values().stream().map(t -> new TokenView(t.id(), new TreeSet<>(t.projects()))).toList());
    }

    /** The stored snapshots, oldest first; {@code project_id} narrows to one project. */
    @GetMapping("/snapshots")
    public SnapshotList snapshots(@RequestParam(name = "project_id", required = false) String projectId) {
        List<SnapshotView> views = store.list(projectId).stream()
                .map(s -> new SnapshotView(s.id().toString(), s.name(), s.clusterId(), s.description(), s.projectId(),
                        s.createdAt().toString(), s.createdBy()))
                .toList();
        return new SnapshotList(views.size(), views);
    }

    /**
     * How many snapshots are stored, without listing them (a soak test or benchmark polls this
     * while millions are stored).
     */
    @GetMapping("/snapshots/count")
    public Map<String, Long> snapshotCount() {
        return Map.of("count", store.size());
    }

    /**
     * Stores a snapshot as if it had been created (e.g. for a contract test's provider state "a
     * snapshot named X exists"); the cluster need not exist, the name must be free in the project.
     */
    @PostMapping(path = "/snapshots", consumes = "application/json")
    public SnapshotView addSnapshot(@RequestBody SnapshotRequest body) {
        if (body.projectId() == null || body.name() == null || body.clusterId() == null) {
            throw ServiceError.invalid("project_id, name and cluster_id are required");
        }
        checkProject(body.projectId());
        requireValid(world.rules().clusterIdProblem(body.clusterId()));
        String createdBy = body.createdBy() == null ? "admin" : body.createdBy();
        String known = world.cluster(body.projectId(), body.clusterId());
        String clusterId = known != null ? known : body.clusterId().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        UUID id;
        try {
            id = store.create(body.projectId(), body.name(), clusterId, body.description(), createdBy, now);
        } catch (SnapshotStore.RefusedException e) {
            throw ServiceError.invalid(e.refusal() == SnapshotStore.Refusal.FULL
                    ? "The mock holds " + store.capacity() + " snapshots, its limit (dws.mock.max-snapshots)."
                    : "A snapshot named " + body.name() + " already exists in project " + body.projectId() + ".");
        }
        return new SnapshotView(id.toString(), body.name(), clusterId,
                body.description() == null ? "" : body.description(), body.projectId(), now.toString(), createdBy);
    }

    /** Adds a cluster to a project (creating the project). */
    @PutMapping("/projects/{project_id}/clusters/{cluster_id}")
    public Map<String, Object> putCluster(@PathVariable("project_id") String projectId,
                                          @PathVariable("cluster_id") String clusterId) {
        checkProject(projectId);
        requireValid(world.rules().clusterIdProblem(clusterId));
        boolean added = world.putCluster(projectId, clusterId);
        return Map.of("project_id", projectId, "cluster_id", clusterId, "added", added);
    }

    /** Removes a cluster from a project. */
    @DeleteMapping("/projects/{project_id}/clusters/{cluster_id}")
    public Map<String, Object> deleteCluster(@PathVariable("project_id") String projectId,
                                             @PathVariable("cluster_id") String clusterId) {
        if (!world.removeCluster(projectId, clusterId)) {
            throw ServiceError.notFound("Cluster " + clusterId + " does not exist in project " + projectId + ".");
        }
        return Map.of("project_id", projectId, "cluster_id", clusterId, "removed", true);
    }

    /** Adds or replaces an AK/SK credential. */
    @PutMapping(path = "/credentials/{ak}", consumes = "application/json")
    public CredentialView putCredential(@PathVariable("ak") String accessKey, @RequestBody CredentialRequest body) {
        if (body.sk() == null || body.sk().isBlank()) {
            throw ServiceError.invalid("sk: is required");
        }
        Set<String> projects = projects(body.projects());
        world.putCredential(new World.Credential(accessKey, body.sk(), body.securityToken(), projects));
        return new CredentialView(accessKey, new TreeSet<>(projects), body.securityToken() != null);
    }

    /** Removes an AK/SK credential. */
    @DeleteMapping("/credentials/{ak}")
    public Map<String, Object> deleteCredential(@PathVariable("ak") String accessKey) {
        if (!world.removeCredential(accessKey)) {
            throw ServiceError.notFound("There is no credential with AK " + accessKey + ".");
        }
        return Map.of("ak", accessKey, "removed", true);
    }

    /** Adds or replaces an IAM token. */
    @PutMapping(path = "/tokens/{id}", consumes = "application/json")
    public TokenView putToken(@PathVariable("id") String id, @RequestBody TokenRequest body) {
        if (body.token() == null || body.token().isBlank()) {
            throw ServiceError.invalid("token: is required");
        }
        Set<String> projects = projects(body.projects());
        world.putToken(new World.Token(id, body.token(), projects));
        return new TokenView(id, new TreeSet<>(projects));
    }

    /** Removes an IAM token. */
    @DeleteMapping("/tokens/{id}")
    public Map<String, Object> deleteToken(@PathVariable("id") String id) {
        if (!world.removeToken(id)) {
            throw ServiceError.notFound("There is no token with id " + id + ".");
        }
        return Map.of("id", id, "removed", true);
    }

    /** Makes the next {@code count} authenticated creates answer {@code status} with the spec's example. */
    @PostMapping(path = "/faults", consumes = "application/json")
    public FaultInjector.Planned planFault(@RequestBody FaultRequest body) {
        if (body.status() == null) {
            throw ServiceError.invalid("status: is required");
        }
        try {
            return faults.plan(body.status(), body.count() == null ? 1 : body.count());
        } catch (IllegalArgumentException e) {
            throw ServiceError.invalid(e.getMessage());
        }
    }

    /** The planned fault, if any. */
    @GetMapping("/faults")
    public Map<String, Object> fault() {
        FaultInjector.Planned planned = faults.planned();
        return planned == null ? Map.of() : Map.of("status", planned.status(), "remaining", planned.remaining());
    }

    /** Cancels the planned fault. */
    @DeleteMapping("/faults")
    public Map<String, Object> clearFaults() {
        faults.clear();
        return Map.of("cleared", true);
    }

    /** The last requests received (secrets redacted), oldest first. */
    @GetMapping("/journal")
    public JournalView journal() {
        return new JournalView(journal.capacity(), journal.entries());
    }

    /** Empties the journal. */
    @DeleteMapping("/journal")
    public Map<String, Object> clearJournal() {
        journal.clear();
        return Map.of("cleared", true);
    }

    private Set<String> projects(Set<String> projects) {
        Set<String> checked = projects == null ? Set.of() : projects;
        checked.forEach(this::checkProject);
        return checked;
    }

    private void checkProject(String projectId) {
        requireValid(world.rules().projectIdProblem(projectId));
    }

    private static void requireValid(String problem) {
        if (problem != null) {
            throw ServiceError.invalid(problem);
        }
    }
}
