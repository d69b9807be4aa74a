package org.opendws.snapshot.mock.support;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.opendws.snapshot.mock.admin.MockReset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The mock on a random port, default world, {@code dws.mock.auth=aksk}, with a clock the test
 * moves; reset before each test. Subclasses share one server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MockServerTestBase.ClockConfiguration.class)
public abstract class MockServerTestBase {
    /** Where the test clock starts: the reference vectors' time. */
    public static final Instant START = Instant.parse("2026-11-28T04:54:04Z");

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    private MockReset reset;

    protected DwsHttp http;

    @BeforeEach
    void resetMock() {
        reset.run();
        clock.set(START);
        http = new DwsHttp("http://127.0.0.1:" + port, clock);
    }

    /** The server's clock, movable by tests. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class ClockConfiguration {
        /** The server's clock. */
        @Bean
        @Primary
        public MutableClock mutableClock() {
            return new MutableClock(START);
        }
    }
}
