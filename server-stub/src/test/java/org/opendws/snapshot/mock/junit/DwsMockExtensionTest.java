package org.opendws.snapshot.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opendws.snapshot.mock.DwsMockServer;
import org.opendws.snapshot.mock.World;
import org.opendws.snapshot.mock.support.DwsHttp;

/** The JUnit 5 extension on a static field: one server for the class, reset before each test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DwsMockExtensionTest {
    private static final String PROJECT = "aaaabbbbccccddddeeeeffff00001111";
    private static final String CLUSTER = "0f0e0d0c-0b0a-4908-8706-050403020100";

    @RegisterExtension
    static DwsMockExtension mock = new DwsMockExtension(builder -> builder.world(World.builder()
            .project(PROJECT, CLUSTER)
            .credential("EMBEDDEDACCESSKEY000", "embedded-secret", PROJECT)
            .build()));

    private static int firstPort;

    @Test
    @Order(1)
    void injectsTheRunningServer(DwsMockServer server) {
        firstPort = server.port();

        assertThat(create(server).status()).isEqualTo(200);
        assertThat(server).isSameAs(mock.server());
        assertThat(mock.baseUrl()).isEqualTo(server.baseUrl());
    }

    @Test
    @Order(2)
    void keepsTheServerButResetsItBeforeEachTest(DwsMockServer server) {
        DwsHttp.Response again = create(server);

        assertThat(server.port()).isEqualTo(firstPort);
        assertThat(again.status())
                .as("the same name as in the first test: " + again.body())
                .isEqualTo(200);
        assertThat(server.snapshots()).hasSize(1);
    }

    private static DwsHttp.Response create(DwsMockServer server) {
        return new DwsHttp(server.baseUrl())
                .createAs(
                        "/v1.0/" + PROJECT + "/snapshots",
                        DwsHttp.body("via-extension", CLUSTER, null),
                        "EMBEDDEDACCESSKEY000",
                        "embedded-secret",
                        Map.of());
    }
}
