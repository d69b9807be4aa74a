package org.opendws.snapshot.contract.lifecycle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A byte-for-byte relay between a client and the mock that loses the answer of the first POST: it
 * forwards the request, lets the mock carry it out and answer, then closes the client's
 * connection without a byte, as a connection that broke mid-answer. Requests go on unchanged
 * (their {@code Host} included, so a signature made for the relay's address still verifies); one
 * request per connection, the relay asking the mock to close after its answer.
 */
final class AnswerLosingProxy implements AutoCloseable {
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");
    private static final Pattern CONNECTION = Pattern.compile("(?im)^connection:[^\\r\\n]*\\r\\n");

    private final ServerSocket server;
    private final int targetPort;
    private final AtomicInteger lostAnswers = new AtomicInteger();

    private AnswerLosingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "answer-losing-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A relay to {@code 127.0.0.1:targetPort}. */
    static AnswerLosingProxy start(int targetPort) throws IOException {
        return new AnswerLosingProxy(targetPort);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** How many answers it lost (at most one). */
    int lostAnswers() {
        return lostAnswers.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread relay = new Thread(() -> relay(client), "answer-losing-proxy-relay");
                relay.setDaemon(true);
                relay.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void relay(Socket client) {
        try (client;
                Socket mock = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            Matcher length = CONTENT_LENGTH.matcher(head);
            byte[] body = in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
            String forwarded = CONNECTION.matcher(head).replaceAll("");
            forwarded = forwarded.substring(0, forwarded.length() - 2) + "Connection: close\r\n\r\n";

            OutputStream toMock = mock.getOutputStream();
            toMock.write(forwarded.getBytes(StandardCharsets.ISO_8859_1));
            toMock.write(body);
            toMock.flush();
            byte[] answer = mock.getInputStream().readAllBytes(); // the mock closes after it

            if (head.toUpperCase(Locale.ROOT).startsWith("POST ") && lostAnswers.compareAndSet(0, 1)) {
                return; // the answer is lost: the client's connection closes without a byte
            }
            client.getOutputStream().write(answer);
            client.getOutputStream().flush();
        } catch (IOException e) {
            // the client sees its connection close, which is all a relay can tell it
        }
    }

    /** The request line and headers, up to and including the blank line. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed before the request's head ended");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
