package org.opendws.snapshot.mock.front;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendws.snapshot.mock.MockServerApplication;
import org.opendws.snapshot.mock.support.DwsHttp;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The front listens before Tomcat is made (FrontedTomcatFactory): a create sent from within
 * Tomcat's start-up, when Spring Boot initialises the servlet context, is answered; when Tomcat
 * then fails to start, the front lets go of the port; a stopped mock listens again when started
 * again; a connector that a customizer made unlike the front gets Tomcat alone.
 */
class FrontStartTest {
    /** The first line of the answer to a create sent while Tomcat's servlet context starts. */
    private static final AtomicReference<String> ANSWERED_DURING_TOMCAT = new AtomicReference<>();
    private static final AtomicInteger CREATES = new AtomicInteger(); // names must differ
    private static volatile int port;

    @Test
    void aCreateIsAnsweredWhileTomcatIsBeingMade() throws IOException {
        port = freePort();
        try (ConfigurableApplicationContext mock = start(CreateWhileTomcatStarts.class)) {
            assertThat(mock.getBean(FrontedTomcatFactory.class)).isNotNull();
            assertThat(ANSWERED_DURING_TOMCAT.get()).isEqualTo("HTTP/1.1 200 ");
        }
    }

    @Test
    void aStoppedMockListensAgainWhenStartedAgain() throws IOException {
        port = freePort();
        try (ConfigurableApplicationContext mock = start()) {
            assertThat(create()).isEqualTo("HTTP/1.1 200 ");
            mock.stop(); // its web server with it
            assertThat(create()).startsWith("java.net.ConnectException");
            mock.start();
            assertThat(create()).isEqualTo("HTTP/1.1 200 ");
            assertThat(get("/openapi.yaml")).as("Tomcat, through the front").isEqualTo("HTTP/1.1 200 ");
        }
    }

    @Test
    void theFrontLetsGoOfThePortWhenTomcatFailsToStart() throws IOException {
        assertFailingStartFreesThePort(TomcatFails.class, "Tomcat fails in this test");
    }

    @Test
    void theFrontLetsGoOfThePortWhenAnErrorIsThrownWhileTomcatIsMade() throws IOException {
        assertFailingStartFreesThePort(ErrorWhileTomcatIsMade.class, "an Error while Tomcat is made");
    }

    private static void assertFailingStartFreesThePort(Class<?> failure, String why) throws IOException {
        port = freePort();
        assertThatThrownBy(() -> start(failure).close()).hasStackTraceContaining(why);
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aConnectorMadeUnlikeTheFrontGetsTomcatAlone() throws IOException {
        port = freePort();
        try (ConfigurableApplicationContext mock = start(CompressingConnector.class)) {
            assertThat(((ServletWebServerApplicationContext) mock).getWebServer()).isInstanceOf(TomcatWebServer.class);
            assertThat(create()).isEqualTo("HTTP/1.1 200 ");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--server.compression.enabled=true", "--server.server-header=dws-mock"})
    void settingsTheFrontDoesNotFollowGetTomcatAlone(String setting) throws IOException {
        port = freePort();
        try (ConfigurableApplicationContext mock = start(new Class<?>[0], setting)) {
            assertThat(((ServletWebServerApplicationContext) mock).getWebServer()).isInstanceOf(TomcatWebServer.class);
            assertThat(create()).isEqualTo("HTTP/1.1 200 ");
        }
    }

    private static ConfigurableApplicationContext start(Class<?>... configurations) {
        return start(configurations, new String[0]);
    }

    private static ConfigurableApplicationContext start(Class<?>[] configurations, String... settings) {
        Class<?>[] sources = new Class<?>[configurations.length + 1];
        sources[0] = MockServerApplication.class;
        System.arraycopy(configurations, 0, sources, 1, configurations.length);
        List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--server.address=127.0.0.1",
                "--dws.mock.auth=none", "--spring.main.banner-mode=off"));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(sources).run(args.toArray(String[]::new));
    }

    /** Spring Boot runs servlet context initializers while Tomcat is being made. */
    @TestConfiguration(proxyBeanMethods = false)
    static class CreateWhileTomcatStarts {
        @Bean
        ServletContextInitializer createWhileTomcatStarts() {
            return (ServletContext context) -> ANSWERED_DURING_TOMCAT.set(create());
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TomcatFails {
        @Bean
        ServletContextInitializer tomcatFails() {
            return (ServletContext context) -> {
                throw new IllegalStateException("Tomcat fails in this test");
            };
        }
    }

    /** A context customizer: the factory runs it while it makes Tomcat, and an Error reaches the front's cleanup as is. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ErrorWhileTomcatIsMade {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> errorWhileTomcatIsMade() {
            return factory -> factory.addContextCustomizers(context -> {
                throw new AssertionError("an Error while Tomcat is made");
            });
        }
    }

    /** Compression turned on by a connector customizer, which the front does not do. */
    @TestConfiguration(proxyBeanMethods = false)
    static class CompressingConnector {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> compressingConnector() {
            return factory -> factory.addConnectorCustomizers(
                    connector -> ((AbstractHttp11Protocol<?>) connector.getProtocolHandler()).setCompression("on"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        }
    }

    private static String create() {
        byte[] body = ("{\"snapshot\":{\"name\":\"front-start-" + CREATES.incrementAndGet() + "\",\"cluster_id\":\""
                + DwsHttp.CLUSTER + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        return send("POST " + DwsHttp.PATH + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n", body);
    }

    private static String get(String path) {
        return send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n",
                new byte[0]);
    }

    /** The first line of the answer, or the exception that stood in its way. */
    private static String send(String head, byte[] body) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            int endOfLine = answer.indexOf("\r\n");
            return endOfLine < 0 ? answer : answer.substring(0, endOfLine);
        } catch (IOException e) {
            return e.toString(); // connection refused: the front was not listening yet
        }
    }
}
