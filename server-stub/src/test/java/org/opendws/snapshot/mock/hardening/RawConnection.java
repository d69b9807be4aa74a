package org.opendws.snapshot.mock.hardening;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A keep-alive HTTP/1.1 connection to 127.0.0.1 that sends bytes exactly as given (malformed
 * request lines, raw CR/LF in headers, lying lengths) and reads one answer per request. It
 * reconnects when the server closed the connection, so that thousands of cases cost thousands
 * of requests, not thousands of connections.
 */
public final class RawConnection implements Closeable {
    private static final int TIMEOUT_MILLIS = 20_000;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int connections;
    private boolean checkingClose;

    public RawConnection(int port) {
        this.port = port;
    }

    /**
     * From now on an answer counts as closed only if the server then really ends the connection
     * (not only says {@code Connection: close}); waits up to the read timeout for that end.
     */
    public RawConnection checkingClose() {
        checkingClose = true;
        return this;
    }

    /**
     * An answer.
     *
     * @param status  the status
     * @param headers lower-case names to their values
     * @param body    the body (de-chunked)
     * @param closed  whether the server closed the connection after it
     */
    public record Answer(int status, Map<String, List<String>> headers, byte[] body, boolean closed) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String text = text();
            return status + " " + headers + " " + (text.length() > 500 ? text.substring(0, 500) + "..." : text);
        }
    }

    /** How many connections it opened so far. */
    public int connections() {
        return connections;
    }

    /** Sends {@code request} whole and reads the answer ({@code head}: an answer without body). */
    public Answer exchange(byte[] request, boolean head) {
        try {
            return exchangeOnce(request, head);
        } catch (IOException first) {
            // a keep-alive connection the server closed meanwhile: once more on a new one
            close();
            try {
                return exchangeOnce(request, head);
            } catch (IOException e) {
                close();
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Opens the connection if needed and writes {@code bytes} (e.g. the start of a request). */
    void write(byte[] bytes) throws IOException {
        connect();
        out.write(bytes);
        out.flush();
    }

    /** Reads one answer from the connection. */
    Answer read(boolean head) throws IOException {
        connect();
        Answer answer;
        do {
            answer = readOne(head);
        } while (answer.status() / 100 == 1);
        return answer;
    }

    /** One answer, possibly an interim one (100 Continue). */
    private Answer readOne(boolean head) throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        byte[] body;
        String length = first(headers, "content-length");
        if (head || status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(first(headers, "transfer-encoding"))) {
            body = dechunk();
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
        } else {
            body = in.readAllBytes();
            headers.computeIfAbsent("connection", k -> new ArrayList<>()).add("close");
        }
        boolean closed = "close".equalsIgnoreCase(first(headers, "connection"));
        if (closed) {
            closed = !checkingClose || ended();
            close();
        }
        return new Answer(status, headers, body, closed);
    }

    /** Whether the server ends the connection now, without sending more. */
    private boolean ended() {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    private Answer exchangeOnce(byte[] request, boolean head) throws IOException {
        write(request);
        return read(head);
    }

    private void connect() throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
            connections++;
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new EOFException("connection closed by the server");
            }
            line.write(c);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private byte[] dechunk() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (n == 0) {
                while (!line().isEmpty()) {
                    // trailers: none expected, skipped
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            line();
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null ? null : values.get(0);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
