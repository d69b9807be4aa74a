package org.opendws.snapshot.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendws.snapshot.mock.spec.OpenApiDocument;
import org.opendws.snapshot.mock.support.DwsHttp;
import org.opendws.snapshot.mock.world.WorldFile;
import org.opendws.snapshot.mock.world.WorldFileException;

/** YAML worlds: the committed example loads and works; every malformed file names its line. */
class WorldFileTest {
    private static final Path EXAMPLE = Path.of("examples/world.yaml");
    private final WorldFile reader = new WorldFile(OpenApiDocument.load().idRules());

    @Test
    void readsTheCommittedExample() {
        World world = reader.load(EXAMPLE);

        assertThat(world.projects())
                .containsOnlyKeys(
                        "89cd04f168b84af6be287f71730fdb4b",
                        "0123456789abcdef0123456789abcdef",
                        "fedcba9876543210fedcba9876543210");
        assertThat(world.projects().get("89cd04f168b84af6be287f71730fdb4b"))
                .containsExactlyInAnyOrder(
                        "44b277eb-39be-4921-be31-3d61b43651d7", "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b");
        assertThat(world.projects().get("fedcba9876543210fedcba9876543210")).isEmpty();
        assertThat(world.credentials())
                .containsOnlyKeys("MOCKACCESSKEY0000000", "READONLYACCESSKEY000", "TEMPORARYACCESSKEY00");
        assertThat(world.credentials().get("TEMPORARYACCESSKEY00").securityToken())
                .isEqualTo("MockSessionTokenForLocalDevelopmentOnly");
        assertThat(world.credentials().get("READONLYACCESSKEY000").projects()).isEmpty();
        assertThat(world.tokens().get("ci-pipeline").value()).isEqualTo("MockIamTokenOfTheCiPipeline");
        assertThat(world.tokens().get("ci-pipeline").projects()).isEqualTo(Set.of("89cd04f168b84af6be287f71730fdb4b"));
        assertThat(world.cluster("89cd04f168b84af6be287f71730fdb4b", "6F1C2A3B-4D5E-4F60-8A7B-9C0D1E2F3A4B"))
                .isEqualTo(new World.Cluster("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", "dws-analytics", 120.5, 1));
        assertThat(world.cluster("0123456789abcdef0123456789abcdef", "11111111-2222-4333-8444-555555555555"))
                .as("a cluster given as a UUID alone")
                .isEqualTo(new World.Cluster("11111111-2222-4333-8444-555555555555", "dws-11111111", 500.0, 0));
        assertThat(world.snapshots()).extracting(SnapshotSeed::name).containsExactly("auto-20261207", "before-upgrade");
        assertThat(world.snapshots().get(0))
                .isEqualTo(SnapshotSeed.builder()
                        .name("auto-20261207")
                        .clusterId("44b277eb-39be-4921-be31-3d61b43651d7")
                        .type("AUTO")
                        .status("AVAILABLE")
                        .started(java.time.Instant.parse("2026-12-07T02:00:00Z"))
                        .finished(java.time.Instant.parse("2026-12-07T02:04:10Z"))
                        .description("made by the snapshot policy")
                        .build());
    }

    @Test
    void theExampleWorldsSeedsAndFailingClusterWork() {
        try (DwsMockServer mock =
                DwsMockServer.builder().world(reader.load(EXAMPLE)).start()) {
            assertThat(mock.snapshots())
                    .extracting(
                            SnapshotView::name,
                            SnapshotView::type,
                            SnapshotView::status,
                            SnapshotView::clusterName,
                            SnapshotView::size)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    "before-upgrade", "MANUAL", "UNAVAILABLE", "dws-analytics", 0.0),
                            org.assertj.core.groups.Tuple.tuple(
                                    "auto-20261207", "AUTO", "AVAILABLE", "dws-demo", 500.0));
            mock.clock().freeze();
            DwsHttp http = new DwsHttp(mock.baseUrl());
            assertThat(http.create(DwsHttp.body("fails", "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", null))
                            .status())
                    .isEqualTo(200);
            assertThat(http.create(DwsHttp.body("works", "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", null))
                            .status())
                    .isEqualTo(200);
            mock.clock().advance(java.time.Duration.ofSeconds(5));
            assertThat(mock.snapshots())
                    .filteredOn(s -> s.name().equals("fails"))
                    .singleElement()
                    .satisfies(s -> assertThat(s.status()).isEqualTo("UNAVAILABLE"));
            assertThat(mock.snapshots())
                    .filteredOn(s -> s.name().equals("works"))
                    .singleElement()
                    .satisfies(s -> assertThat(s.size()).isEqualTo(120.5));
            mock.reset();
            assertThat(mock.snapshots())
                    .as("the world's snapshots come back on a reset")
                    .hasSize(2);
            assertThat(mock.worldState()
                            .cluster("89cd04f168b84af6be287f71730fdb4b", "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"))
                    .hasValueSatisfying(c -> assertThat(c.failingSnapshots()).isEqualTo(1));
        }
    }

    @Test
    void theServerStartsOnTheExampleWorld() {
        try (DwsMockServer mock =
                DwsMockServer.builder().world(reader.load(EXAMPLE)).start()) {
            DwsHttp http = new DwsHttp(mock.baseUrl());
            String other = "/v1.0/0123456789abcdef0123456789abcdef/snapshots";

            assertThat(http.create(other, DwsHttp.body("example-1", "11111111-2222-4333-8444-555555555555", null))
                            .status())
                    .isEqualTo(200);
            assertThat(http.createWithToken(DwsHttp.PATH, DwsHttp.body("example-2"), "MockIamTokenOfTheCiPipeline")
                            .status())
                    .isEqualTo(200);
            assertThat(http.createAs(
                                    DwsHttp.PATH,
                                    DwsHttp.body("example-3"),
                                    "READONLYACCESSKEY000",
                                    "AnotherSecretKeyOnlyForLocalDevelopment0",
                                    Map.of())
                            .status())
                    .isEqualTo(403);
        }
    }

    @Test
    void dwsMockWorldLoadsTheFileAtStartUp() {
        try (DwsMockServer mock = DwsMockServer.builder()
                .property("dws.mock.world", EXAMPLE.toString())
                .start()) {
            assertThat(mock.world().credentials()).containsKey("READONLYACCESSKEY000");
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                // YAML syntax
                "`projects:\n  89cd04f168b84af6be287f71730fdb4b: [\n`                                  | line 3, column 1: invalid YAML",
                "`projects:\n  a: b\n c: d\n`                                                         | line 3, column 2: invalid YAML",
                // structure
                "`projects:\n  89cd04f168b84af6be287f71730fdb4b: []\nclusters: []\n`                  | line 3, column 1: unknown key 'clusters'",
                "`projects:\n  - 89cd04f168b84af6be287f71730fdb4b\n`                                   | line 2, column 3: expected projects",
                "`credentials:\n  - ak: AK1\n    projects: []\n`                                       | line 2, column 5: a credential needs both ak and sk",
                "`credentials:\n  - ak: AK1\n    sk: SK1\n    role: admin\n`                          | line 4, column 5: unknown credential key 'role'",
                "`tokens:\n  - id: t1\n`                                                               | line 2, column 5: a token needs both id and token",
                "`projects:\n  89cd04f168b84af6be287f71730fdb4b: []\n  89cd04f168b84af6be287f71730fdb4b: []\n` | line 3, column 3: duplicate key",
                // ids against the spec's rules
                "`projects:\n  NOT-A-PROJECT: []\n`                                                     | line 2, column 3: project id 'NOT-A-PROJECT' is invalid",
                "`projects:\n  89cd04f168b84af6be287f71730fdb4b:\n    - not-a-uuid\n`                  | line 3, column 7: cluster id 'not-a-uuid' is invalid",
                "`credentials:\n  - ak: AK1\n    sk: SK1\n    projects: [abc]\n`                      | line 4, column 16: project id 'abc' is invalid",
                // clusters given as mappings, and snapshots
                "`projects:\n  89cd04f168b84af6be287f71730fdb4b:\n    - name: x\n`                       | line 3, column 7: a cluster needs an id",
                "`projects:\n  89cd04f168b84af6be287f71730fdb4b:\n    - id: 44b277eb-39be-4921-be31-3d61b43651d7\n      size: 3\n` | line 4, column 7: unknown cluster key 'size'",
                "`projects:\n  89cd04f168b84af6be287f71730fdb4b:\n    - id: 44b277eb-39be-4921-be31-3d61b43651d7\n      data_size_gb: lots\n` | line 4, column 21: data_size_gb: expected a number",
                "`projects:\n  89cd04f168b84af6be287f71730fdb4b:\n    - id: 44b277eb-39be-4921-be31-3d61b43651d7\n      failing_snapshots: -1\n` | line 4, column 26: failing_snapshots: expected a whole number",
                "`snapshots:\n  - type: AUTO\n`                                                       | line 2, column 5: snapshot: name: is required",
                "`snapshots:\n  - name: a\n    status: DONE\n`                                      | line 2, column 5: snapshot: status: must be one of",
                "`snapshots:\n  - name: a\n    started: yesterday\n`                                | line 3, column 14: started: expected an instant",
                "`snapshots:\n  - name: a\n    colour: red\n`                                       | line 3, column 5: unknown snapshot key 'colour'",
                "`snapshots:\n  - name: a\n  - name: A\n`                                            | line 3, column 5: a snapshot named A is already in project",
                "`snapshots:\n  - name: a\n    cluster_id: nope\n`                                  | line 3, column 17: cluster id 'nope' is invalid",
            })
    void malformedFilesNameTheLine(String yaml, String expected) {
        assertThatThrownBy(() -> reader.parse(yaml, "test.yaml"))
                .isInstanceOf(WorldFileException.class)
                .hasMessageStartingWith("world file test.yaml, ")
                .hasMessageContaining(expected.trim());
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> reader.parse("", "empty.yaml")).hasMessage("world file empty.yaml is empty");
    }

    @Test
    void aMissingFileIsRefused() {
        assertThatThrownBy(() -> reader.load(Path.of("no/such/world.yaml")))
                .isInstanceOf(WorldFileException.class)
                .hasMessageContaining("cannot be read");
    }

    @Test
    void aMalformedFileStopsStartUpNamingTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad-world.yaml");
        Files.writeString(
                file,
                "projects:\n  89cd04f168b84af6be287f71730fdb4b:\n    - 44b277eb-39be-4921-be31-3d61b43651d7\ncredential:\n");

        ThrowableAssert.ThrowingCallable start = () -> DwsMockServer.builder()
                .property("dws.mock.world", file.toString())
                .start();

        assertThatThrownBy(start)
                .rootCause()
                .isInstanceOf(WorldFileException.class)
                .hasMessage(
                        "world file " + file
                                + ", line 4, column 1: unknown key 'credential' (expected projects, credentials, tokens, snapshots)");
    }

    @Test
    void builtWorldsRefuseIdsTheSpecRejects() {
        World bad = World.builder()
                .project("not-a-project", "44b277eb-39be-4921-be31-3d61b43651d7")
                .build();

        assertThatThrownBy(() -> DwsMockServer.builder().world(bad).start())
                .rootCause()
                .hasMessageContaining("project id 'not-a-project' is invalid");
    }

    @Test
    void defaultWorldIsTheApiPageExample() {
        World world = World.defaultWorld();

        assertThat(world.projects())
                .isEqualTo(Map.of("89cd04f168b84af6be287f71730fdb4b", Set.of("44b277eb-39be-4921-be31-3d61b43651d7")));
        assertThat(world.firstCredential().accessKey()).isEqualTo("MOCKACCESSKEY0000000");
        assertThat(world.firstCredential().secretKey()).isEqualTo("MockSecretKeyForLocalDevelopmentOnly0000");
        assertThat(world.firstCredential().projects()).containsExactly("89cd04f168b84af6be287f71730fdb4b");
        assertThat(world.toString())
                .doesNotContain("MockSecretKeyForLocalDevelopmentOnly0000")
                .doesNotContain(World.DEFAULT_TOKEN);
    }
}
