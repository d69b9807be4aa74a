package org.opendws.snapshot.client.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An HTTP server on 127.0.0.1 that misbehaves as told, on raw sockets: it reads each request in
 * full (counting it), then answers with the current {@link Fault}. One thread per connection,
 * named {@code misbehaving-server-*}, ended when the connection ends.
 */
final class MisbehavingServer implements AutoCloseable {
    private static final String JSON_200 = "{\"snapshot\":{\"id\":\"2a4d0f86-67cd-408a-8b66-017454fb7793\"}}";

    /** What the server does after reading a request. */
    enum Fault {
        /** the status line and headers, a few body bytes, then a TCP reset */
        RESET_MID_RESPONSE,
        /** a TCP reset instead of an answer */
        RESET_BEFORE_RESPONSE,
        /** headers announce 60 bytes, 10 come, then the connection closes */
        TRUNCATED_BODY,
        /** the connection closes without an answer */
        CLOSE_WITHOUT_ANSWER,
        /** bytes that are not HTTP */
        NOT_HTTP,
        /** 200 with an HTML body */
        HTML_200,
        /** 500 with an HTML body (a proxy's error page) */
        HTML_500,
        /** 200 with JSON that is cut off */
        BROKEN_JSON_200,
        /** nothing, ever (the connection stays open) */
        NEVER_ANSWER,
        /** headers, then one body byte every 50 ms */
        SLOW_BODY,
        /** the status line, one byte every 50 ms */
        SLOW_HEADERS,
        /** a correct 200 */
        OK
    }

    private final ServerSocket server;
    private final AtomicReference<Fault> fault = new AtomicReference<>(Fault.OK);
    private final AtomicInteger requests = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threads = new AtomicInteger();

    MisbehavingServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "misbehaving-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    void fault(Fault next) {
        fault.set(next);
    }

    /** Requests read in full so far. */
    int requests() {
        return requests.get();
    }

    void resetCount() {
        requests.set(0);
    }

    /** Connections the client has not closed yet. */
    int openConnections() {
        return open.size();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread connection = new Thread(() -> serve(socket), "misbehaving-server-" + threads.incrementAndGet());
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (readRequest(in)) {
                requests.incrementAndGet();
                if (!answer(socket, in, out, fault.get())) {
                    return;
                }
            }
        } catch (IOException brokenByTheClient) {
            // the client closed or reset the connection: nothing more to do
        } finally {
            open.remove(socket);
        }
    }

    /** Answers; false when the connection is done with. */
    private boolean answer(Socket socket, InputStream in, OutputStream out, Fault now) throws IOException {
        switch (now) {
            case RESET_MID_RESPONSE -> {
                write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 60\r\n\r\n{\"snap");
                reset(socket);
                return false;
            }
            case RESET_BEFORE_RESPONSE -> {
                reset(socket);
                return false;
            }
            case TRUNCATED_BODY -> {
                write(
                        out,
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 60\r\n\r\n{\"snapshot");
                return false;
            }
            case CLOSE_WITHOUT_ANSWER -> {
                return false;
            }
            case NOT_HTTP -> {
                write(out, "SSH-2.0-OpenSSH_9.2\r\nthis is not HTTP\r\n\r\n");
                return false;
            }
            case HTML_200 -> write(out, response(200, "text/html", "<html><body>Welcome</body></html>"));
            case HTML_500 -> write(out, response(500, "text/html", "<html><body>502 Bad Gateway</body></html>"));
            case BROKEN_JSON_200 -> write(out, response(200, "application/json", "{\"snapshot\":{\"id\":"));
            case NEVER_ANSWER -> {
                // hold the connection until the client gives up on it
                while (in.read() >= 0) {
                    // nothing comes; a read returning -1 or failing ends it
                }
                return false;
            }
            case SLOW_BODY -> {
                write(
                        out,
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + JSON_200.length()
                                + "\r\n\r\n");
                drip(out, JSON_200);
                return false;
            }
            case SLOW_HEADERS -> {
                drip(out, response(200, "application/json", JSON_200));
                return false;
            }
            case OK -> write(out, response(200, "application/json", JSON_200));
        }
        return true;
    }

    private static String response(int status, String type, String body) {
        return "HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nX-Request-Id: misbehaving-" + status
                + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** One byte every 50 ms, until done or the client hangs up. */
    private static void drip(OutputStream out, String text) throws IOException {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            out.write(b);
            out.flush();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void reset(Socket socket) throws SocketException, IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads one request, head and Content-Length body; false at the end of the connection. */
    private static boolean readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int lastFour = 0;
        while (lastFour != 0x0D0A0D0A) { // CR LF CR LF ends the head
            int c = in.read();
            if (c < 0) {
                return false;
            }
            head.write(c);
            lastFour = (lastFour << 8) | c;
        }
        long length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).trim());
            }
        }
        return in.readNBytes((int) length).length == length;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
