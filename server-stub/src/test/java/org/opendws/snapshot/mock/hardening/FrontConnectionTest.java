package org.opendws.snapshot.mock.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendws.snapshot.mock.DwsMockServer;
import org.opendws.snapshot.mock.hardening.RawRequest.Framing;
import org.opendws.snapshot.mock.world.World;
import org.springframework.boot.web.server.PortInUseException;

/**
 * The front (the mock's public port, which answers plain creates itself and hands a connection
 * to Tomcat at its first other request) over real connections: answers stay in order and none is
 * lost, whatever the client sends at once or in pieces, whenever it stops sending or reading.
 */
class FrontConnectionTest {
    private static final String UNKNOWN_CLUSTER = "00000000-0000-4000-8000-000000000000";
    private static DwsMockServer mock;
    private int names;

    @BeforeAll
    static void start() {
        mock = DwsMockServer.builder().start();
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @BeforeEach
    void reset() {
        mock.reset();
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderAcrossTheHandOverToTomcat() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(create(Framing.LENGTH, UNKNOWN_CLUSTER)); // 404 from the front
        all.writeBytes(create(Framing.LENGTH));
        all.writeBytes(create(Framing.CHUNKED)); // not the front's: the connection goes to Tomcat here
        all.writeBytes(create(Framing.LENGTH, UNKNOWN_CLUSTER)); // 404 from Tomcat
        all.writeBytes(RawRequest.of("GET", "/__admin/journal").bytes(mock.port()));

        try (RawConnection connection = new RawConnection(mock.port())) {
            connection.write(all.toByteArray());
            List<Integer> statuses = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                RawConnection.Answer answer = connection.read(false);
                statuses.add(answer.status());
                ids.add(answer.header("X-Request-Id"));
            }
            RawConnection.Answer journal = connection.read(false);

            assertThat(statuses).containsExactly(404, 200, 200, 404);
            List<String> journaled = new ArrayList<>();
            Matcher id = Pattern.compile("\"request_id\":\"([0-9a-f]{32})\"").matcher(journal.text());
            while (id.find()) {
                journaled.add(id.group(1));
            }
            assertThat(journaled).as("the journal, oldest first").containsExactlyElementsOf(ids);
            assertThat(connection.connections()).isEqualTo(1);
        }
    }

    @Test
    void tomcatsClosingOfTheConnectionReachesTheClient() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(RawRequest.of("POST", HostileGenerators.PATH)
                    .header("X-Auth-Token", World.DEFAULT_TOKEN).header("Content-Type", "application/json")
                    .body("{\"snapshot\":".getBytes(StandardCharsets.UTF_8), Framing.CHUNKED).bytes(mock.port()));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(answer).startsWith("HTTP/1.1 400 ").contains("\r\nConnection: close\r\n");
        }
    }

    @Test
    void aLongRequestForTomcatIsPassedOnWholeBeforeTheClientsEnd() throws IOException {
        String padded = body().replace("{\"snapshot\"", "{" + " ".repeat(500_000) + "\"snapshot\"");
        try (Socket socket = connect()) {
            socket.getOutputStream().write(RawRequest.of("POST", HostileGenerators.PATH)
                    .header("X-Auth-Token", World.DEFAULT_TOKEN).header("Content-Type", "application/json")
                    .body(padded.getBytes(StandardCharsets.UTF_8), Framing.CHUNKED).bytes(mock.port()));
            socket.shutdownOutput();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(answer).startsWith("HTTP/1.1 200 ").endsWith("}}");
        }
    }

    @Test
    void anIdleConnectionIsClosedAfterTomcatsKeepAliveTimeout() throws IOException {
        try (DwsMockServer quick = DwsMockServer.builder().property("server.tomcat.keep-alive-timeout", "1s").start();
                Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", quick.port()), 5_000);
            socket.setSoTimeout(20_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            socket.getOutputStream().write(create(Framing.LENGTH, World.DEFAULT_CLUSTER_ID, quick.port()));
            String first = readAnswer(in);
            socket.getOutputStream().write(create(Framing.LENGTH, World.DEFAULT_CLUSTER_ID, quick.port()));
            String second = readAnswer(in);

            assertThat(first).startsWith("HTTP/1.1 200 ");
            assertThat(second).as("not closed right after an answer").startsWith("HTTP/1.1 200 ");
            assertThat(in.read()).as("the end of the stream, once idle").isEqualTo(-1);
        }
    }

    @Test
    void aRequestThatArrivesInPiecesIsAnsweredOnceWhole() throws Exception {
        byte[] request = create(Framing.LENGTH);
        try (RawConnection connection = new RawConnection(mock.port())) {
            int[] cuts = {3, 40, request.length - 30, request.length - 1, request.length};
            int from = 0;
            for (int cut : cuts) {
                connection.write(Arrays.copyOfRange(request, from, cut));
                from = cut;
                Thread.sleep(20); // each piece its own packet
            }

            assertThat(connection.read(false).status()).isEqualTo(200);
        }
    }

    @Test
    void connectionCloseClosesTheConnectionAfterTheAnswer() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(RawRequest.of("POST", HostileGenerators.PATH)
                    .header("X-Auth-Token", World.DEFAULT_TOKEN).header("Connection", "close")
                    .json(body()).bytes(mock.port()));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(answer).startsWith("HTTP/1.1 200 ").contains("\r\nConnection: close\r\n").endsWith("}}");
        }
    }

    @Test
    void aClientThatStopsSendingStillGetsItsAnswer() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(create(Framing.LENGTH));
            socket.shutdownOutput();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(answer).startsWith("HTTP/1.1 200 ").endsWith("}}");
        }
    }

    @Test
    void aClientThatStopsSendingInTheMiddleOfARequestGetsTomcatsAnswer() throws IOException {
        byte[] request = create(Framing.LENGTH);
        byte[] half = Arrays.copyOf(request, request.length - 5);
        try (DwsMockServer tomcatAlone = DwsMockServer.builder().property("dws.mock.fast-path", "false").start()) {
            String viaFront = sendAndStop(mock.port(), half);
            String direct = sendAndStop(tomcatAlone.port(), half);

            // Tomcat reads the same end of the stream as when the client sends to it directly
            assertThat(withoutIds(viaFront)).isEqualTo(withoutIds(direct)).startsWith("HTTP/1.1 400 ");
        }
    }

    private static String sendAndStop(int port, byte[] bytes) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(bytes);
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String withoutIds(String answer) {
        return answer.replaceAll("[0-9a-f]{32}", "<id>").replaceAll("Date: [^\r]*", "Date: <date>");
    }

    /**
     * Thousands of creates sent before any answer is read: the front (or, after a hand-over,
     * the tunnel) stops reading until they are.
     */
    @ParameterizedTest(name = "handed to Tomcat first: {0}")
    @ValueSource(booleans = {false, true})
    void aClientThatReadsLateLosesNoAnswer(boolean handedOver) throws Exception {
        int count = 3_000;
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            all.writeBytes(create(i == 0 && handedOver ? Framing.CHUNKED : Framing.LENGTH));
        }
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try {
                    out.write(all.toByteArray());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Thread.sleep(300); // the answers pile up meanwhile
            InputStream in = new BufferedInputStream(socket.getInputStream());
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < count; i++) {
                String answer = readAnswer(in);
                assertThat(answer).as("answer %d", i).startsWith("HTTP/1.1 200 ");
                ids.add(answer.substring(answer.indexOf("\"id\":\"") + 6, answer.lastIndexOf('"')));
            }
            sent.get();

            assertThat(ids).hasSize(count);
        }
    }

    @Test
    void aBoundOnKeepAliveRequestsIsKeptAsByTomcatAlone() {
        // the front learns Tomcat's bound once Tomcat has started, and then leaves every request to it
        assertThat(closedAfterEachOfFourCreates("true")).containsExactly(false, true, false, true)
                .isEqualTo(closedAfterEachOfFourCreates("false"));
    }

    /** Whether the connection was closed after each of four creates to a mock that keeps two a connection. */
    private List<Boolean> closedAfterEachOfFourCreates(String fastPath) {
        try (DwsMockServer bounded = DwsMockServer.builder().property("server.tomcat.max-keep-alive-requests", "2")
                .property("dws.mock.fast-path", fastPath).start();
             RawConnection connection = new RawConnection(bounded.port()).checkingClose()) {
            List<Boolean> closed = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                RawConnection.Answer answer = connection.exchange(create(Framing.LENGTH, World.DEFAULT_CLUSTER_ID,
                        bounded.port()), false);
                assertThat(answer.status()).isEqualTo(200);
                closed.add(answer.closed());
            }
            return closed;
        }
    }

    @Test
    void twoMocksRunSideBySide() throws IOException {
        // each mock's Tomcat listens on a free loopback port only (once, by mistake, also on 8080)
        try (DwsMockServer second = DwsMockServer.builder().start()) {
            for (int port : new int[] {mock.port(), second.port()}) {
                try (RawConnection connection = new RawConnection(port)) {
                    connection.write(RawRequest.of("GET", "/__admin/journal").bytes(port));
                    assertThat(connection.read(false).status()).as("Tomcat behind the front on %d", port).isEqualTo(200);
                }
            }
        }
    }

    @Test
    void aBusyPortIsReportedByNumber() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> DwsMockServer.builder().port(taken.getLocalPort()).start().close())
                    .satisfies(e -> assertThat(causes(e)).anySatisfy(cause -> assertThat(cause)
                            .isInstanceOf(PortInUseException.class)
                            .hasMessageContaining(String.valueOf(taken.getLocalPort()))));
        }
    }

    private byte[] create(Framing framing) {
        return create(framing, World.DEFAULT_CLUSTER_ID);
    }

    private byte[] create(Framing framing, String clusterId) {
        return create(framing, clusterId, mock.port());
    }

    private byte[] create(Framing framing, String clusterId, int port) {
        return RawRequest.of("POST", HostileGenerators.PATH).header("X-Auth-Token", World.DEFAULT_TOKEN)
                .header("Content-Type", "application/json")
                .body(body().replace(World.DEFAULT_CLUSTER_ID, clusterId).getBytes(StandardCharsets.UTF_8), framing)
                .bytes(port);
    }

    private String body() {
        return "{\"snapshot\":{\"name\":\"front-" + names++ + "\",\"cluster_id\":\"" + World.DEFAULT_CLUSTER_ID + "\"}}";
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", mock.port()), 5_000);
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = e; cause != null && !causes.contains(cause); cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }

    /** One answer with a Content-Length, head and body. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head);
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int at = text.indexOf("Content-Length: ") + "Content-Length: ".length();
        int length = Integer.parseInt(text.substring(at, text.indexOf("\r\n", at)));
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
