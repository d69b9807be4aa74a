package org.opendws.snapshot.contract.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.client.DwsSnapshotClient;
import org.opendws.snapshot.client.error.DwsConnectionException;
import org.opendws.snapshot.client.error.DwsValidationException;
import org.opendws.snapshot.client.retry.RetryPolicy;
import org.opendws.snapshot.mock.DwsMockServer;
import org.opendws.snapshot.mock.World;
import org.opendws.snapshot.mock.hardening.ErrorContract;
import org.opendws.snapshot.mock.hardening.RawConnection;
import org.opendws.snapshot.mock.hardening.RawRequest;
import org.opendws.snapshot.mock.hardening.SpecOracle;
import org.springframework.web.util.UriUtils;

/**
 * For generated names, cluster ids, descriptions and project ids, three judges give the same
 * verdict: the client's validation (it throws {@link DwsValidationException}, or goes on to
 * send), the mock's (400 {@code DWS.0001} naming a rule, or it goes on to store or to look for
 * the cluster) and the spec's own schema (swagger-request-validator on the document). One
 * field varies at a time, the others valid, so that a disagreement names its field; then all
 * at once.
 */
class SpecAgreementTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROJECT = World.DEFAULT_PROJECT_ID;
    private static final String CLUSTER = World.DEFAULT_CLUSTER_ID;
    /** nothing listens there: a request the client lets through fails to connect, at once */
    private static final String NOWHERE = "http://127.0.0.1:9";

    private static DwsMockServer mock;
    private static RawConnection connection;
    private static DwsSnapshotClient client;

    @BeforeContainer
    static void start() {
        // no authentication: the project id is then judged by validation, not by permission
        mock = DwsMockServer.builder().property("dws.mock.auth", "none").start();
        connection = new RawConnection(mock.port());
        client = client(PROJECT);
    }

    @AfterContainer
    static void stop() {
        client.close();
        connection.close();
        mock.close();
    }

    /** The three verdicts on one request. */
    record Verdicts(boolean client, boolean mock, boolean spec, String detail) {
        boolean agree() {
            return client == mock && mock == spec;
        }
    }

    @Property(tries = 500, shrinking = ShrinkingMode.FULL, edgeCases = EdgeCasesMode.MIXIN)
    void namesAreJudgedAlike(@ForAll("names") String name) {
        assertAgree(judge(client, PROJECT, name, CLUSTER, "agreeing"));
    }

    @Property(tries = 400, shrinking = ShrinkingMode.FULL, edgeCases = EdgeCasesMode.MIXIN)
    void clusterIdsAreJudgedAlike(@ForAll("clusterIds") String clusterId) {
        assertAgree(judge(client, PROJECT, "cluster-case", clusterId, null));
    }

    @Property(tries = 500, shrinking = ShrinkingMode.FULL, edgeCases = EdgeCasesMode.MIXIN)
    void descriptionsAreJudgedAlike(@ForAll("descriptions") String description) {
        assertAgree(judge(client, PROJECT, "description-case", CLUSTER, description));
    }

    /** Fewer: the client's project id is fixed when it is built, so each case builds one. */
    @Property(tries = 100, shrinking = ShrinkingMode.FULL, edgeCases = EdgeCasesMode.MIXIN)
    void projectIdsAreJudgedAlike(@ForAll("projectIds") String projectId) {
        try (DwsSnapshotClient forProject = client(projectId)) {
            assertAgree(judge(forProject, projectId, "project-case", CLUSTER, null));
        }
    }

    @Property(tries = 200, shrinking = ShrinkingMode.FULL, edgeCases = EdgeCasesMode.MIXIN)
    void allAtOnceAreJudgedAlike(
            @ForAll("names") String name,
            @ForAll("clusterIds") String clusterId,
            @ForAll("descriptions") String description) {
        assertAgree(judge(client, PROJECT, name, clusterId, description));
    }

    private static void assertAgree(Verdicts verdicts) {
        assertThat(verdicts.agree())
                .as(
                        "client %s, mock %s, spec %s: %s",
                        verdicts.client() ? "accepts" : "rejects",
                        verdicts.mock() ? "accepts" : "rejects",
                        verdicts.spec() ? "accepts" : "rejects",
                        verdicts.detail())
                .isTrue();
    }

    private static Verdicts judge(
            DwsSnapshotClient client, String projectId, String name, String clusterId, String description) {
        boolean clientAccepts;
        try {
            client.createSnapshot(name, clusterId, description);
            throw new AssertionError("the client reached a server at " + NOWHERE);
        } catch (DwsValidationException e) {
            clientAccepts = false;
        } catch (DwsConnectionException e) {
            clientAccepts = true;
        }

        ObjectNode snapshot = JSON.createObjectNode().put("name", name).put("cluster_id", clusterId);
        if (description != null) {
            snapshot.put("description", description);
        }
        String body = JSON.createObjectNode().set("snapshot", snapshot).toString();
        String encodedProject = UriUtils.encodePathSegment(projectId, java.nio.charset.StandardCharsets.UTF_8);

        RawRequest request =
                RawRequest.of("POST", "/v1.0/" + encodedProject + "/snapshots").json(body);
        RawConnection.Answer answer = connection.exchange(request.bytes(mock.port()), false);
        ErrorContract.check(request, answer, false, false);
        String text = answer.text();
        boolean mockAccepts = answer.status() == 200
                || (answer.status() == 404 && text.contains("\"DWS.0015\""))
                || (answer.status() == 400 && text.contains("already exists"));
        boolean mockRejects =
                (answer.status() == 400 && text.contains("\"DWS.0001\"") && !text.contains("already exists"))
                        || (answer.status() == 404 && text.contains("\"APIGW.0101\""));
        assertThat(mockAccepts || mockRejects)
                .as("a verdict of the mock: %s", answer)
                .isTrue();

        ValidationReport report = SpecOracle.validateCreate(encodedProject, body);
        return new Verdicts(
                clientAccepts,
                mockAccepts,
                !report.hasErrors(),
                "project " + show(projectId) + ", body " + body + "\n  mock: " + answer.status() + " " + text
                        + "\n  spec: " + report.getMessages());
    }

    private static String show(String value) {
        return JSON.valueToTree(value).toString();
    }

    private static DwsSnapshotClient client(String projectId) {
        return DwsSnapshotClient.builder()
                .endpoint(NOWHERE)
                .credentials(Credentials.token("agreement-test-token"))
                .projectId(projectId)
                .retryPolicy(RetryPolicy.none())
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(5))
                .build();
    }

    // ---------------------------------------------------------------- generators

    /** Text of any Unicode scalar values (no lone surrogates: JSON in UTF-8 cannot carry them). */
    private static Arbitrary<String> anyText(int maxLength) {
        return Arbitraries.strings().all().ofMaxLength(maxLength).filter(SpecAgreementTest::wellFormed);
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(++i)))) {
                return false;
            }
            if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** One of the characters, with a change of one kind or another at a random place. */
    private static Arbitrary<String> nearMisses(Arbitrary<String> valid) {
        Arbitrary<String> intruder = Arbitraries.of(
                " ",
                "\t",
                "\n",
                "\r",
                "\u0000",
                ".",
                "/",
                "@",
                "+",
                "%",
                "\u00e9",
                "\u00df",
                "\u0430",
                "\uff41",
                "\uff11",
                "\u0661",
                "\u200b",
                "\ufeff",
                "\ud83d\ude00",
                "!",
                "<",
                ">",
                "'",
                "=",
                "&",
                "\"",
                "\\",
                "-",
                "_",
                "A",
                "z",
                "0",
                "9",
                "G",
                "g");
        return Combinators.combine(valid, intruder, Arbitraries.integers().between(0, 100), Arbitraries.of(0, 1, 2))
                .as((s, c, at, how) -> {
                    if (s.isEmpty()) {
                        return c;
                    }
                    int i = at % s.length();
                    return switch (how) {
                        case 0 -> s.substring(0, i) + c + s.substring(i); // one character more
                        case 1 -> s.substring(0, i) + c + s.substring(i + 1); // one character other
                        default -> s.substring(0, i) + s.substring(i + 1); // one character less
                    };
                });
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> valid = Combinators.combine(
                        Arbitraries.chars().range('a', 'z').range('A', 'Z'),
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .withCharRange('A', 'Z')
                                .withCharRange('0', '9')
                                .withChars('-', '_')
                                .ofMinLength(0)
                                .ofMaxLength(66))
                .as((first, rest) -> first + rest);
        return Arbitraries.frequencyOf(
                Tuple.of(3, valid),
                Tuple.of(3, nearMisses(valid)),
                Tuple.of(
                        1,
                        Arbitraries.of(
                                "abc",
                                "abcd",
                                "a".repeat(64),
                                "a".repeat(65),
                                "1abc",
                                "_abc",
                                "-abc",
                                "abcd\n",
                                "abcd ",
                                " abcd",
                                "ab\u00e9d",
                                "\uff41bcd",
                                "ABCD",
                                "a-_9")),
                Tuple.of(1, anyText(70)));
    }

    @Provide
    Arbitrary<String> clusterIds() {
        Arbitrary<String> valid = Combinators.combine(Arbitraries.create(UUID::randomUUID), Arbitraries.of(0, 1, 2))
                .as((uuid, kase) -> kase == 0
                        ? uuid.toString()
                        : kase == 1 ? uuid.toString().toUpperCase() : mixedCase(uuid.toString()));
        return Arbitraries.frequencyOf(
                Tuple.of(3, valid),
                Tuple.of(3, nearMisses(valid)),
                Tuple.of(
                        1,
                        Arbitraries.of(
                                CLUSTER,
                                "{" + CLUSTER + "}",
                                "urn:uuid:" + CLUSTER,
                                CLUSTER.replace("-", ""),
                                CLUSTER + "\n",
                                "1-1-1-1-1",
                                "00000000-0000-0000-0000-000000000000",
                                "\uff14\uff14b277eb-39be-4921-be31-3d61b43651d7")),
                Tuple.of(1, anyText(40)));
    }

    @Provide
    Arbitrary<String> descriptions() {
        Arbitrary<String> allowed = Arbitraries.strings()
                .all()
                .excludeChars('!', '<', '>', '\'', '=', '&', '"')
                .ofMaxLength(260)
                .filter(SpecAgreementTest::wellFormed);
        Arbitrary<String> supplementary =
                Arbitraries.integers().between(100, 300).map(n -> "\ud83d\ude00".repeat(n));
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just((String) null)),
                Tuple.of(3, allowed),
                Tuple.of(2, nearMisses(allowed)),
                Tuple.of(1, supplementary),
                Tuple.of(
                        1,
                        Arbitraries.of(
                                "",
                                " ",
                                "d".repeat(256),
                                "d".repeat(257),
                                "\u00e9".repeat(256),
                                "\u00e9".repeat(257),
                                "\ud83d\ude00".repeat(128),
                                "\ud83d\ude00".repeat(129),
                                "\ud83d\ude00".repeat(256),
                                "\ud83d\ude00".repeat(257),
                                "line\nbreak",
                                "tab\there",
                                "a!b")),
                Tuple.of(1, anyText(300)));
    }

    @Provide
    Arbitrary<String> projectIds() {
        Arbitrary<String> valid = Arbitraries.strings()
                .withCharRange('0', '9')
                .withCharRange('a', 'f')
                .ofLength(32);
        return Arbitraries.frequencyOf(
                Tuple.of(3, valid),
                Tuple.of(3, nearMisses(valid).filter(s -> !s.isBlank())),
                Tuple.of(
                        1,
                        Arbitraries.of(
                                PROJECT.toUpperCase(),
                                PROJECT + " ",
                                " " + PROJECT,
                                PROJECT + "\n",
                                PROJECT.substring(1),
                                PROJECT + "0",
                                "g" + PROJECT.substring(1),
                                "..",
                                ".",
                                "a/b",
                                "a;b")),
                Tuple.of(1, anyText(40).filter(s -> !s.isBlank())));
    }

    private static String mixedCase(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            out.append(i % 2 == 0 ? Character.toUpperCase(s.charAt(i)) : s.charAt(i));
        }
        return out.toString();
    }
}
