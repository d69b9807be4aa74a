package org.opendws.snapshot.mock;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opendws.snapshot.mock.admin.MockReset;
import org.opendws.snapshot.mock.fault.FaultInjector;
import org.opendws.snapshot.mock.journal.Journal;
import org.opendws.snapshot.mock.snapshot.SnapshotService;
import org.opendws.snapshot.mock.store.SnapshotStore;
import org.opendws.snapshot.mock.world.WorldState;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

/**
 * The mock, started in-process, for another project's tests:
 *
 * <pre>{@code
 * try (DwsMockServer mock = DwsMockServer.builder().world(World.defaultWorld()).port(0).start()) {
 *     String endpoint = mock.baseUrl();                 // e.g. http://127.0.0.1:54321
 *     World.Credential credential = mock.world().firstCredential();
 *     ...
 * }
 * }</pre>
 *
 * <p>In JUnit 5, {@link org.opendws.snapshot.mock.junit.DwsMockTest @DwsMockTest} runs one around
 * a test class. It listens on 127.0.0.1. Its settings are only those given to the builder: the
 * host JVM's system properties, environment variables and the host project's
 * {@code application.properties} do not reach it, and it leaves the host's logging configuration
 * alone. Thread-safe: tests may drive it from any thread while it answers requests.
 */
public final class DwsMockServer implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final int port;
    private final MockWorld worldState;
    private final MockFaults faults;

    private DwsMockServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.worldState = new MockWorld(context.getBean(WorldState.class));
        this.faults = new MockFaults(context.getBean(FaultInjector.class));
    }

    /** A builder: default world, a free port, authentication {@code aksk}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:54321} (no trailing slash). */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    /** The start-up world (its credentials are what a client signs with). */
    public World world() {
        return context.getBean(World.class);
    }

    /** The world as it is now; read and change it (clusters, credentials, tokens) through this. */
    public MockWorld worldState() {
        return worldState;
    }

    /** The snapshots stored so far, each as it is now on the mock clock, oldest first. */
    public List<SnapshotView> snapshots() {
        return context.getBean(SnapshotService.class).views();
    }

    /**
     * The mock clock, the time of the snapshots' lifecycle: {@code mock.clock().freeze()}, then
     * {@code mock.clock().advance(Duration.ofSeconds(5))} moves a new snapshot to
     * {@code AVAILABLE} without sleeping. Signatures are checked against the server's clock, so
     * moving this one never makes a signed request fail.
     */
    public MockClock clock() {
        return context.getBean(MockClock.class);
    }

    /**
     * Stores a snapshot in any state (see {@link SnapshotSeed} for the defaults) and returns its id.
     *
     * @throws IllegalArgumentException when an id breaks the document's rules, or the name is
     *                                  taken in the project, or the store is full
     */
    public String addSnapshot(SnapshotSeed seed) {
        try {
            return context.getBean(SnapshotService.class).seed(seed).id().toString();
        } catch (SnapshotStore.RefusedException e) {
            throw new IllegalArgumentException(
                    e.refusal() == SnapshotStore.Refusal.FULL
                            ? "the mock holds dws.mock.max-snapshots snapshots already"
                            : "a snapshot named " + seed.name() + " already exists in its project",
                    e);
        }
    }

    /**
     * Makes the next {@code count} snapshots of a cluster fail: they end {@code UNAVAILABLE}
     * (0: none fail).
     *
     * @throws IllegalArgumentException when the project has no such cluster, or count is negative
     */
    public void failNextSnapshots(String projectId, String clusterId, int count) {
        if (!context.getBean(WorldState.class).failNextSnapshots(projectId, clusterId, count)) {
            throw new IllegalArgumentException("cluster " + clusterId + " does not exist in project " + projectId);
        }
    }

    /**
     * The last requests received (as many as {@code dws.mock.journal.size}, by default 1000),
     * oldest first, credentials redacted. A client that holds an answer finds its request here.
     */
    public List<JournalEntry> journal() {
        return context.getBean(Journal.class).entries().stream()
                .map(e -> new JournalEntry(
                        Instant.parse(e.timestamp()),
                        e.method(),
                        e.path(),
                        e.query(),
                        e.status(),
                        e.requestId(),
                        e.headers(),
                        e.body(),
                        e.bodySize()))
                .toList();
    }

    /** The planned faults: make the next requests answer an error status through this. */
    public MockFaults faults() {
        return faults;
    }

    /**
     * Back to the start-up world (its snapshots stored anew), the mock clock running with the
     * server's; no other snapshots, journal, faults or lockouts.
     */
    public void reset() {
        context.getBean(MockReset.class).run();
    }

    /** Stops the server. */
    @Override
    public void close() {
        context.close();
    }

    /** Configures and starts a {@link DwsMockServer}. */
    public static final class Builder {
        private World world;
        private int port;
        private Clock clock;
        private final Map<String, Object> properties = new LinkedHashMap<>();

        private Builder() {}

        /**
         * The start-up world (default: the world file of the property {@code dws.mock.world} if
         * given, else {@link World#defaultWorld()}).
         */
        public Builder world(World world) {
            this.world = Objects.requireNonNull(world, "world");
            return this;
        }

        /** The port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The server's clock, e.g. a fixed one to replay a signed request (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Any property of the mock ({@code dws.mock.*}) or of Spring Boot ({@code server.*}). */
        public Builder property(String name, String value) {
            properties.put(name, value);
            return this;
        }

        /**
         * Starts the server; it is listening when this returns.
         *
         * @throws IllegalStateException when both a world and {@code dws.mock.world} are given
         */
        public DwsMockServer start() {
            if (world != null && properties.containsKey("dws.mock.world")) {
                throw new IllegalStateException("give either world(...) or the property dws.mock.world, not both");
            }
            Map<String, Object> defaults = new LinkedHashMap<>();
            defaults.put("server.port", "0");
            defaults.put("server.address", "127.0.0.1");
            // no application.properties of the host project: the builder's properties are all there is
            defaults.put("spring.config.location", "");
            defaults.put("spring.main.banner-mode", Banner.Mode.OFF.name());
            Map<String, Object> given = new LinkedHashMap<>(properties);
            if (port != 0) {
                given.putIfAbsent("server.port", String.valueOf(port));
            }
            // what was given ranks first, as command-line arguments do: above the mock's own
            // defaults (@PropertySource) and a config file named by spring.config.location; the
            // builder's own choices rank last, below both
            IsolatedEnvironment environment = new IsolatedEnvironment();
            environment.getPropertySources().addFirst(new MapPropertySource("DwsMockServer.Builder", given));

            SpringApplication application = new SpringApplicationBuilder(MockServerApplication.class)
                    .web(WebApplicationType.SERVLET)
                    .environment(environment)
                    .properties(defaults)
                    .logStartupInfo(false)
                    .registerShutdownHook(false)
                    .initializers(context -> {
                        if (world != null) {
                            context.getBeanFactory().registerSingleton("world", world);
                        }
                        if (clock != null) {
                            context.getBeanFactory().registerSingleton("clock", clock);
                        }
                    })
                    .build();
            // the host's logging belongs to the host: Spring Boot must not reconfigure it
            List<ApplicationListener<?>> listeners = application.getListeners().stream()
                    .filter(listener -> !(listener instanceof LoggingApplicationListener))
                    .toList();
            application.setListeners(listeners);
            return new DwsMockServer(application.run());
        }
    }

    /** An environment without the JVM's system properties and environment variables. */
    private static final class IsolatedEnvironment extends StandardEnvironment {
        @Override
        protected void customizePropertySources(MutablePropertySources propertySources) {
            // nothing: only the builder's properties
        }
    }
}
