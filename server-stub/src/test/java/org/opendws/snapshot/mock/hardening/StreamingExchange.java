package org.opendws.snapshot.mock.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One request whose body is streamed while the answer is read at the same time, on a fresh
 * connection: shows whether the server answers before the whole body is sent, and how much of
 * it was sent when the server closed the connection.
 */
final class StreamingExchange {
    /**
     * What happened.
     *
     * @param answer     the raw answer bytes (status line, headers, body)
     * @param bytesSent  how many bytes (head and body) were written before the server stopped
     *                   taking them or the body was complete
     * @param writeFailed whether the server closed the connection while the body was being sent
     */
    record Result(String answer, long bytesSent, boolean writeFailed) {
        int status() {
            return answer.startsWith("HTTP/1.1 ") ? Integer.parseInt(answer.substring(9, 12)) : -1;
        }

        String body() {
            int end = answer.indexOf("\r\n\r\n");
            return end < 0 ? "" : answer.substring(end + 4);
        }

        String header(String name) {
            for (String line :
                    answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).split("\r\n")) {
                if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                    return line.substring(name.length() + 1).trim();
                }
            }
            return null;
        }
    }

    /** Supplies body bytes, one piece per call; null at the end. */
    interface Body {
        byte[] next();
    }

    private StreamingExchange() {}

    /**
     * Sends {@code head} then the pieces of {@code body} while reading the answer. Stops
     * writing when the server closed the connection, or (with {@code stopOnAnswer}) as soon as
     * an answer arrived.
     */
    static Result send(int port, String head, Body body, boolean stopOnAnswer) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            InputStream in = socket.getInputStream();
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> readAnswer(in));
            OutputStream out = socket.getOutputStream();
            long sent = 0;
            boolean writeFailed = false;
            try {
                byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
                out.write(headBytes);
                sent += headBytes.length;
                for (byte[] piece = body.next(); piece != null; piece = body.next()) {
                    if (stopOnAnswer && answer.isDone()) {
                        break;
                    }
                    out.write(piece);
                    sent += piece.length;
                }
                out.flush();
            } catch (IOException e) {
                writeFailed = true;
            }
            return new Result(await(answer), sent, writeFailed);
        }
    }

    /** A body of {@code total} bytes of {@code fill}, in pieces of 64 KiB. */
    static Body repeated(long total, byte fill) {
        byte[] piece = new byte[64 * 1024];
        java.util.Arrays.fill(piece, fill);
        long[] left = {total};
        return () -> {
            if (left[0] <= 0) {
                return null;
            }
            int n = (int) Math.min(piece.length, left[0]);
            left[0] -= n;
            return n == piece.length ? piece : java.util.Arrays.copyOf(piece, n);
        };
    }

    /** The same, chunked: each piece one chunk, then the last chunk. */
    static Body chunked(long total, byte fill) {
        Body raw = repeated(total, fill);
        boolean[] ended = {false};
        return () -> {
            byte[] piece = raw.next();
            if (piece == null) {
                if (ended[0]) {
                    return null;
                }
                ended[0] = true;
                return "0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
            }
            ByteArrayOutputStream chunk = new ByteArrayOutputStream(piece.length + 16);
            chunk.writeBytes((Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            chunk.writeBytes(piece);
            chunk.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            return chunk.toByteArray();
        };
    }

    private static String readAnswer(InputStream in) {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int headEnd = -1;
            long length = -1;
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                answer.write(buffer, 0, n);
                String text = answer.toString(StandardCharsets.ISO_8859_1);
                if (headEnd < 0 && (headEnd = text.indexOf("\r\n\r\n")) >= 0) {
                    length = contentLength(text.substring(0, headEnd));
                }
                if (headEnd >= 0
                        && (length >= 0 ? answer.size() >= headEnd + 4 + length : text.endsWith("0\r\n\r\n"))) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            // no (complete) answer: returned as far as it came
        } catch (IOException e) {
            // reset by the server after its answer: what arrived is the answer
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                return Long.parseLong(line.substring(15).trim());
            }
        }
        return -1;
    }

    private static String await(CompletableFuture<String> answer) throws InterruptedException, ExecutionException {
        try {
            return answer.get(35, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return "";
        }
    }
}
