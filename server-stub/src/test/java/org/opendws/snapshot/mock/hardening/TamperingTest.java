package org.opendws.snapshot.mock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;
import org.opendws.snapshot.auth.AkSkCredentials;
import org.opendws.snapshot.auth.AkSkSigner;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.auth.SignRequest;
import org.opendws.snapshot.mock.DwsMockServer;
import org.opendws.snapshot.mock.SnapshotSeed;
import org.opendws.snapshot.mock.SnapshotView;
import org.opendws.snapshot.mock.World;
import org.opendws.snapshot.mock.support.MutableClock;

/**
 * Every element the signature covers, tampered with alone after signing, gives 401
 * {@code APIGW.0301} and changes no snapshot: the method, the path, the query, each signed header
 * (host, x-sdk-date, content-type, x-project-id, a custom one, x-security-token), the body;
 * a date 16 minutes off is refused, 14 minutes off accepted. The same for the paged list's
 * signed query string (each parameter changed, added or removed; their order is free) and for a
 * DELETE without a body (another snapshot's id, another method, a body added). Named cases
 * first, then 300 random one-character changes. Lockout is switched off here (see
 * {@link LockoutHardeningTest}).
 */
class TamperingTest {
    private static final String AK = World.DEFAULT_ACCESS_KEY;
    private static final String SK = World.DEFAULT_SECRET_KEY;
    private static final String TEMPORARY_AK = "TEMPORARYACCESSKEY00";
    private static final String TEMPORARY_SK = "TemporarySecretKeyOfTheTamperingTest0";
    private static final String SECURITY_TOKEN = "SessionTokenOfTheTamperingTest";
    private static final String PROJECT = HostileGenerators.PROJECT;
    private static final String OTHER_PROJECT = "0123456789abcdef0123456789abcdef";
    private static final String CLUSTER = HostileGenerators.CLUSTER;
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final MutableClock CLOCK = new MutableClock(java.time.Instant.parse("2026-11-28T04:54:04Z"));
    private static DwsMockServer mock;
    private static RawConnection connection;

    @BeforeContainer
    static void start() {
        mock = DwsMockServer.builder()
                .world(World.builder()
                        .project(PROJECT, CLUSTER)
                        .project(OTHER_PROJECT, CLUSTER)
                        .credential(AK, SK, PROJECT, OTHER_PROJECT)
                        .credential(new World.Credential(TEMPORARY_AK, TEMPORARY_SK, SECURITY_TOKEN, Set.of(PROJECT)))
                        .build())
                .clock(CLOCK)
                .property("dws.mock.lockout.failures", "1000000")
                .start();
        connection = new RawConnection(mock.port());
    }

    @AfterContainer
    static void stop() {
        connection.close();
        mock.close();
    }

    @BeforeTry
    void clockAtStart() {
        CLOCK.set(java.time.Instant.parse("2026-11-28T04:54:04Z"));
    }

    /** A signed create, as it will be sent: each part can be changed after signing. */
    private record Signed(
            String method, String path, String query, String host, Map<String, String> headers, byte[] body) {
        Signed with(String header, String value) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            changed.put(header, value);
            return new Signed(method, path, query, host, changed, body);
        }

        Signed without(String header) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            changed.remove(header);
            return new Signed(method, path, query, host, changed, body);
        }

        Signed path(String newPath) {
            return new Signed(method, newPath, query, host, headers, body);
        }

        Signed method(String newMethod) {
            return new Signed(newMethod, path, query, host, headers, body);
        }

        Signed query(String newQuery) {
            return new Signed(method, path, newQuery, host, headers, body);
        }

        Signed host(String newHost) {
            return new Signed(method, path, query, newHost, headers, body);
        }

        Signed body(byte[] newBody) {
            return new Signed(method, path, query, host, headers, newBody);
        }

        RawRequest raw() {
            RawRequest request = RawRequest.of(method, query == null ? path : path + "?" + query)
                    .headers(headers);
            return request.body(body, RawRequest.Framing.LENGTH);
        }
    }

    /** A create signed as {@code signedMethod} (sent as POST), with the usual signed headers. */
    private static Signed sign(String signedMethod, String query, boolean temporary) {
        String host = "127.0.0.1:" + mock.port();
        String path = "/v1.0/" + PROJECT + "/snapshots";
        byte[] body = ("{\"snapshot\":{\"name\":\"tamper-" + NAMES.incrementAndGet() + "\",\"cluster_id\":\"" + CLUSTER
                        + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Project-Id", PROJECT);
        headers.put("X-Custom-Signed", "signed-value-1");
        AkSkCredentials credentials =
                temporary ? Credentials.akSk(TEMPORARY_AK, TEMPORARY_SK, SECURITY_TOKEN) : Credentials.akSk(AK, SK);
        headers.putAll(new AkSkSigner(CLOCK)
                .sign(SignRequest.builder()
                        .method(signedMethod)
                        .host(host)
                        .rawPath(path)
                        .rawQuery(query)
                        .headers(headers)
                        .body(body)
                        .credentials(credentials)
                        .build())
                .headers());
        return new Signed("POST", path, query, host, headers, body);
    }

    /** A request without a body (a GET, a DELETE), signed as it will be sent. */
    private static Signed signNoBody(String method, String path, String query) {
        String host = "127.0.0.1:" + mock.port();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Project-Id", PROJECT);
        headers.putAll(new AkSkSigner(CLOCK)
                .sign(SignRequest.builder()
                        .method(method)
                        .host(host)
                        .rawPath(path)
                        .rawQuery(query)
                        .headers(headers)
                        .credentials(Credentials.akSk(AK, SK))
                        .build())
                .headers());
        return new Signed(method, path, query, host, headers, null);
    }

    private static RawConnection.Answer send(Signed signed) {
        RawRequest request = signed.raw();
        RawConnection.Answer answer = connection.exchange(request.bytes(signed.host()), false);
        ErrorContract.check(request, answer, false, false);
        return answer;
    }

    private static void assertRefused(Signed tampered) {
        List<SnapshotView> before = mock.snapshots();

        RawConnection.Answer answer = send(tampered);

        assertThat(answer.status())
                .as("%s\n  answered %s", tampered.raw(), answer)
                .isEqualTo(401);
        assertThat(answer.text()).contains("\"error_code\":\"APIGW.0301\"");
        assertThat(mock.snapshots())
                .as("no snapshot stored, changed or deleted")
                .isEqualTo(before);
    }

    private static void assertAccepted(Signed signed) {
        assertAnswered(signed, 200);
    }

    private static void assertAnswered(Signed signed, int status) {
        RawConnection.Answer answer = send(signed);
        assertThat(answer.status())
                .as("%s\n  answered %s", signed.raw(), answer)
                .isEqualTo(status);
    }

    @Example
    void theSignedQueryOfThePagedListIsChecked() {
        String path = "/v1.0/" + PROJECT + "/clusters/" + CLUSTER + "/snapshots";
        assertAnswered(signNoBody("GET", path, "limit=10&sort_dir=asc"), 200);
        assertAnswered(signNoBody("GET", path, "limit=10&sort_dir=asc").query("sort_dir=asc&limit=10"), 200);
        assertRefused(signNoBody("GET", path, "limit=10&sort_dir=asc").query("limit=11&sort_dir=asc"));
        assertRefused(signNoBody("GET", path, "limit=10&sort_dir=asc").query("limit=10&sort_dir=desc"));
        assertRefused(signNoBody("GET", path, "limit=10&sort_dir=asc").query("limit=10"));
        assertRefused(signNoBody("GET", path, "limit=10").query("limit=10&offset=1"));
        assertRefused(signNoBody("GET", path, "limit=10").query(null));
        assertRefused(signNoBody("GET", path, null).query("limit=10"));
        assertRefused(signNoBody("GET", path, "sort_key=name").query("sort_key=started"));
        assertRefused(signNoBody("GET", path, "limit=10")
                .path("/v1.0/" + OTHER_PROJECT + "/clusters/" + CLUSTER + "/snapshots"));
    }

    @Example
    void aSignedDeleteWithoutBodyTamperedWithDeletesNothing() {
        String target = mock.addSnapshot(SnapshotSeed.builder()
                .projectId(PROJECT)
                .clusterId(CLUSTER)
                .name("tamper-target-" + NAMES.incrementAndGet())
                .build());
        String other = mock.addSnapshot(SnapshotSeed.builder()
                .projectId(PROJECT)
                .clusterId(CLUSTER)
                .name("tamper-other-" + NAMES.incrementAndGet())
                .build());
        String path = "/v1.0/" + PROJECT + "/snapshots/" + target;

        assertRefused(signNoBody("DELETE", path, null).path("/v1.0/" + PROJECT + "/snapshots/" + other));
        assertRefused(signNoBody("DELETE", path, null).path("/v1.0/" + PROJECT + "/snapshots/" + target.toUpperCase()));
        assertRefused(signNoBody("GET", path, null).method("DELETE"));
        assertRefused(signNoBody("DELETE", path, null).body("{}".getBytes(StandardCharsets.UTF_8)));
        assertRefused(signNoBody("DELETE", path, null).with("X-Project-Id", OTHER_PROJECT));
        assertRefused(signNoBody("DELETE", path, "force=true").query(null));
        assertRefused(signNoBody("DELETE", path, null).without("X-Sdk-Date"));

        assertAnswered(signNoBody("DELETE", path, null), 202);
        assertThat(mock.snapshots())
                .extracting(SnapshotView::id)
                .doesNotContain(target)
                .contains(other);
    }

    @Example
    void untamperedRequestsAreAccepted() {
        assertAccepted(sign("POST", null, false));
        assertAccepted(sign("POST", "a=1&b=two", false));
        assertAccepted(sign("POST", null, true));
    }

    @Example
    void theMethodSignedIsNotTheMethodSent() {
        for (String method : new String[] {"PUT", "GET", "PATCH", "DELETE", "POSTX"}) {
            assertRefused(sign(method, null, false));
        }
    }

    @Example
    void thePathOrQueryIsChanged() {
        assertRefused(sign("POST", null, false).path("/v1.0/" + OTHER_PROJECT + "/snapshots"));
        assertRefused(sign("POST", null, false).query("a=1"));
        assertRefused(sign("POST", "a=1", false).query("a=2"));
        assertRefused(sign("POST", "a=1", false).query(null));
        assertRefused(sign("POST", "a=1&b=2", false).query("a=1"));
    }

    @Example
    void eachSignedHeaderIsChanged() {
        assertRefused(sign("POST", null, false).host("localhost:" + mock.port()));
        assertRefused(sign("POST", null, false).with("Content-Type", "application/json;charset=UTF-8"));
        assertRefused(sign("POST", null, false).with("X-Project-Id", OTHER_PROJECT));
        assertRefused(sign("POST", null, false).with("X-Custom-Signed", "signed-value-2"));
        Signed signed = sign("POST", null, false);
        assertRefused(signed.with(
                "X-Sdk-Date", AkSkSigner.SDK_DATE_FORMAT.format(CLOCK.instant().plusSeconds(1))));
        assertRefused(sign("POST", null, true).with(AkSkSigner.HEADER_SECURITY_TOKEN, SECURITY_TOKEN + "x"));
    }

    @Example
    void eachSignedHeaderIsRemoved() {
        for (String header : new String[] {"Content-Type", "X-Project-Id", "X-Custom-Signed", "X-Sdk-Date"}) {
            assertRefused(sign("POST", null, false).without(header));
        }
        assertRefused(sign("POST", null, true).without(AkSkSigner.HEADER_SECURITY_TOKEN));
    }

    @Example
    void theBodyIsChanged() {
        Signed signed = sign("POST", null, false);
        byte[] flipped = signed.body().clone();
        flipped[flipped.length - 3] ^= 1;
        assertRefused(signed.body(flipped));
        assertRefused(sign("POST", null, false)
                .body((new String(signed.body(), StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8)));
        assertRefused(sign("POST", null, false).body(java.util.Arrays.copyOf(signed.body(), signed.body().length - 1)));
        assertRefused(sign("POST", null, false)
                .body(("{\"snapshot\":{\"name\":\"other-body\",\"cluster_id\":\"" + CLUSTER + "\"}}")
                        .getBytes(StandardCharsets.UTF_8)));
    }

    @Example
    void theAuthorizationIsChanged() {
        Signed signed = sign("POST", null, false);
        String authorization = signed.headers().get("Authorization");
        char last = authorization.charAt(authorization.length() - 1);
        assertRefused(signed.with(
                "Authorization", authorization.substring(0, authorization.length() - 1) + (last == '0' ? '1' : '0')));
        assertRefused(sign("POST", null, false).with("Authorization", authorization.replace(AK, TEMPORARY_AK)));
        assertRefused(sign("POST", null, false).with("Authorization", authorization.replace("content-type;", "")));
    }

    /** The server's clock moves, the signer's date stays: 14 minutes either way pass, 16 do not. */
    @Example
    void aDateFourteenMinutesOffPassesSixteenDoNot() {
        for (int minutes : new int[] {-14, 14}) {
            Signed signed = sign("POST", null, false);
            CLOCK.set(CLOCK.instant().plus(Duration.ofMinutes(minutes)));
            assertAccepted(signed);
            clockAtStart();
        }
        for (int minutes : new int[] {-16, 16}) {
            Signed signed = sign("POST", null, false);
            CLOCK.set(CLOCK.instant().plus(Duration.ofMinutes(minutes)));
            assertRefused(signed);
            clockAtStart();
        }
    }

    /** The parts a random one-character change goes to. */
    enum Part {
        METHOD,
        PATH,
        QUERY,
        HOST,
        CONTENT_TYPE,
        PROJECT_HEADER,
        CUSTOM,
        DATE,
        BODY,
        SIGNATURE
    }

    @Property(tries = 300, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void anyOneCharacterChangeIsRefused(
            @ForAll Part part,
            @ForAll @IntRange(min = 0, max = 10_000) int at,
            @ForAll("replacements") char replacement) {
        Signed signed = sign("POST", "a=1", false);
        Signed tampered = switch (part) {
            case METHOD -> sign(change("POST", at, replacement), "a=1", false);
            case PATH -> signed.path("/v1.0/" + change(PROJECT, at, hex(replacement)) + "/snapshots");
            case QUERY -> signed.query("a=" + change("1", at, replacement));
            case HOST -> signed.host("127.0.0." + change("1", at, digit(replacement)) + ":" + mock.port());
            case CONTENT_TYPE -> signed.with("Content-Type", change("application/json", at, replacement));
            case PROJECT_HEADER -> signed.with("X-Project-Id", change(PROJECT, at, hex(replacement)));
            case CUSTOM -> signed.with("X-Custom-Signed", change("signed-value-1", at, replacement));
            case DATE -> signed.with("X-Sdk-Date", change(signed.headers().get("X-Sdk-Date"), at, digit(replacement)));
            case BODY ->
                signed.body(change(new String(signed.body(), StandardCharsets.UTF_8), at, replacement)
                        .getBytes(StandardCharsets.UTF_8));
            case SIGNATURE -> {
                String authorization = signed.headers().get("Authorization");
                int end = authorization.length();
                yield signed.with(
                        "Authorization",
                        authorization.substring(0, end - 64)
                                + change(authorization.substring(end - 64), at, hex(replacement)));
            }
        };
        assertRefused(tampered);
    }

    @Provide
    Arbitrary<Character> replacements() {
        return Arbitraries.chars().alpha().numeric();
    }

    /** {@code s} with the character at {@code at} (modulo its length) replaced by another one. */
    private static String change(String s, int at, char replacement) {
        int i = at % s.length();
        char now = s.charAt(i);
        char other = replacement != now ? replacement : (char) (now == 'a' ? 'b' : now == '0' ? '1' : now ^ 1);
        if (Character.toLowerCase(other) == Character.toLowerCase(now) && Character.isLetter(now)) {
            other = now == 'z' || now == 'Z' ? 'x' : 'z'; // a change of case alone is none for a method
        }
        return s.substring(0, i) + other + s.substring(i + 1);
    }

    private static char hex(char c) {
        return "0123456789abcdef".charAt(c % 16);
    }

    private static char digit(char c) {
        return (char) ('0' + c % 10);
    }
}
