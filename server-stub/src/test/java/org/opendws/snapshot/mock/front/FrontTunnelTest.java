package org.opendws.snapshot.mock.front;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The front listens before Tomcat has started (FrontedWebServer): a connection it passes on
 * waits for Tomcat's address, and ends if Tomcat never comes. A plain socket stands in for Tomcat.
 */
class FrontTunnelTest {
    private static final byte[] REQUEST = "GET /docs/ HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final CompletableFuture<InetSocketAddress> tomcat = new CompletableFuture<>();
    private Front front;

    @BeforeEach
    void start() {
        EventLoopGroup loops = Front.prepare().join();
        front = Front.start(loops, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), tomcat, null,
                new FrontRequest.Limits(8192, 100, 1 << 20), new FrontConnection.Timeouts(20_000, 20_000));
    }

    @AfterEach
    void stop() {
        front.close();
    }

    @Test
    void aConnectionForTomcatWaitsUntilTomcatHasStarted() throws IOException {
        try (Socket client = connect(); ServerSocket standIn = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            client.getOutputStream().write(REQUEST);
            client.getOutputStream().flush();
            pause(); // the front has read the request and waits

            standIn.setSoTimeout(5_000);
            tomcat.complete((InetSocketAddress) standIn.getLocalSocketAddress());
            try (Socket passed = standIn.accept()) {
                passed.setSoTimeout(5_000);
                assertThat(passed.getInputStream().readNBytes(REQUEST.length)).isEqualTo(REQUEST);
                passed.getOutputStream().write("HTTP/1.1 200 \r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(client.getInputStream().readNBytes(15), StandardCharsets.US_ASCII))
                        .isEqualTo("HTTP/1.1 200 \r\n");
            }
        }
    }

    @Test
    void aConnectionForTomcatEndsWhenTomcatDoesNotStart() throws IOException {
        try (Socket client = connect()) {
            client.getOutputStream().write(REQUEST);
            client.getOutputStream().flush();
            pause();

            tomcat.cancel(false);
            InputStream in = client.getInputStream();
            assertThat(in.read()).as("the end of the stream").isEqualTo(-1);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), front.port());
        socket.setSoTimeout(5_000);
        return socket;
    }
}
