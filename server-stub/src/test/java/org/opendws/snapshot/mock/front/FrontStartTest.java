package org.opendws.snapshot.mock.front;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.mock.MockServerApplication;
import org.opendws.snapshot.mock.support.DwsHttp;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The front listens before Tomcat is made (FrontedTomcatFactory): a create sent from within
 * Tomcat's start-up, when Spring Boot initialises the servlet context, is answered.
 */
class FrontStartTest {
    /** The first line of the answer to a create sent while Tomcat's servlet context starts. */
    private static final AtomicReference<String> ANSWERED_DURING_TOMCAT = new AtomicReference<>();
    private static volatile int port;

    @Test
    void aCreateIsAnsweredWhileTomcatIsBeingMade() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (ConfigurableApplicationContext mock = new SpringApplicationBuilder(MockServerApplication.class,
                CreateWhileTomcatStarts.class)
                .properties("server.port=" + port, "server.address=127.0.0.1", "dws.mock.auth=none",
                        "spring.main.banner-mode=off")
                .run()) {
            assertThat(mock.getBean(FrontedTomcatFactory.class)).isNotNull();
            assertThat(ANSWERED_DURING_TOMCAT.get()).isEqualTo("HTTP/1.1 200 ");
        }
    }

    /** A servlet context initializer: Spring Boot runs it while Tomcat is being made. */
    @TestConfiguration(proxyBeanMethods = false)
    static class CreateWhileTomcatStarts {
        @Bean
        ServletContextInitializer createWhileTomcatStarts() {
            return (ServletContext context) -> ANSWERED_DURING_TOMCAT.set(create());
        }
    }

    private static String create() {
        byte[] body = ("{\"snapshot\":{\"name\":\"front-start\",\"cluster_id\":\"" + DwsHttp.CLUSTER + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        String head = "POST " + DwsHttp.PATH + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return answer.substring(0, answer.indexOf("\r\n"));
        } catch (IOException e) {
            return e.toString(); // connection refused: the front was not listening yet
        }
    }
}
