package org.opendws.snapshot.mock.hardening;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.opendws.snapshot.mock.World;
import org.opendws.snapshot.mock.hardening.RawRequest.Framing;

/**
 * The generators of hostile input: JSON bodies (random, type-confused, mutated byte by byte,
 * invalid UTF-8, duplicate keys, unknown fields, trailing garbage) and whole requests (every
 * method, encoded slashes, dot segments, long or strange project, cluster and snapshot ids,
 * hostile query values of the paged list, CR/LF and bytes above 0x7f in headers, wrong media
 * types, lying framing).
 */
final class HostileGenerators {
    static final String PROJECT = World.DEFAULT_PROJECT_ID;
    static final String CLUSTER = World.DEFAULT_CLUSTER_ID;
    static final String PATH = "/v1.0/" + PROJECT + "/snapshots";
    private static final AtomicLong NAMES = new AtomicLong();
    /** Ids of snapshots that exist (set by the test), so that hostile requests also aim at real ones. */
    static volatile List<String> knownIds = List.of();

    private HostileGenerators() {}

    // ---------------------------------------------------------------- JSON

    /** Any JSON text, nested up to {@code depth}. */
    static Arbitrary<String> json(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(jsonString(), jsonNumber(), Arbitraries.of("true", "false", "null"));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> array = json(depth - 1).list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> object = Combinators.combine(jsonString(), json(depth - 1))
                .as((k, v) -> k + ":" + v)
                .list()
                .ofMaxSize(4)
                .map(members -> "{" + String.join(",", members) + "}");
        return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(1, array), Tuple.of(1, object));
    }

    /** A JSON string literal: printable, unicode, control characters escaped, escapes. */
    static Arbitrary<String> jsonString() {
        return text().map(HostileGenerators::quote);
    }

    /** Text for string values: ASCII, Latin, CJK, emoji, controls, quotes and backslashes. */
    static Arbitrary<String> text() {
        Arbitrary<String> common = Arbitraries.strings()
                .withCharRange(' ', '~')
                .withChars('\u00e9', '\u00df', '\u4e2d', '\u0000', '\u001f', '\u2028', '\u202e', '\ufeff', '\uffff')
                .ofMaxLength(80);
        Arbitrary<String> emoji = Arbitraries.of("\ud83d\ude00", "\ud83c\udff3\ufe0f\u200d\ud83c\udf08", "\ud800\udc00")
                .list()
                .ofMaxSize(200)
                .map(l -> String.join("", l));
        Arbitrary<String> long_ = Arbitraries.integers().between(60, 5_000).map("n"::repeat);
        Arbitrary<String> nearlyValid = Arbitraries.of(
                "abcd",
                "snap-1",
                "Snap_2",
                "1abc",
                "ab",
                "a b c",
                "abc!",
                CLUSTER,
                CLUSTER.toUpperCase(),
                CLUSTER + " ",
                " " + CLUSTER,
                "a<b",
                "a=b",
                "\"",
                "\\",
                "",
                " ",
                "abcd\n",
                "\u0430bcd",
                "\uff41bcd");
        return Arbitraries.frequencyOf(
                Tuple.of(5, common), Tuple.of(1, emoji), Tuple.of(1, long_), Tuple.of(3, nearlyValid));
    }

    static Arbitrary<String> jsonNumber() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf).filter(s -> !s.contains("N") && !s.contains("I")),
                Arbitraries.of(
                        "0",
                        "-0",
                        "1e999999",
                        "-1E-999999",
                        "1.0e+2",
                        "123456789012345678901234567890",
                        "9".repeat(1200),
                        "0." + "0".repeat(1200) + "1"));
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A field of the snapshot: a valid value, another text, another JSON type, null, or absent (null). */
    private static Arbitrary<String> field(String valid) {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(quote(valid))),
                Tuple.of(3, jsonString()),
                Tuple.of(2, json(2)),
                Tuple.of(1, Arbitraries.just("null")),
                Tuple.of(1, Arbitraries.just((String) null)));
    }

    /**
     * A create body built member by member: each field valid, mistyped, null or absent; unknown
     * fields; a key given twice; sometimes trailing garbage.
     */
    static Arbitrary<String> snapshotBodies() {
        // unique, so that a valid body is stored rather than refused as a duplicate name
        Arbitrary<String> name = Arbitraries.create(() -> "hostile-" + NAMES.incrementAndGet());
        Arbitrary<List<String>> members = Combinators.combine(
                        name, Arbitraries.just(CLUSTER), Arbitraries.just("made by jqwik"))
                .flatAs((n, c, d) -> Combinators.combine(
                                field(n),
                                field(c),
                                field(d),
                                Combinators.combine(jsonString(), json(2))
                                        .as((k, v) -> k + ":" + v)
                                        .list()
                                        .ofMaxSize(2),
                                Arbitraries.of("name", "cluster_id", "description", "", "", "", "", "", "")
                                        .flatMap(dup -> dup.isEmpty()
                                                ? Arbitraries.just("")
                                                : jsonString().map(v -> quote(dup) + ":" + v)))
                        .as((nf, cf, df, unknown, duplicate) -> {
                            List<String> list = new ArrayList<>();
                            if (nf != null) {
                                list.add("\"name\":" + nf);
                            }
                            if (cf != null) {
                                list.add("\"cluster_id\":" + cf);
                            }
                            if (df != null) {
                                list.add("\"description\":" + df);
                            }
                            list.addAll(unknown);
                            if (!duplicate.isEmpty()) {
                                list.add(duplicate);
                            }
                            return list;
                        }));
        Arbitrary<String> trailer = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.of(" ", "\n", "}", "]", ",", "{}", "garbage", "\u0000", "/* c */", "//")),
                Tuple.of(1, json(1)));
        Arbitrary<String> extraRoot = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just("")),
                Tuple.of(1, Combinators.combine(jsonString(), json(1)).as((k, v) -> "," + k + ":" + v)),
                Tuple.of(1, jsonString().map(v -> ",\"snapshot\":" + v)));
        return Combinators.combine(members, extraRoot, trailer)
                .as((m, extra, t) -> "{\"snapshot\":{" + String.join(",", m) + "}" + extra + "}" + t);
    }

    /** A valid create body of a fresh name. */
    static Arbitrary<String> validBodies() {
        return Arbitraries.create(() -> "{\"snapshot\":{\"name\":\"valid-" + NAMES.incrementAndGet()
                + "\",\"cluster_id\":\"" + CLUSTER + "\",\"description\":\"fine\"}}");
    }

    /** Byte-level mutations of valid bodies: flips, inserts, deletes, invalid UTF-8, truncation. */
    static Arbitrary<byte[]> mutatedBodies() {
        Arbitrary<Mutation> mutation = Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        Combinators.combine(Arbitraries.integers().between(0, 10_000), Arbitraries.bytes())
                                .as((at, b) -> (Mutation) bytes -> replace(bytes, at, new byte[] {b}, 1))),
                Tuple.of(
                        2,
                        Combinators.combine(Arbitraries.integers().between(0, 10_000), invalidUtf8())
                                .as((at, bad) -> (Mutation) bytes -> replace(bytes, at, bad, 0))),
                Tuple.of(2, Arbitraries.integers().between(0, 10_000).map(at ->
                        (Mutation) bytes -> overlong(bytes, at))),
                Tuple.of(2, Arbitraries.integers().between(0, 10_000).map(at ->
                        (Mutation) bytes -> replace(bytes, at, new byte[0], 1))),
                Tuple.of(1, Arbitraries.integers().between(0, 10_000).map(at ->
                        (Mutation) bytes -> java.util.Arrays.copyOf(bytes, at % (bytes.length + 1)))),
                Tuple.of(
                        1,
                        Combinators.combine(
                                        Arbitraries.integers().between(0, 10_000),
                                        Arbitraries.of(
                                                "{", "}", "[", "]", ",", ":", "\"", "\\", "null", "1", "\u0000",
                                                "\ufeff"))
                                .as((at, s) -> (Mutation)
                                        bytes -> replace(bytes, at, s.getBytes(StandardCharsets.UTF_8), 0))));
        return Combinators.combine(validBodies(), mutation.list().ofMinSize(1).ofMaxSize(3))
                .as((body, mutations) -> {
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    for (Mutation m : mutations) {
                        bytes = m.apply(bytes);
                    }
                    return bytes;
                });
    }

    /** Byte sequences that are not UTF-8: stray continuation, overlong, surrogate, truncated, 0xFF. */
    static Arbitrary<byte[]> invalidUtf8() {
        return Arbitraries.of(
                new byte[] {(byte) 0x80},
                new byte[] {(byte) 0xBF},
                new byte[] {(byte) 0xC0, (byte) 0x80},
                new byte[] {(byte) 0xC1, (byte) 0xBF},
                new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xFE},
                new byte[] {(byte) 0xFF, (byte) 0xFE});
    }

    interface Mutation {
        byte[] apply(byte[] bytes);
    }

    private static byte[] replace(byte[] bytes, int at, byte[] with, int removed) {
        int i = bytes.length == 0 ? 0 : at % bytes.length;
        int end = Math.min(bytes.length, i + removed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, i);
        out.writeBytes(with);
        out.write(bytes, end, bytes.length - end);
        return out.toByteArray();
    }

    /** One ASCII letter (where the snapshot's values are) written as an overlong two-byte sequence. */
    private static byte[] overlong(byte[] bytes, int at) {
        List<Integer> letters = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            if (Character.isLetterOrDigit(bytes[i])) {
                letters.add(i);
            }
        }
        if (letters.isEmpty()) {
            return bytes;
        }
        int i = letters.get(at % letters.size());
        int c = bytes[i];
        return replace(bytes, i, new byte[] {(byte) (0xC0 | (c >> 6)), (byte) (0x80 | (c & 0x3F))}, 1);
    }

    // ---------------------------------------------------------------- requests

    static final List<String> METHODS = List.of(
            "GET",
            "GET",
            "DELETE",
            "HEAD",
            "POST",
            "PUT",
            "DELETE",
            "PATCH",
            "OPTIONS",
            "TRACE",
            "CONNECT",
            "PROPFIND",
            "MKCOL",
            "LOCK",
            "post",
            "Post",
            "FOO",
            "X-CUSTOM",
            "G\u00c9T",
            "GET\u0000",
            "POST\tX");

    /** Every method, known and unknown, well and badly formed. */
    static Arbitrary<String> methods() {
        return Arbitraries.oneOf(
                Arbitraries.of(METHODS),
                Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(30));
    }

    /** Request targets: the operation with odd project ids, dot segments, encoded slashes, other paths. */
    static Arbitrary<String> targets(int port) {
        Arbitrary<String> projectIds = Arbitraries.oneOf(
                Arbitraries.of(
                        PROJECT,
                        PROJECT.toUpperCase(),
                        PROJECT + "0",
                        PROJECT.substring(1),
                        "",
                        " ",
                        "%20",
                        "..",
                        ".",
                        "%2e%2e",
                        "%2E",
                        "a%2Fb",
                        "a%2fb",
                        "%2F",
                        "a%5Cb",
                        "a\\b",
                        "%00",
                        "a%00b",
                        "%25",
                        "%",
                        "%zz",
                        "%ff%fe",
                        "%C0%AF",
                        "%e4%b8%ad",
                        PROJECT + ";jsessionid=x",
                        ";a=b",
                        PROJECT + "%3B",
                        "~",
                        "*",
                        "%2a",
                        "${jndi:x}",
                        "{project_id}",
                        PROJECT + "%0d%0aX-Injected:%20yes"),
                Arbitraries.strings()
                        .withCharRange('0', '9')
                        .withCharRange('a', 'f')
                        .ofMinLength(0)
                        .ofMaxLength(40),
                Arbitraries.integers().between(33, 6_000).map("a"::repeat),
                Arbitraries.strings()
                        .withCharRange('!', '~')
                        .ofMaxLength(40)
                        .map(s -> s.replace("%", "%25").replace("?", "%3F").replace("#", "%23")));
        Arbitrary<String> operation = Combinators.combine(
                        Arbitraries.of(
                                "/v1.0/",
                                "/v1.0//",
                                "//v1.0/",
                                "/V1.0/",
                                "/v1.0/./",
                                "/v1.0/x/../",
                                "/v1.0/%2e/",
                                "/v1.1/../v1.0/",
                                "/./v1.0/"),
                        projectIds,
                        Arbitraries.of(
                                "/snapshots",
                                "/snapshots/",
                                "/snapshots/.",
                                "/snapshots/..",
                                "/SNAPSHOTS",
                                "/snapshots;x=1",
                                "/snapshots%2F",
                                "/snapshots/x",
                                "/snapshots?x=1",
                                "/snapshots?",
                                "/snapshots?%zz",
                                "/snapshots?a=b&a=c",
                                "/snapshots#frag"))
                .as((prefix, id, suffix) -> prefix + id + suffix);
        Arbitrary<String> snapshotIds = Arbitraries.oneOf(
                Arbitraries.create(() -> java.util.UUID.randomUUID().toString()),
                Arbitraries.create(() -> knownIds.isEmpty()
                        ? "x"
                        : knownIds.get(
                                java.util.concurrent.ThreadLocalRandom.current().nextInt(knownIds.size()))),
                Arbitraries.create(
                        () -> knownIds.isEmpty() ? "x" : knownIds.get(0).toUpperCase()),
                Arbitraries.of(
                        "",
                        "snap-1",
                        "..",
                        ".",
                        "%2e%2e",
                        "%2F",
                        "a%2Fb",
                        "%00",
                        "%zz",
                        "%e4%b8%ad",
                        "{snapshot_id}",
                        CLUSTER + "0",
                        CLUSTER.substring(1),
                        CLUSTER.replace('-', '_'),
                        CLUSTER + "%00",
                        CLUSTER + ";x=1",
                        "00000000-0000-0000-0000-000000000000",
                        "ffffffff-ffff-ffff-ffff-ffffffffffff",
                        "${jndi:x}",
                        "*",
                        "%2a",
                        CLUSTER + "/actions",
                        CLUSTER + "/"),
                Arbitraries.integers().between(37, 6_000).map("a"::repeat));
        Arbitrary<String> queries = Arbitraries.oneOf(
                Arbitraries.of(
                        "",
                        "?",
                        "?limit=0",
                        "?limit=-1",
                        "?limit=1",
                        "?limit=abc",
                        "?limit=1e3",
                        "?limit=1.0",
                        "?limit=99999999999",
                        "?limit=2147483647&offset=2147483647",
                        "?offset=-1",
                        "?offset=x",
                        "?sort_key=size",
                        "?sort_key=NAME",
                        "?sort_key=name&sort_dir=asc",
                        "?sort_dir=DOWN",
                        "?sort_dir=",
                        "?limit=&offset=",
                        "?limit=1&limit=2",
                        "?sort_dir=asc&sort_dir=desc",
                        "?%zz",
                        "?limit=%00",
                        "?limit=1%20",
                        "?limit=%201",
                        "?sort_dir=asc%00",
                        "?sort_key=%e4%b8%ad",
                        "?limit",
                        "?=1",
                        "?&&",
                        "?limit=0x10",
                        "?limit=+1",
                        "?offset=00001&limit=1"),
                Combinators.combine(
                                Arbitraries.of("limit", "offset", "sort_key", "sort_dir", "x"),
                                Arbitraries.strings()
                                        .withCharRange('!', '~')
                                        .ofMaxLength(20)
                                        .map(v -> v.replace("%", "%25")
                                                .replace("#", "%23")
                                                .replace("&", "%26")))
                        .as((k, v) -> "?" + k + "=" + v));
        Arbitrary<String> family = Arbitraries.oneOf(
                Combinators.combine(projectIds, snapshotIds).as((p, id) -> "/v1.0/" + p + "/snapshots/" + id),
                Combinators.combine(Arbitraries.of(PROJECT, PROJECT, PROJECT.toUpperCase()), snapshotIds)
                        .as((p, id) -> "/v1.0/" + p + "/snapshots/" + id),
                Combinators.combine(
                                Arbitraries.of(PROJECT, PROJECT, "x"),
                                Arbitraries.oneOf(
                                        Arbitraries.of(
                                                CLUSTER,
                                                CLUSTER,
                                                CLUSTER.toUpperCase(),
                                                "11111111-2222-4333-8444-555555555555"),
                                        snapshotIds),
                                queries)
                        .as((p, c, q) -> "/v1.0/" + p + "/clusters/" + c + "/snapshots" + q),
                queries.map(q -> PATH + q));
        Arbitrary<String> others = Arbitraries.of(
                "/",
                "/__admin/world",
                "/__admin/journal",
                "/__admin/snapshots",
                "/__admin/faults",
                "/__admin/../v1.0/" + PROJECT + "/snapshots",
                "/__admin/%2e%2e/__admin/world",
                "/docs/",
                "/docs",
                "/docs/../openapi.yaml",
                "/docs/%2e%2e/%2e%2e/etc/passwd",
                "/openapi.yaml",
                "/error",
                "/error?x=1",
                "/WEB-INF/web.xml",
                "/META-INF/MANIFEST.MF",
                "/favicon.ico",
                "/actuator/env",
                "/index.html",
                "/%",
                "/%zz",
                "/a%00",
                "/..;/",
                "/;/",
                "http://127.0.0.1:" + port + PATH,
                "http://evil.example" + PATH,
                "127.0.0.1:" + port,
                "*",
                "/\u00e9",
                "/\u00ff",
                "/a b",
                "/a\u0001b");
        return Arbitraries.frequencyOf(Tuple.of(3, operation), Tuple.of(3, family), Tuple.of(1, others));
    }

    /** Header lines: tokens, CR/LF, NUL, bytes above 0x7f, long values, folding, odd names, framing lies. */
    static Arbitrary<String> headerLines() {
        Arbitrary<String> name = Arbitraries.of(
                "X-Test",
                "X-Auth-Token",
                "Authorization",
                "X-Sdk-Date",
                "X-Project-Id",
                "X-Security-Token",
                "X-Sdk-Content-Sha256",
                "Prefer",
                "Accept",
                "Content-Type",
                "Accept-Charset",
                "Content-Encoding",
                "Range",
                "If-Match",
                "Cookie",
                "Origin",
                "Access-Control-Request-Method",
                "X-Forwarded-For",
                "X-Forwarded-Host",
                "Forwarded",
                "Connection",
                "Upgrade",
                "Expect",
                "Max-Forwards",
                "User-Agent");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(30),
                Arbitraries.integers().between(100, 6_000).map("v"::repeat),
                Arbitraries.of(
                        "a\rb",
                        "a\nb",
                        "a\r\nX-Injected: yes",
                        "a\u0000b",
                        "\u00e9\u00ff",
                        "",
                        " ",
                        "SDK-HMAC-SHA256",
                        "SDK-HMAC-SHA256 Access=, SignedHeaders=, Signature=",
                        "SDK-HMAC-SHA256 Access=A,Access=B",
                        "Bearer x",
                        "code=400",
                        "code=abc",
                        "delay=-1",
                        "delay=20",
                        "code=401, example=nope",
                        "100-continue",
                        "*/*",
                        "text/html",
                        "h2c",
                        "websocket",
                        "gzip",
                        "bytes=0-1",
                        "20261128T045404Z",
                        "UNSIGNED-PAYLOAD"));
        Arbitrary<String> ordinary = Combinators.combine(name, value).as((n, v) -> n + ": " + v);
        Arbitrary<String> odd = Arbitraries.of(
                " X-Folded: a",
                "\tcontinued",
                "NoColon",
                ": empty-name",
                "X Space: a",
                "X-Tab\t: a",
                "X-Colon:: a",
                "Host: other.example",
                "Host:",
                "Content-Length: -1",
                "Content-Length: abc",
                "Content-Length: 1, 2",
                "Content-Length: 0",
                "Content-Length: 99999999999999999999",
                "Transfer-Encoding: gzip",
                "Transfer-Encoding: chunked, gzip",
                "Transfer-Encoding: identity",
                "Transfer-Encoding: xchunked",
                "X-\u00e9: a",
                "X-\u0000: a",
                "\u00ff: a");
        return Arbitraries.frequencyOf(Tuple.of(6, ordinary), Tuple.of(1, odd));
    }

    /** Content types: none, JSON with odd parameters, other media types, garbage. */
    static Arbitrary<String> contentTypes() {
        return Arbitraries.of(
                null,
                "application/json",
                "application/json; charset=UTF-8",
                "application/json;charset=utf-16",
                "application/json; charset=latin1",
                "application/json; charset=bogus",
                "application/json; charset=\"",
                "APPLICATION/JSON",
                "application/json; x",
                "application/json;;",
                "application/problem+json",
                "application/merge-patch+json",
                "text/json",
                "text/plain",
                "text/html",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "multipart/form-data",
                "application/octet-stream",
                "*/*",
                "application/*",
                "json",
                "",
                ";;;",
                "/",
                "application/json\u00e9",
                "a".repeat(3_000) + "/json");
    }

    /**
     * A whole request: method, target, up to 6 header lines, content type, body and framing; the
     * valid token sent in most of them, so that the body gets as far as it can.
     */
    static Arbitrary<RawRequest> requests(int port) {
        Arbitrary<byte[]> body = Arbitraries.oneOf(
                validBodies().map(s -> s.getBytes(StandardCharsets.UTF_8)),
                snapshotBodies().map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(50),
                Arbitraries.just((byte[]) null));
        Arbitrary<Framing> framing = Arbitraries.of(Framing.LENGTH, Framing.LENGTH, Framing.CHUNKED);
        return Combinators.combine(
                        methods(),
                        targets(port),
                        headerLines().list().ofMaxSize(6),
                        contentTypes(),
                        body,
                        framing,
                        Arbitraries.integers().between(0, 9))
                .as((method, target, lines, contentType, bytes, how, auth) -> {
                    RawRequest request = RawRequest.of(method, target);
                    if (auth < 8) {
                        request = request.header("X-Auth-Token", World.DEFAULT_TOKEN);
                    }
                    for (String line : lines) {
                        request = request.line(line);
                    }
                    if (contentType != null) {
                        request = request.header("Content-Type", contentType);
                    }
                    return request.body(bytes, bytes == null ? Framing.NONE : how);
                });
    }
}
