package org.opendws.snapshot.mock;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.time.Clock;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.AbstractProtocol;
import org.opendws.snapshot.mock.admin.AdminController;
import org.opendws.snapshot.mock.admin.MockReset;
import org.opendws.snapshot.mock.auth.Authenticator;
import org.opendws.snapshot.mock.auth.LockoutRegistry;
import org.opendws.snapshot.mock.error.ErrorMapper;
import org.opendws.snapshot.mock.error.ViolationMessages;
import org.opendws.snapshot.mock.fault.FaultInjector;
import org.opendws.snapshot.mock.fault.Latency;
import org.opendws.snapshot.mock.fault.Sleeper;
import org.opendws.snapshot.mock.gateway.Gateway;
import org.opendws.snapshot.mock.generated.model.Snapshot;
import org.opendws.snapshot.mock.journal.Journal;
import org.opendws.snapshot.mock.snapshot.SnapshotController;
import org.opendws.snapshot.mock.snapshot.SnapshotService;
import org.opendws.snapshot.mock.spec.OpenApiController;
import org.opendws.snapshot.mock.spec.OpenApiDocument;
import org.opendws.snapshot.mock.store.SnapshotStore;
import org.opendws.snapshot.mock.web.AsteriskOptions;
import org.opendws.snapshot.mock.web.ErrorAdvice;
import org.opendws.snapshot.mock.web.JsonErrorReportValve;
import org.opendws.snapshot.mock.web.MockPipeline;
import org.opendws.snapshot.mock.world.WorldFile;
import org.opendws.snapshot.mock.world.WorldState;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * The mock's beans, listed explicitly (no component scan, so that nothing of an embedding
 * project's classpath is picked up). Where a request goes: {@link MockPipeline}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MockProperties.class)
@Import({SnapshotController.class, AdminController.class, OpenApiController.class, ErrorAdvice.class})
public class MockServerConfiguration implements WebMvcConfigurer {

    /** The server's clock (a test may provide a fixed or movable one instead). */
    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The time of the snapshots' lifecycle: the server's clock until a test freezes, sets or
     * advances it. The signature check keeps the server's {@link Clock}.
     */
    @Bean
    public MockClock mockClock(Clock clock) {
        return new MockClock(clock);
    }

    /** The spec, read once at start-up. */
    @Bean
    public OpenApiDocument openApiDocument() {
        return OpenApiDocument.load();
    }

    /** The start-up world: the world file of {@code dws.mock.world}, else the default world. */
    @Bean
    @ConditionalOnMissingBean
    public World world(MockProperties properties, OpenApiDocument document) {
        return properties.world() == null
                ? World.defaultWorld()
                : new WorldFile(document.idRules()).load(properties.world());
    }

    /** The world as the admin API changes it. */
    @Bean
    public WorldState worldState(World world, OpenApiDocument document) {
        return new WorldState(world, document.idRules());
    }

    /** The stored snapshots. */
    @Bean
    public SnapshotStore snapshotStore(MockProperties properties) {
        return new SnapshotStore(properties.maxSnapshots());
    }

    /** The snapshots' lifecycle; the world's snapshots stored at start-up. */
    @Bean
    public SnapshotService snapshotService(
            SnapshotStore store, WorldState world, MockClock clock, MockProperties properties) {
        SnapshotService service =
                new SnapshotService(store, world, clock, properties.snapshot().creationTime());
        service.seedWorld();
        return service;
    }

    /** The journal of received requests. */
    @Bean
    public Journal journal(MockProperties properties) {
        return new Journal(properties.journal().size());
    }

    /** AK lockouts after failed signatures. */
    @Bean
    public LockoutRegistry lockoutRegistry(MockProperties properties) {
        return new LockoutRegistry(
                properties.lockout().failures(), properties.lockout().duration());
    }

    /** Planned and random faults. */
    @Bean
    public FaultInjector faultInjector(OpenApiDocument document, MockProperties properties) {
        return new FaultInjector(
                document, properties.fault().rate(), properties.fault().statuses());
    }

    /** Authentication as {@code dws.mock.auth} says. */
    @Bean
    public Authenticator authenticator(
            MockProperties properties, WorldState world, LockoutRegistry lockouts, Clock clock) {
        return new Authenticator(properties.auth(), world, lockouts, clock, properties.maxClockSkew());
    }

    /** The reset of the admin API and of the embedding API. */
    @Bean
    public MockReset mockReset(
            WorldState world,
            SnapshotStore store,
            Journal journal,
            FaultInjector faults,
            LockoutRegistry lockouts,
            MockClock clock,
            SnapshotService snapshots) {
        return new MockReset(world, store, journal, faults, lockouts, clock, snapshots);
    }

    /** Validation messages with JSON field names. */
    @Bean
    public ViolationMessages violationMessages(ObjectMapper mapper) {
        return new ViolationMessages(mapper);
    }

    /** Every failure of every request into the spec's error schema. */
    @Bean
    public ErrorMapper errorMapper(ViolationMessages violations, OpenApiDocument document) {
        return new ErrorMapper(violations, document);
    }

    /** What the API gateway checks before the service sees a request to an operation. */
    @Bean
    public Gateway gateway(
            OpenApiDocument document, Authenticator authenticator, FaultInjector faults, MockProperties properties) {
        return new Gateway(document, authenticator, faults, properties.latency(), properties.maxDelay());
    }

    /** Injected delays that do not take a worker from other requests. */
    @Bean
    public Sleeper sleeper() {
        return new Sleeper();
    }

    /** The one way every request goes: the first filter, before any of Spring's. */
    @Bean
    public FilterRegistrationBean<MockPipeline> mockPipeline(
            Gateway gateway,
            ErrorMapper errors,
            Journal journal,
            OpenApiDocument document,
            ObjectMapper mapper,
            Clock clock,
            Sleeper sleeper,
            MockProperties properties) {
        FilterRegistrationBean<MockPipeline> registration = new FilterRegistrationBean<>(new MockPipeline(
                gateway,
                errors,
                journal,
                document,
                mapper,
                clock,
                sleeper,
                maxBodyBytes(properties),
                properties.accessLog()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static int maxBodyBytes(MockProperties properties) {
        long maxBody = properties.maxBodySize().toBytes();
        if (maxBody < 0 || maxBody > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("dws.mock.max-body-size must be between 0 and 2GB, got " + maxBody);
        }
        return (int) maxBody;
    }

    /**
     * What Tomcat refuses before the pipeline sees a request (a malformed request line or head)
     * in the spec's error schema too: its HTML error report valve is replaced by
     * {@link JsonErrorReportValve}.
     */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReport() {
        return factory -> factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            host.getPipeline().addValve(new JsonErrorReportValve());
        });
    }

    /**
     * Tomcat logs the first request whose head it refuses at INFO, quoting the offending line, so
     * a token in a malformed header reached the log. Its HTTP/1.1 processor's logger is kept at
     * WARNING; the client still gets its 400 in the error schema. The bean holds the logger,
     * which {@code java.util.logging} itself only references weakly (its level would be lost).
     */
    @Bean
    public java.util.logging.Logger tomcatHeaderParserLogger() {
        java.util.logging.Logger logger =
                java.util.logging.Logger.getLogger("org.apache.coyote.http11.Http11Processor");
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    /**
     * Two Tomcat workers per core unless {@code server.tomcat.threads.max} says otherwise (Spring
     * Boot's default is 200): answers take little CPU each, and with a worker per busy connection
     * on two cores the runnable threads preempted each other and the slowest answers were much
     * slower; one per core slowed one client calling in a loop (twice the thread switches per
     * answer). Injected delays sleep outside this count ({@link Sleeper}).
     */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> twoWorkersPerCore(Environment environment) {
        return factory -> {
            if (!environment.containsProperty("server.tomcat.threads.max")) {
                int workers = 2 * Runtime.getRuntime().availableProcessors();
                factory.addConnectorCustomizers(connector -> {
                    if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                        protocol.setMaxThreads(workers);
                    }
                });
            }
        };
    }

    /**
     * TRACE reaches the pipeline, which answers it 405 in the error schema, instead of Tomcat's
     * bare 405; {@code OPTIONS *}, which Tomcat answers before any filter, is answered the same
     * way ({@link AsteriskOptions}).
     */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> noApiMethodsToThePipeline() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setAllowTrace(true);
            AsteriskOptions.install(connector);
        });
    }

    /**
     * No CORS processing: the mock configures no CORS, yet Spring's default processor answered a
     * request with a malformed {@code Origin} header with a plain-text 403, outside the error
     * schema. The header is ignored, as for any other request without CORS configuration.
     */
    @Bean
    public static BeanPostProcessor noCorsProcessing() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractHandlerMapping mapping) {
                    mapping.setCorsProcessor((configuration, request, response) -> true);
                }
                return bean;
            }
        };
    }

    /**
     * The answer is JSON whatever {@code Accept} says, as the real service's is (the document's
     * description): the operations are not refused with 406 for an {@code Accept} without JSON.
     */
    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.ignoreAcceptHeader(true).defaultContentType(MediaType.APPLICATION_JSON);
    }

    /** {@code dws.mock.latency=200ms}, a fixed latency, besides {@code .min}/{@code .max}. */
    @Bean
    @ConfigurationPropertiesBinding
    public static Converter<String, Latency> latencyConverter() {
        return new Converter<>() {
            @Override
            public Latency convert(String source) {
                return Latency.parse(source);
            }
        };
    }

    /**
     * Strict JSON, as the spec types it: no number or boolean where a string is expected, no
     * {@code null} description (the spec declares no property nullable; a null name or cluster id
     * is refused as missing already), nothing after the document, and no key given twice (which
     * value counts would otherwise depend on the parser: a proxy or validator in front could
     * judge one value while the mock stored the other).
     */
    @Bean
    public Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return builder -> builder.featuresToEnable(
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS, JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .postConfigurer(mapper -> {
                    mapper.coercionConfigFor(LogicalType.Textual)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                    mapper.addMixIn(Snapshot.class, DescriptionNotNull.class);
                });
    }

    /** Refuses {@code "description": null} (an absent description stays fine). */
    private abstract static class DescriptionNotNull {
        @JsonSetter(nulls = Nulls.FAIL)
        abstract void setDescription(String description);
    }

    /**
     * The docs site: when the docs artifact (classpath {@code META-INF/resources/docs/}) is on the
     * classpath, Spring Boot serves its files under {@code /docs/}; these make {@code /docs} and
     * {@code /docs/} open its index page.
     */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/docs", "/docs/");
        registry.addViewController("/docs/").setViewName("forward:/docs/index.html");
    }
}
