package org.opendws.snapshot.mock.junit;

import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opendws.snapshot.mock.DwsMockServer;

/**
 * Runs a {@link DwsMockServer} around a test class: started once before the first test, reset
 * before each test, stopped after the last; test methods may take it as a parameter.
 *
 * <pre>{@code
 * @RegisterExtension
 * static DwsMockExtension mock = new DwsMockExtension(b -> b.world(myWorld));
 *
 * @Test
 * void creates(DwsMockServer server) { ... server.baseUrl() ... }
 * }</pre>
 *
 * {@code @ExtendWith(DwsMockExtension.class)} gives the default world. Registered on an
 * instance field, the server lives for one test.
 */
public class DwsMockExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {
    private final Consumer<DwsMockServer.Builder> configuration;
    private DwsMockServer server;
    private boolean perTest;

    /** The default world on a free port. */
    public DwsMockExtension() {
        this(builder -> {
        });
    }

    /** A server configured by {@code configuration} (world, properties, clock). */
    public DwsMockExtension(Consumer<DwsMockServer.Builder> configuration) {
        this.configuration = configuration;
    }

    /** The running server. */
    public DwsMockServer server() {
        if (server == null) {
            throw new IllegalStateException("the mock is not running: use it from a test of the class that registers it");
        }
        return server;
    }

    /** The running server's base URL. */
    public String baseUrl() {
        return server().baseUrl();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (server == null) {
            perTest = true;
            start();
        } else {
            server.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DwsMockServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server();
    }

    private void start() {
        DwsMockServer.Builder builder = DwsMockServer.builder();
        configuration.accept(builder);
        server = builder.start();
    }

    private void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
