package org.opendws.snapshot.mock;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.AbstractProtocol;
import jakarta.validation.Validator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.opendws.snapshot.mock.validation.CodePointSizeValidator;
import org.opendws.snapshot.mock.admin.AdminController;
import org.opendws.snapshot.mock.admin.MockReset;
import org.opendws.snapshot.mock.auth.Authenticator;
import org.opendws.snapshot.mock.auth.LockoutRegistry;
import org.opendws.snapshot.mock.error.ErrorHandler;
import org.opendws.snapshot.mock.error.ErrorPageController;
import org.opendws.snapshot.mock.error.ErrorWriter;
import org.opendws.snapshot.mock.error.JsonErrorReportValve;
import org.opendws.snapshot.mock.error.ViolationMessages;
import org.opendws.snapshot.mock.fault.FaultInjector;
import org.opendws.snapshot.mock.fault.Latency;
import org.opendws.snapshot.mock.fault.Sleeper;
import org.opendws.snapshot.mock.front.FrontCreate;
import org.opendws.snapshot.mock.front.FrontedTomcatFactory;
import org.opendws.snapshot.mock.gateway.Gateway;
import org.opendws.snapshot.mock.gateway.GatewayFilter;
import org.opendws.snapshot.mock.gateway.OptionsAndTraceFilter;
import org.opendws.snapshot.mock.generated.model.Snapshot;
import org.opendws.snapshot.mock.journal.Journal;
import org.opendws.snapshot.mock.request.BodyLimitFilter;
import org.opendws.snapshot.mock.request.RequestIdFilter;
import org.opendws.snapshot.mock.snapshot.CreateFastPath;
import org.opendws.snapshot.mock.snapshot.CreateReader;
import org.opendws.snapshot.mock.snapshot.SnapshotController;
import org.opendws.snapshot.mock.spec.OpenApiController;
import org.opendws.snapshot.mock.spec.OpenApiDocument;
import org.opendws.snapshot.mock.store.SnapshotStore;
import org.opendws.snapshot.mock.world.World;
import org.opendws.snapshot.mock.world.WorldFile;
import org.opendws.snapshot.mock.world.WorldState;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * The mock's beans, listed explicitly (no component scan, so that nothing of an embedding
 * project's classpath is picked up).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MockProperties.class)
@Import({SnapshotController.class, AdminController.class, OpenApiController.class, ErrorHandler.class,
        ErrorPageController.class})
public class MockServerConfiguration implements WebMvcConfigurer {

    /** The server's clock (a test may provide a fixed or movable one instead). */
    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
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
        return properties.world() == null ? World.defaultWorld()
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

    /** The journal of received requests. */
    @Bean
    public Journal journal(MockProperties properties) {
        return new Journal(properties.journal().size());
    }

    /** AK lockouts after failed signatures. */
    @Bean
    public LockoutRegistry lockoutRegistry(MockProperties properties) {
        return new LockoutRegistry(properties.lockout().failures(), properties.lockout().duration());
    }

    /** Planned and random faults. */
    @Bean
    public FaultInjector faultInjector(OpenApiDocument document, MockProperties properties) {
        return new FaultInjector(document, properties.fault().rate(), properties.fault().statuses());
    }

    /** Authentication as {@code dws.mock.auth} says. */
    @Bean
    public Authenticator authenticator(MockProperties properties, WorldState world, LockoutRegistry lockouts, Clock clock) {
        return new Authenticator(properties.auth(), world, lockouts, clock, properties.maxClockSkew());
    }

    /** The reset of the admin API and of the embedding API. */
    @Bean
    public MockReset mockReset(WorldState world, SnapshotStore store, Journal journal, FaultInjector faults,
                               LockoutRegistry lockouts) {
        return new MockReset(world, store, journal, faults, lockouts);
    }

    /** Injected delays that do not take a worker from other requests. */
    @Bean
    public Sleeper sleeper() {
        return new Sleeper();
    }

    /** Error answers written by filters. */
    @Bean
    public ErrorWriter errorWriter(ObjectMapper mapper) {
        return new ErrorWriter(mapper);
    }

    /** Validation messages with JSON field names. */
    @Bean
    public ViolationMessages violationMessages(ObjectMapper mapper) {
        return new ViolationMessages(mapper);
    }

    /** First filter: request id, access log line, journal. */
    @Bean
    public FilterRegistrationBean<RequestIdFilter> requestIdFilter(Journal journal, Clock clock, MockProperties properties) {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(
                new RequestIdFilter(journal, clock, properties.accessLog()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** OPTIONS and TRACE answer 405 in the error schema (see the filter). */
    @Bean
    public FilterRegistrationBean<OptionsAndTraceFilter> optionsAndTraceFilter(ErrorWriter errors) {
        FilterRegistrationBean<OptionsAndTraceFilter> registration = new FilterRegistrationBean<>(new OptionsAndTraceFilter(errors));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** Every request's body bounded by {@code dws.mock.max-body-size}, before anything reads it. */
    @Bean
    public FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(ErrorWriter errors, MockProperties properties) {
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(
                new BodyLimitFilter(errors, maxBodyBytes(properties)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 7);
        return registration;
    }

    /** What the API gateway checks before the service sees a create request. */
    @Bean
    public Gateway gateway(Authenticator authenticator, FaultInjector faults) {
        return new Gateway(authenticator, faults);
    }

    /** A plain create answered by the front, on the thread that read it. */
    @Bean
    public FrontCreate frontCreate(Journal journal, Clock clock, MockProperties properties, Gateway gateway,
                                   SnapshotController operation, CreateReader reader, ObjectMapper mapper) {
        return new FrontCreate(journal, clock, properties.accessLog(), gateway, operation, reader, mapper);
    }

    /** A create's body read and checked as Spring MVC would, for the front and the fast path. */
    @Bean
    public CreateReader createReader(SnapshotController operation, ObjectMapper mapper, Validator validator) {
        return new CreateReader(operation, mapper, validator);
    }

    /**
     * Tomcat behind the front ({@code front} package), which answers plain creates itself, unless
     * {@code dws.mock.fast-path=false} or an injected latency ({@code dws.mock.latency}, for which a
     * thread must sleep) sends every request through Tomcat.
     */
    @Bean
    public TomcatServletWebServerFactory tomcatServletWebServerFactory(MockProperties properties,
                                                                       ObjectProvider<FrontCreate> create) {
        return properties.fastPath() && properties.latency() == null
                ? new FrontedTomcatFactory(create, maxBodyBytes(properties)) : new TomcatServletWebServerFactory();
    }

    /** The gateway in Tomcat, with the injected delays. */
    @Bean
    public FilterRegistrationBean<GatewayFilter> gatewayFilter(Gateway gateway, ErrorWriter errors,
                                                               MockProperties properties, Sleeper sleeper) {
        FilterRegistrationBean<GatewayFilter> registration = new FilterRegistrationBean<>(new GatewayFilter(
                gateway, errors, maxBodyBytes(properties), properties.latency(), properties.maxDelay(), sleeper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * The create operation answered without Spring MVC's dispatch when Spring MVC would pass the
     * request on unchanged (see the filter); last, after Spring's request context is set.
     */
    @Bean
    public FilterRegistrationBean<CreateFastPath> createFastPath(SnapshotController operation, CreateReader reader,
                                                                 ObjectMapper mapper, ErrorWriter errors,
                                                                 MockProperties properties) {
        FilterRegistrationBean<CreateFastPath> registration = new FilterRegistrationBean<>(
                new CreateFastPath(operation, reader, mapper, errors));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        registration.setEnabled(properties.fastPath());
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
     * Tomcat reports what fails before the application sees the request in the spec's error
     * schema too: its HTML error report valve is replaced by {@link JsonErrorReportValve}.
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
     * Tomcat logs the first request whose head it refuses at INFO, quoting the offending line:
     * "The HTTP header line [x-auth-token:...] does not conform to RFC 7230", so a token or an
     * Authorization value in a malformed header reached the log. Its HTTP/1.1 processor's logger
     * ({@code java.util.logging}, the mock's and an embedding host's alike) is kept at WARNING;
     * the client still gets its 400 in the error schema. The bean holds the logger, which
     * {@code java.util.logging} itself only references weakly (its level would be lost).
     */
    @Bean
    public java.util.logging.Logger tomcatHeaderParserLogger() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.apache.coyote.http11.Http11Processor");
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    /**
     * Two Tomcat workers per core unless {@code server.tomcat.threads.max} says otherwise (Spring
     * Boot's default is 200). Answers take tens of microseconds of CPU each; with a worker per
     * connection, 16 or 64 busy connections on 2 cores were as many runnable threads preempting
     * each other, and the slowest percent of answers took twice as long (README "Benchmarks").
     * One per core made about 6 % more answers a second at concurrency 16 but 40 % fewer at
     * concurrency 1 (one client calling in a loop, a test's usual load: twice the thread switches
     * per answer), so two. Injected delays sleep outside this count ({@link Sleeper}).
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
     * TRACE reaches the filters, where {@link OptionsAndTraceFilter} answers it in the error
     * schema, instead of getting Tomcat's bare 405 without body or request id.
     */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> traceToTheFilters() {
        return factory -> factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
    }

    /**
     * No CORS processing: the mock configures no CORS, yet Spring's default processor answered a
     * request with a malformed {@code Origin} header (to the docs, or to any unknown path) with
     * a plain-text 403 "Invalid CORS request", outside the error schema. The header is now
     * ignored, as for any other request without CORS configuration.
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
     * Lengths in code points, as the spec (JSON Schema) counts them: Bean Validation's
     * {@code @Size} counts UTF-16 units, and refused a description of 129 to 256 emoji that the
     * spec allows (the client counts the same way, with the same validator).
     */
    @Bean
    public ValidationConfigurationCustomizer codePointLengths() {
        return configuration -> CodePointSizeValidator.register((HibernateValidatorConfiguration) configuration);
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
        return builder -> builder
                .featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
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
     * The docs site hook: when the docs artifact (classpath {@code META-INF/resources/docs/}) is
     * on the classpath, Spring Boot serves its files under {@code /docs/}; these make
     * {@code /docs} and {@code /docs/} open its index page.
     */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/docs", "/docs/");
        registry.addViewController("/docs/").setViewName("forward:/docs/index.html");
    }
}
