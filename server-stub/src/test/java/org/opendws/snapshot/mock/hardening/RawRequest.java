package org.opendws.snapshot.mock.hardening;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An HTTP/1.1 request as raw bytes: any method, any request target, header lines as given (CR,
 * LF, bytes above 0x7f and all), and a body framed by {@code Content-Length}, chunked, or not at
 * all. {@code Host} comes first, as every client sends it.
 *
 * @param method  the method token as sent
 * @param target  the request target as sent (ISO-8859-1: one char, one byte)
 * @param headers header lines without their final CRLF (ISO-8859-1)
 * @param body    the body, or null for none
 * @param framing how the body is framed
 */
public record RawRequest(String method, String target, List<String> headers, byte[] body, Framing framing) {
    /** How the body's end is told. */
    public enum Framing {
        /** {@code Content-Length: <n>} */
        LENGTH,
        /** {@code Transfer-Encoding: chunked}, in chunks of up to 1000 bytes */
        CHUNKED,
        /** no framing header (a body is then not part of the request) */
        NONE
    }

    public static RawRequest of(String method, String target) {
        return new RawRequest(method, target, List.of(), null, Framing.NONE);
    }

    public RawRequest header(String name, String value) {
        return line(name + ": " + value);
    }

    /** Every header of {@code headers}, in their order. */
    public RawRequest headers(Map<String, String> headers) {
        RawRequest request = this;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            request = request.header(header.getKey(), header.getValue());
        }
        return request;
    }

    public RawRequest line(String headerLine) {
        List<String> all = new ArrayList<>(headers);
        all.add(headerLine);
        return new RawRequest(method, target, List.copyOf(all), body, framing);
    }

    public RawRequest body(byte[] bytes, Framing how) {
        return new RawRequest(method, target, headers, bytes, how);
    }

    public RawRequest json(String json) {
        return header("Content-Type", "application/json").body(json.getBytes(StandardCharsets.UTF_8), Framing.LENGTH);
    }

    public boolean isHead() {
        return "HEAD".equals(method);
    }

    /** The bytes on the wire, {@code Host: 127.0.0.1:<port>} first. */
    public byte[] bytes(int port) {
        return bytes("127.0.0.1:" + port);
    }

    /** The bytes on the wire, {@code Host: <host>} first. */
    public byte[] bytes(String host) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\n");
        for (String header : headers) {
            write(out, header + "\r\n");
        }
        if (body != null && framing == Framing.LENGTH) {
            write(out, "Content-Length: " + body.length + "\r\n\r\n");
            out.writeBytes(body);
        } else if (body != null && framing == Framing.CHUNKED) {
            write(out, "Transfer-Encoding: chunked\r\n\r\n");
            for (int at = 0; at < body.length; at += 1000) {
                int n = Math.min(1000, body.length - at);
                write(out, Integer.toHexString(n) + "\r\n");
                out.write(body, at, n);
                write(out, "\r\n");
            }
            write(out, "0\r\n\r\n");
        } else {
            write(out, "\r\n");
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public String toString() {
        String shownBody = body == null
                ? ""
                : body.length > 300 ? "<" + body.length + " bytes>" : new String(body, StandardCharsets.UTF_8);
        String shownTarget = target.length() > 200 ? target.substring(0, 200) + "...(" + target.length() + ")" : target;
        List<String> shownHeaders = headers.stream()
                .map(h -> h.length() > 200 ? h.substring(0, 200) + "...(" + h.length() + ")" : h)
                .toList();
        return method + " " + shownTarget + " " + shownHeaders + " " + framing + " " + shownBody;
    }
}
