package org.opendws.snapshot.mock;

import java.util.Map;
import org.opendws.snapshot.mock.spec.OpenApiDocument;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.web.embedded.EmbeddedWebServerFactoryCustomizerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * The mock DWS snapshot service: {@code java -jar dws-mock-server.jar [--name=value ...]}.
 *
 * <p>One HTTP server, Spring MVC on Tomcat; every request goes through
 * {@link org.opendws.snapshot.mock.web.MockPipeline}. The context is kept small for a fast
 * start: only the auto-configurations a JSON web server needs are imported (not every one on the classpath, which also keeps an embedding
 * project's auto-configurations out), and the mock's beans are listed in
 * {@link MockServerConfiguration} instead of being scanned.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({
    PropertyPlaceholderAutoConfiguration.class,
    ServletWebServerFactoryAutoConfiguration.class,
    EmbeddedWebServerFactoryCustomizerAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class,
    JacksonAutoConfiguration.class,
    ValidationAutoConfiguration.class
})
@Import(MockServerConfiguration.class)
@PropertySource("classpath:/org/opendws/snapshot/mock/mock-server-defaults.properties")
public class MockServerApplication {
    /** Settings of the standalone server that must be known before the context starts. */
    static final Map<String, Object> STANDALONE_DEFAULTS = Map.of(
            "spring.main.banner-mode", "off",
            // the request id of every log line written while a request is handled (MockPipeline.MDC_KEY)
            "logging.pattern.correlation", "%replace([%X{request_id}] ){'\\[\\] ', ''}");

    /** Starts the mock; on failure the reason is logged and the process exits with status 1. */
    public static void main(String[] args) {
        OpenApiDocument.preload();
        SpringApplication application = new SpringApplication(MockServerApplication.class);
        application.setDefaultProperties(STANDALONE_DEFAULTS);
        try {
            application.run(args);
        } catch (SpringApplication.AbandonedRunException e) {
            throw e; // the build's ahead-of-time processing stops the run on purpose
        } catch (RuntimeException e) {
            // Spring Boot has logged why; a second stack trace would only hide it
            System.exit(1);
        }
    }
}
