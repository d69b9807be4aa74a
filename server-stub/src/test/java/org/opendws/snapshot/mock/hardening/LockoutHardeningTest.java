package org.opendws.snapshot.mock.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mockStatic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;
import org.opendws.snapshot.auth.AkSkSigner;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.mock.DwsMockServer;
import org.opendws.snapshot.mock.World;
import org.opendws.snapshot.mock.auth.AuthMode;
import org.opendws.snapshot.mock.auth.Authenticator;
import org.opendws.snapshot.mock.auth.LockoutRegistry;
import org.opendws.snapshot.mock.error.ServiceError;
import org.opendws.snapshot.mock.request.MockRequest;
import org.opendws.snapshot.mock.support.DwsHttp;
import org.opendws.snapshot.mock.support.MutableClock;
import org.opendws.snapshot.mock.world.IdRules;
import org.opendws.snapshot.mock.world.WorldState;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;

/**
 * The AK lockout with a configured duration (2 minutes here), counted per AK, under concurrent
 * failures too; and the signature comparison's constant time, checked in the code path (the
 * verifier compares with {@link AkSkSigner#signaturesEqual}, which compares with
 * {@code MessageDigest.isEqual}), not by timing.
 */
class LockoutHardeningTest {
    private static final String AK = World.DEFAULT_ACCESS_KEY;
    private static final String SK = World.DEFAULT_SECRET_KEY;
    private static final String OTHER_AK = "OTHERACCESSKEY000000";
    private static final String OTHER_SK = "OtherSecretKeyOfTheLockoutTest00000000";
    private static final String PROJECT = HostileGenerators.PROJECT;
    private static final String CLUSTER = HostileGenerators.CLUSTER;
    private static final Instant START = Instant.parse("2026-11-28T04:54:04Z");
    private static final MutableClock CLOCK = new MutableClock(START);
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static DwsMockServer mock;

    @BeforeAll
    static void start() {
        mock = DwsMockServer.builder()
                .world(World.builder()
                        .project(PROJECT, CLUSTER)
                        .credential(AK, SK, PROJECT)
                        .credential(OTHER_AK, OTHER_SK, PROJECT)
                        .build())
                .clock(CLOCK)
                .property("dws.mock.lockout.duration", "2m")
                .start();
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @BeforeEach
    void reset() {
        mock.reset();
        CLOCK.set(START);
    }

    private static RawConnection.Answer create(String ak, String sk) {
        String path = "/v1.0/" + PROJECT + "/snapshots";
        byte[] body = ("{\"snapshot\":{\"name\":\"lockout-" + NAMES.incrementAndGet() + "\",\"cluster_id\":\"" + CLUSTER
                        + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        headers.putAll(
                DwsHttp.signPost(CLOCK, "127.0.0.1:" + mock.port(), path, headers, body, Credentials.akSk(ak, sk)));
        RawRequest request = RawRequest.of("POST", path).headers(headers);
        request = request.body(body, RawRequest.Framing.LENGTH);
        try (RawConnection connection = new RawConnection(mock.port())) {
            RawConnection.Answer answer = connection.exchange(request.bytes(mock.port()), false);
            ErrorContract.check(request, answer, false, false);
            return answer;
        }
    }

    private static RawConnection.Answer good() {
        return create(AK, SK);
    }

    private static RawConnection.Answer bad() {
        return create(AK, "not-the-secret-key");
    }

    @Test
    void moreThanFiveFailuresInARowLockTheAkForTheConfiguredTimeOnly() {
        for (int i = 0; i < 5; i++) {
            assertThat(bad().text()).contains("signature does not match");
        }
        assertThat(good().status()).as("five failures do not lock").isEqualTo(200);
        for (int i = 0; i < 6; i++) {
            assertThat(bad().text()).contains("signature does not match");
        }

        RawConnection.Answer locked = good();
        RawConnection.Answer other = create(OTHER_AK, OTHER_SK);
        CLOCK.advance(Duration.ofMinutes(2).minusSeconds(1));
        RawConnection.Answer stillLocked = good();
        CLOCK.advance(Duration.ofSeconds(1));
        RawConnection.Answer unlocked = good();

        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.text()).contains("the AK " + AK + " is locked for another 120 s");
        assertThat(other.status()).as("another AK is not affected: %s", other).isEqualTo(200);
        assertThat(stillLocked.status()).isEqualTo(401);
        assertThat(stillLocked.text()).contains("is locked for another 1 s");
        assertThat(unlocked.status())
                .as("unlocked after 2 minutes: %s", unlocked)
                .isEqualTo(200);
    }

    @Test
    void aGoodSignatureInBetweenEndsTheRun() {
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 5; i++) {
                bad();
            }
            assertThat(good().status()).isEqualTo(200);
        }
    }

    @Test
    void concurrentFailuresStillLockTheAk() throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<RawConnection.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return bad();
                }));
            }
            go.countDown();
            for (Future<RawConnection.Answer> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(401);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(good().text()).contains("is locked");
        assertThat(create(OTHER_AK, OTHER_SK).status()).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(2));
        assertThat(good().status()).isEqualTo(200);
    }

    /**
     * What the concurrent test shows, step by step: a failure (or a success) that raced past the
     * lock check while another failure locked the AK leaves the lock in place.
     */
    @Test
    void aFailureOrSuccessThatRacedPastTheCheckKeepsTheLock() {
        LockoutRegistry lockouts = new LockoutRegistry(5, Duration.ofMinutes(2));
        for (int i = 0; i < 6; i++) {
            lockouts.failed(AK, START);
        }

        lockouts.failed(AK, START.plusSeconds(1));
        Duration afterFailure = lockouts.lockedFor(AK, START.plusSeconds(1));
        lockouts.succeeded(AK, START.plusSeconds(2));
        Duration afterSuccess = lockouts.lockedFor(AK, START.plusSeconds(2));
        lockouts.failed(AK, START.plus(Duration.ofMinutes(2)));

        assertThat(afterFailure).isEqualTo(Duration.ofSeconds(119));
        assertThat(afterSuccess).isEqualTo(Duration.ofSeconds(118));
        assertThat(lockouts.lockedFor(AK, START.plus(Duration.ofMinutes(2))))
                .as("expired, a new count began")
                .isNull();
    }

    /** The verifier compares the expected signature with the one sent through signaturesEqual, every time. */
    @Test
    void theVerifierComparesSignaturesThroughSignaturesEqual() {
        WorldState world = new WorldState(World.defaultWorld(), IdRules.ANY);
        Authenticator authenticator = new Authenticator(
                AuthMode.AKSK, world, new LockoutRegistry(5, Duration.ofMinutes(5)), CLOCK, Duration.ofMinutes(15));
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> signed = DwsHttp.signPost(
                CLOCK, "localhost", "/v1.0/" + PROJECT + "/snapshots", Map.of(), body, Credentials.akSk(AK, SK));
        String signature = signed.get("Authorization")
                .substring(signed.get("Authorization").lastIndexOf('=') + 1);
        String wrong = signature.substring(0, 63) + (signature.endsWith("0") ? "1" : "0");

        try (MockedStatic<AkSkSigner> signer = mockStatic(AkSkSigner.class, CALLS_REAL_METHODS)) {
            authenticator.authenticate(request(signed, signed.get("Authorization"), body));
            boolean refused = false;
            try {
                authenticator.authenticate(
                        request(signed, signed.get("Authorization").replace(signature, wrong), body));
            } catch (ServiceError e) {
                refused = e.status() == 401;
            }

            assertThat(refused).isTrue();
            signer.verify(() -> AkSkSigner.signaturesEqual(signature, signature));
            signer.verify(() -> AkSkSigner.signaturesEqual(signature, wrong));
            signer.verify(() -> AkSkSigner.signaturesEqual(anyString(), eq(wrong)), org.mockito.Mockito.times(1));
        }
    }

    /** signaturesEqual compares with MessageDigest.isEqual and nothing that stops at the first difference. */
    @Test
    void signaturesEqualComparesInConstantTime() throws IOException {
        List<String> calls = calls(AkSkSigner.class, "signaturesEqual");

        assertThat(calls)
                .contains("java/security/MessageDigest.isEqual")
                .doesNotContain(
                        "java/lang/String.equals",
                        "java/util/Arrays.equals",
                        "java/lang/String.compareTo",
                        "java/lang/String.contentEquals");
    }

    /** The methods {@code method} of {@code type} calls, as owner.name, read from its byte code. */
    private static List<String> calls(Class<?> type, String method) throws IOException {
        List<String> calls = new ArrayList<>();
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            new ClassReader(in)
                    .accept(
                            new ClassVisitor(Opcodes.ASM9) {
                                @Override
                                public MethodVisitor visitMethod(
                                        int access,
                                        String name,
                                        String descriptor,
                                        String signature,
                                        String[] exceptions) {
                                    if (!name.equals(method)) {
                                        return null;
                                    }
                                    return new MethodVisitor(Opcodes.ASM9) {
                                        @Override
                                        public void visitMethodInsn(
                                                int opcode, String owner, String called, String desc, boolean itf) {
                                            calls.add(owner + "." + called);
                                        }
                                    };
                                }
                            },
                            0);
        }
        return calls;
    }

    /** A request as the mock's core sees it: no server needed to drive the authenticator. */
    private static MockRequest request(Map<String, String> signed, String authorization, byte[] body) {
        return new MockRequest(
                "POST",
                "/v1.0/" + PROJECT + "/snapshots",
                null,
                List.of(
                        Map.entry("Host", "localhost"),
                        Map.entry(AkSkSigner.HEADER_SDK_DATE, signed.get(AkSkSigner.HEADER_SDK_DATE)),
                        Map.entry("Authorization", authorization)),
                body);
    }
}
