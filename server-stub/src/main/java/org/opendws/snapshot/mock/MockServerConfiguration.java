package org.opendws.snapshot.mock;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.net.URI;
import java.time.Clock;
import org.opendws.snapshot.mock.admin.AdminController;
import org.opendws.snapshot.mock.admin.MockReset;
import org.opendws.snapshot.mock.auth.Authenticator;
import org.opendws.snapshot.mock.auth.LockoutRegistry;
import org.opendws.snapshot.mock.error.ErrorMapper;
import org.opendws.snapshot.mock.error.ViolationMessages;
import org.opendws.snapshot.mock.fault.FaultInjector;
import org.opendws.snapshot.mock.fault.Latency;
import org.opendws.snapshot.mock.gateway.Gateway;
import org.opendws.snapshot.mock.generated.model.Snapshot;
import org.opendws.snapshot.mock.journal.Journal;
import org.opendws.snapshot.mock.snapshot.SnapshotController;
import org.opendws.snapshot.mock.spec.OpenApiController;
import org.opendws.snapshot.mock.spec.OpenApiDocument;
import org.opendws.snapshot.mock.store.SnapshotStore;
import org.opendws.snapshot.mock.web.MockPipeline;
import org.opendws.snapshot.mock.web.NettyRefusals;
import org.opendws.snapshot.mock.world.World;
import org.opendws.snapshot.mock.world.WorldFile;
import org.opendws.snapshot.mock.world.WorldState;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.codec.CodecCustomizer;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.accept.RequestedContentTypeResolverBuilder;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The mock's beans, listed explicitly (no component scan, so that nothing of an embedding
 * project's classpath is picked up). Where a request goes: {@link MockPipeline}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MockProperties.class)
@Import({SnapshotController.class, AdminController.class, OpenApiController.class})
public class MockServerConfiguration implements WebFluxConfigurer {

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

    /** Validation messages with JSON field names. */
    @Bean
    public ViolationMessages violationMessages(ObjectMapper mapper) {
        return new ViolationMessages(mapper);
    }

    /** Every failure of every request into the spec's error schema. */
    @Bean
    public ErrorMapper errorMapper(ViolationMessages violations) {
        return new ErrorMapper(violations);
    }

    /** What the API gateway checks before the service sees a request to an operation. */
    @Bean
    public Gateway gateway(OpenApiDocument document, Authenticator authenticator, FaultInjector faults,
                           MockProperties properties) {
        return new Gateway(document, authenticator, faults, properties.latency(), properties.maxDelay());
    }

    /** The one way every request goes. */
    @Bean
    public MockPipeline mockPipeline(Gateway gateway, ErrorMapper errors, Journal journal, OpenApiDocument document,
                                     ObjectMapper mapper, Clock clock, MockProperties properties) {
        return new MockPipeline(gateway, errors, journal, document, mapper, clock, maxBodyBytes(properties),
                properties.accessLog());
    }

    private static int maxBodyBytes(MockProperties properties) {
        long maxBody = properties.maxBodySize().toBytes();
        if (maxBody < 0 || maxBody > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("dws.mock.max-body-size must be between 0 and 2GB, got " + maxBody);
        }
        return (int) maxBody;
    }

    /**
     * The codecs read what the pipeline let through: a body up to {@code dws.mock.max-body-size}
     * (Spring's own default, 256 KB, answered a smaller valid body with 413).
     */
    @Bean
    public CodecCustomizer bodySizeCodecs(MockProperties properties) {
        return configurer -> configurer.defaultCodecs().maxInMemorySize(maxBodyBytes(properties));
    }

    /** What Reactor Netty refuses itself (a malformed request line or head) in the error schema too. */
    @Bean
    public WebServerFactoryCustomizer<NettyReactiveWebServerFactory> nettyRefusals() {
        return factory -> factory.addServerCustomizers(NettyRefusals::install);
    }

    /**
     * The answer is JSON whatever {@code Accept} says, as the real service's is (the document's
     * description): the operations are not refused with 406 for an {@code Accept} without JSON.
     */
    @Override
    public void configureContentTypeResolver(RequestedContentTypeResolverBuilder builder) {
        builder.fixedResolver(MediaType.APPLICATION_JSON);
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
     * The docs site: when the docs artifact (classpath {@code META-INF/resources/docs/}) is on the
     * classpath, Spring Boot serves its files under {@code /docs/}; these make {@code /docs} and
     * {@code /docs/} open its index page.
     */
    @Bean
    public RouterFunction<ServerResponse> docsIndex() {
        Resource index = new ClassPathResource("META-INF/resources/docs/index.html");
        return RouterFunctions.route()
                .GET("/docs", request -> ServerResponse.status(302).location(URI.create("/docs/")).build())
                .GET("/docs/", request -> index.exists()
                        ? ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(index)
                        : ServerResponse.notFound().build())
                .build();
    }
}
