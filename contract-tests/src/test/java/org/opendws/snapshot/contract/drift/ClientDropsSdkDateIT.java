package org.opendws.snapshot.contract.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import au.com.dius.pact.consumer.BaseMockServer;
import au.com.dius.pact.consumer.MockHttpServerKt;
import au.com.dius.pact.consumer.PactVerificationResult;
import au.com.dius.pact.consumer.model.MockProviderConfig;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.client.CreatedSnapshot;
import org.opendws.snapshot.client.DwsSnapshotClient;
import org.opendws.snapshot.client.error.DwsServiceException;
import org.opendws.snapshot.contract.Pacts;
import org.opendws.snapshot.contract.consumer.CreateSnapshotConsumerPactTest;

/**
 * Drift 2: the client no longer sends {@code X-Sdk-Date}. The real client makes the call of the
 * created-snapshot interaction against Pact's mock server serving that interaction from the pact
 * file, as the consumer test does, through a proxy that drops the header: Pact reports the
 * request as not matching. The same call without the proxy's tampering matches.
 */
class ClientDropsSdkDateIT {

    @Test
    void pactsMockServerRejectsARequestWithoutXSdkDate() throws Exception {
        try (TamperingProxy dropping = TamperingProxy.start(Set.of("X-Sdk-Date"), body -> body)) {
            Replay replay = replayTheCreatedInteraction(dropping);

            assertThat(replay.failure())
                    .as("what the client made of Pact's answer to an unexpected request")
                    .isInstanceOf(DwsServiceException.class);
            assertThat(replay.result()).isNotInstanceOf(PactVerificationResult.Ok.class);
            assertThat(replay.result().getDescription()).contains("Expected a header 'X-Sdk-Date' but was missing");
        }
    }

    @Test
    void theSameCallWithTheHeaderMatches() throws Exception {
        try (TamperingProxy passing = TamperingProxy.start(Set.of(), body -> body)) {
            Replay replay = replayTheCreatedInteraction(passing);

            assertThat(replay.failure()).isNull();
            assertThat(replay.result()).isInstanceOf(PactVerificationResult.Ok.class);
        }
    }

    /** What Pact's mock server concluded, and what the client threw (or null). */
    private record Replay(PactVerificationResult result, Throwable failure) {}

    private static Replay replayTheCreatedInteraction(TamperingProxy proxy) {
        V4Pact file = Pacts.load();
        V4Pact created = new V4Pact(
                file.getConsumer(),
                file.getProvider(),
                new ArrayList<>(List.of(Pacts.interaction(file, Pacts.CREATED))));
        BaseMockServer server =
                MockHttpServerKt.mockServer(created, MockProviderConfig.createDefault(PactSpecVersion.V4));
        server.start();
        server.waitForServer();
        Throwable failure;
        try {
            proxy.forwardTo(server.getUrl());
            try (DwsSnapshotClient client = CreateSnapshotConsumerPactTest.client(
                    proxy.baseUrl(), CreateSnapshotConsumerPactTest.ALLOWED_KEY, true)) {
                failure = catchThrowable(() -> {
                    CreatedSnapshot snapshot = CreateSnapshotConsumerPactTest.createTheExample(client);
                    assertThat(snapshot.id()).isEqualTo(CreateSnapshotConsumerPactTest.EXAMPLE_SNAPSHOT_ID);
                });
            }
        } finally {
            server.stop();
        }
        return new Replay(server.validateMockServerState(null), failure);
    }
}
