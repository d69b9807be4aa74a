package org.opendws.snapshot.mock.junit;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opendws.snapshot.mock.DwsMockServer;

/**
 * Runs a {@link DwsMockServer} around a test class: started once before the first test, reset
 * before each test, stopped after the last. Parameters of type {@link DwsMockServer}, and
 * {@code String} or {@link URI} parameters annotated {@link DwsMockBaseUrl @DwsMockBaseUrl},
 * receive the running mock and its base URL.
 *
 * <p>{@link DwsMockTest @DwsMockTest} on the class is the short way; register the extension
 * yourself for a mock configured in code (a world built with {@code World.builder()}, a clock):
 *
 * <pre>{@code
 * @RegisterExtension
 * static DwsMockExtension mock = new DwsMockExtension(b -> b.world(myWorld));
 *
 * @Test
 * void creates(DwsMockServer server) { ... server.baseUrl() ... }
 * }</pre>
 *
 * Registered on an instance field, the server lives for one test.
 */
public class DwsMockExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private final Consumer<DwsMockServer.Builder> configuration;
    private DwsMockServer server;
    private ExtensionContext startedFor;

    /**
     * The mock as the test class's {@link DwsMockTest @DwsMockTest} configures it, else the
     * default world on a free port ({@code @ExtendWith(DwsMockExtension.class)}).
     */
    public DwsMockExtension() {
        this.configuration = null;
    }

    /** A server configured by {@code configuration} (world, port, clock, properties). */
    public DwsMockExtension(Consumer<DwsMockServer.Builder> configuration) {
        this.configuration = configuration;
    }

    /** The running server. */
    public DwsMockServer server() {
        if (server == null) {
            throw new IllegalStateException(
                    "the mock is not running: use it from a test of the class that registers it");
        }
        return server;
    }

    /** The running server's base URL. */
    public String baseUrl() {
        return server().baseUrl();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // a @Nested class runs inside its enclosing class's mock
        if (server == null) {
            start(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (server == null) {
            start(context);
        } else {
            server.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context == startedFor) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context == startedFor) {
            stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DwsMockServer.class || parameter.isAnnotated(DwsMockBaseUrl.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == DwsMockServer.class) {
            return server();
        } else if (type == String.class) {
            return baseUrl();
        } else if (type == URI.class) {
            return URI.create(baseUrl());
        }
        throw new ParameterResolutionException("@DwsMockBaseUrl takes a String or a URI parameter, not "
                + type.getName() + " (" + parameter.getDeclaringExecutable() + ")");
    }

    private void start(ExtensionContext context) {
        DwsMockServer.Builder builder = DwsMockServer.builder();
        if (configuration != null) {
            configuration.accept(builder);
        } else {
            annotation(context).ifPresent(test -> configure(builder, test));
        }
        server = builder.start();
        startedFor = context;
    }

    private void stop() {
        if (server != null) {
            server.close();
            server = null;
            startedFor = null;
        }
    }

    private static Optional<DwsMockTest> annotation(ExtensionContext context) {
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            Optional<DwsMockTest> found = AnnotationSupport.findAnnotation(c, DwsMockTest.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static void configure(DwsMockServer.Builder builder, DwsMockTest test) {
        builder.port(test.port());
        for (String property : test.properties()) {
            int equals = property.indexOf('=');
            if (equals < 1) {
                throw new ExtensionConfigurationException(
                        "@DwsMockTest(properties): '" + property + "' is not name=value");
            }
            builder.property(
                    property.substring(0, equals).trim(),
                    property.substring(equals + 1).trim());
        }
        if (!test.auth().isEmpty()) {
            builder.property("dws.mock.auth", test.auth());
        }
        if (!test.world().isEmpty()) {
            // absolute: Spring's conversion of a relative path to a Path refuses one that starts with ..
            builder.property(
                    "dws.mock.world",
                    Path.of(test.world()).toAbsolutePath().normalize().toString());
        }
        if (!test.creationTime().isEmpty()) {
            builder.property("dws.mock.snapshot.creation-time", test.creationTime());
        }
    }
}
