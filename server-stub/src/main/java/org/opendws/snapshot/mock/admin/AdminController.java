package org.opendws.snapshot.mock.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.opendws.snapshot.mock.MockClock;
import org.opendws.snapshot.mock.SnapshotSeed;
import org.opendws.snapshot.mock.World;
import org.opendws.snapshot.mock.error.ServiceError;
import org.opendws.snapshot.mock.fault.FaultInjector;
import org.opendws.snapshot.mock.journal.Journal;
import org.opendws.snapshot.mock.snapshot.SnapshotService;
import org.opendws.snapshot.mock.store.SnapshotStore;
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
 * seed snapshots in any state, make a cluster's next snapshots fail, move the mock clock, plan
 * faults and read the stored snapshots and the journal. Secrets are accepted, never shown.
 */
@RestController
@RequestMapping(path = "/__admin", produces = "application/json")
public class AdminController {
    private final WorldState world;
    private final SnapshotStore store;
    private final Journal journal;
    private final FaultInjector faults;
    private final MockReset reset;
    private final MockClock clock;
    private final SnapshotService snapshots;

    /** The admin API over these parts. */
    public AdminController(
            WorldState world, SnapshotService snapshots, Journal journal, FaultInjector faults, MockReset reset) {
        this.clock = snapshots.clock();
        this.world = world;
        this.store = snapshots.store();
        this.snapshots = snapshots;
        this.journal = journal;
        this.faults = faults;
        this.reset = reset;
    }

    /**
     * A stored snapshot as it is now (on the mock clock); {@code created_at} is {@code started}
     * to the millisecond, {@code finished} absent while {@code CREATING}.
     */
    public record SnapshotView(
            String id,
            String name,
            @JsonProperty("cluster_id") String clusterId,
            @JsonProperty("cluster_name") String clusterName,
            String description,
            @JsonProperty("project_id") String projectId,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("created_by") String createdBy,
            String type,
            String status,
            String started,
            String finished,
            double size) {
        static SnapshotView of(SnapshotStore.StoredSnapshot s) {
            return new SnapshotView(
                    s.id().toString(),
                    s.name(),
                    s.clusterId(),
                    s.clusterName(),
                    s.description(),
                    s.projectId(),
                    s.started().toString(),
                    s.createdBy(),
                    s.type().name(),
                    s.status().name(),
                    s.started().toString(),
                    s.finished() == null ? null : s.finished().toString(),
                    s.size());
        }
    }

    /** The mock clock: its now and whether it is frozen. */
    public record ClockView(String now, boolean frozen) {}

    /** The body of {@code PUT /__admin/clock}: either or both. */
    public record ClockRequest(String now, Boolean frozen) {}

    /** The body of {@code POST /__admin/clock/advance}: an ISO-8601 duration such as {@code PT5S}. */
    public record AdvanceRequest(String by) {}

    /** The body of {@code POST .../fail-next-snapshots}; {@code count} defaults to 1. */
    public record FailRequest(Integer count) {}

    /** The optional body of {@code PUT /__admin/projects/{project_id}/clusters/{cluster_id}}. */
    public record ClusterRequest(
            String name,
            @JsonProperty("data_size_gb") Double dataSizeGb,
            @JsonProperty("failing_snapshots") Integer failingSnapshots) {}

    /** A cluster of the world. */
    public record ClusterView(
            String id,
            String name,
            @JsonProperty("data_size_gb") double dataSizeGb,
            @JsonProperty("failing_snapshots") int failingSnapshots) {}

    /** The snapshots listed. */
    public record SnapshotList(long count, List<SnapshotView> snapshots) {}

    /** The world without its secrets; {@code clusters}: each project's clusters in full. */
    public record WorldView(
            Map<String, Set<String>> projects,
            Map<String, List<ClusterView>> clusters,
            List<CredentialView> credentials,
            List<TokenView> tokens) {}

    /** A credential without its SK or security token. */
    public record CredentialView(String ak, Set<String> projects, boolean temporary) {}

    /** A token without its value. */
    public record TokenView(String id, Set<String> projects) {}

    /**
     * The body of {@code PUT /__admin/credentials/{ak}}. Its {@code toString()} hides the secrets:
     * Spring MVC logs handler arguments at TRACE.
     */
    public record CredentialRequest(
            String sk,
            Set<String> projects,
            @JsonProperty("security_token") String securityToken) {
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
    public record FaultRequest(Integer status, Integer count) {}

    /**
     * The body of {@code POST /__admin/snapshots}: a seed ({@link SnapshotSeed}); only
     * {@code name} is required, {@code created_by} defaults to {@code admin}.
     */
    public record SnapshotRequest(
            @JsonProperty("project_id") String projectId,
            String name,
            @JsonProperty("cluster_id") String clusterId,
            String description,
            @JsonProperty("created_by") String createdBy,
            String type,
            String status,
            String started,
            String finished,
            Double size) {}

    /** The journal. */
    public record JournalView(int capacity, List<Journal.Entry> entries) {}

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
        Map<String, List<ClusterView>> clusters = new LinkedHashMap<>();
        current.clusters()
                .forEach((id, byId) -> clusters.put(
                        id,
                        byId.values().stream()
                                .sorted(java.util.Comparator.comparing(World.Cluster::id))
                                .map(c -> new ClusterView(c.id(), c.name(), c.dataSizeGb(), c.failingSnapshots()))
                                .toList()));
        return new WorldView(
                projects,
                clusters,
                current.credentials().values().stream()
                        .map(c -> new CredentialView(
                                c.accessKey(), new TreeSet<>(c.projects()), c.securityToken() != null))
                        .toList(),
                current.tokens().values().stream()
                        .map(t -> new TokenView(t.id(), new TreeSet<>(t.projects())))
                        .toList());
    }

    /** The stored snapshots, oldest first; {@code project_id} narrows to one project. */
    @GetMapping("/snapshots")
    public SnapshotList snapshots(@RequestParam(name = "project_id", required = false) String projectId) {
        List<SnapshotView> views = store.list(projectId, clock.now()).stream()
                .map(SnapshotView::of)
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
     * Stores a snapshot in any state (e.g. for a contract test's provider state "a snapshot named
     * X exists and is AVAILABLE"): the values of a {@link SnapshotSeed}, only the name required;
     * the cluster need not exist, the name must be free in the project.
     */
    @PostMapping(path = "/snapshots", consumes = "application/json")
    public SnapshotView addSnapshot(@RequestBody SnapshotRequest body) {
        SnapshotSeed seed;
        try {
            seed = SnapshotSeed.builder()
                    .projectId(body.projectId())
                    .clusterId(body.clusterId())
                    .name(body.name())
                    .description(body.description())
                    .type(body.type())
                    .status(body.status())
                    .started(instant(body.started(), "started"))
                    .finished(instant(body.finished(), "finished"))
                    .size(body.size())
                    .createdBy(body.createdBy())
                    .build();
            return SnapshotView.of(snapshots.seed(seed));
        } catch (IllegalArgumentException e) {
            throw ServiceError.invalid(e.getMessage());
        } catch (SnapshotStore.RefusedException e) {
            throw ServiceError.invalid(
                    e.refusal() == SnapshotStore.Refusal.FULL
                            ? "The mock holds " + store.capacity() + " snapshots, its limit (dws.mock.max-snapshots)."
                            : "A snapshot named " + body.name() + " already exists in project "
                                    + (body.projectId() == null ? World.DEFAULT_PROJECT_ID : body.projectId()) + ".");
        }
    }

    /** The mock clock. */
    @GetMapping("/clock")
    public ClockView clock() {
        return new ClockView(clock.now().toString(), clock.frozen());
    }

    /** Sets the mock clock ({@code now}) and freezes or resumes it ({@code frozen}). */
    @PutMapping(path = "/clock", consumes = "application/json")
    public ClockView setClock(@RequestBody ClockRequest body) {
        Instant now = instant(body.now(), "now");
        // freeze before setting: a running clock moves between set and freeze, a frozen one stays at now
        if (Boolean.TRUE.equals(body.frozen())) {
            clock.freeze();
        }
        if (now != null) {
            clock.set(now);
        }
        if (Boolean.FALSE.equals(body.frozen())) {
            clock.resume();
        }
        return clock();
    }

    /** Moves the mock clock by {@code by}, an ISO-8601 duration ({@code PT5S}). */
    @PostMapping(path = "/clock/advance", consumes = "application/json")
    public ClockView advanceClock(@RequestBody AdvanceRequest body) {
        if (body.by() == null) {
            throw ServiceError.invalid("by: is required (an ISO-8601 duration such as PT5S)");
        }
        try {
            clock.advance(Duration.parse(body.by()));
        } catch (DateTimeParseException e) {
            throw ServiceError.invalid(
                    "by: must be an ISO-8601 duration such as PT5S (rejected value: " + body.by() + ")");
        }
        return clock();
    }

    /** Makes the next {@code count} snapshots of a cluster of the world fail ({@code UNAVAILABLE}). */
    @PostMapping(
            path = "/projects/{project_id}/clusters/{cluster_id}/fail-next-snapshots",
            consumes = "application/json")
    public Map<String, Object> failNextSnapshots(
            @PathVariable("project_id") String projectId,
            @PathVariable("cluster_id") String clusterId,
            @RequestBody(required = false) FailRequest body) {
        int count = body == null || body.count() == null ? 1 : body.count();
        if (count < 0) {
            throw ServiceError.invalid("count: must be greater than or equal to 0 (rejected value: " + count + ")");
        }
        if (!world.failNextSnapshots(projectId, clusterId, count)) {
            throw ServiceError.notFound("Cluster " + clusterId + " does not exist in project " + projectId + ".");
        }
        return Map.of(
                "project_id", projectId, "cluster_id", clusterId.toLowerCase(Locale.ROOT), "failing_snapshots", count);
    }

    /** Adds a cluster to a project (creating the project). */
    @PutMapping("/projects/{project_id}/clusters/{cluster_id}")
    public Map<String, Object> putCluster(
            @PathVariable("project_id") String projectId,
            @PathVariable("cluster_id") String clusterId,
            @RequestBody(required = false) ClusterRequest body) {
        checkProject(projectId);
        requireValid(world.rules().clusterIdProblem(clusterId));
        boolean added;
        if (body == null) {
            added = world.putCluster(projectId, clusterId);
        } else {
            try {
                added = world.putCluster(
                        projectId,
                        new World.Cluster(
                                clusterId,
                                body.name(),
                                body.dataSizeGb() == null ? World.DEFAULT_DATA_SIZE_GB : body.dataSizeGb(),
                                body.failingSnapshots() == null ? 0 : body.failingSnapshots()));
            } catch (IllegalArgumentException e) {
                throw ServiceError.invalid(e.getMessage());
            }
        }
        return Map.of("project_id", projectId, "cluster_id", clusterId, "added", added);
    }

    /** Removes a cluster from a project. */
    @DeleteMapping("/projects/{project_id}/clusters/{cluster_id}")
    public Map<String, Object> deleteCluster(
            @PathVariable("project_id") String projectId, @PathVariable("cluster_id") String clusterId) {
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

    /**
     * Makes the next {@code count} authenticated requests to operations that document
     * {@code status} answer it with the spec's example.
     */
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

    private static Instant instant(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ServiceError.invalid(
                    field + ": must be an instant such as 2026-12-08T03:59:23Z (rejected value: " + text + ")");
        }
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
