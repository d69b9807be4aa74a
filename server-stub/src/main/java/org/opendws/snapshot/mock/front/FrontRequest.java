package org.opendws.snapshot.mock.front;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import org.apache.tomcat.util.http.parser.Host;
import org.opendws.snapshot.mock.gateway.Gateway;
import org.opendws.snapshot.mock.generated.api.SnapshotsApi;
import org.opendws.snapshot.mock.request.RequestHead;
import org.opendws.snapshot.mock.snapshot.CreateReader;

/**
 * A create request as the front takes it: only the plainest form, so that whatever Tomcat would
 * read otherwise, refuse or treat apart (another method, path or version, an encoded or
 * non-ASCII byte, chunks, {@code Expect}, {@code Prefer}, a repeated or malformed header, a
 * head or a body above Tomcat's or the mock's bounds) goes to Tomcat unread. {@link #parse}
 * tells which.
 */
final class FrontRequest implements RequestHead {
    private static final byte[] POST = "POST ".getBytes(StandardCharsets.US_ASCII);
    private static final String VERSION = " HTTP/1.1";
    /** Headers that ask for more than the plain form (or, for {@code Prefer}, for a fault or a delay). */
    private static final String[] NOT_PLAIN = {"transfer-encoding", "expect", "upgrade", "prefer", "http2-settings"};
    /** The create operation's path template (the generated interface's) before and after its one variable. */
    private static final String PATH_BEFORE = SnapshotsApi.PATH_CREATE_SNAPSHOT.substring(0,
            SnapshotsApi.PATH_CREATE_SNAPSHOT.indexOf('{'));
    private static final String PATH_AFTER = SnapshotsApi.PATH_CREATE_SNAPSHOT.substring(
            SnapshotsApi.PATH_CREATE_SNAPSHOT.indexOf('}') + 1);
    /** Whether the template is text, one variable that is a whole segment, and text, as {@link #projectOf} reads it. */
    private static final boolean ONE_SEGMENT_VARIABLE = PATH_BEFORE.endsWith("/") && PATH_AFTER.startsWith("/")
            && PATH_BEFORE.indexOf('}') < 0 && PATH_AFTER.indexOf('{') < 0
            && SnapshotsApi.PATH_CREATE_SNAPSHOT.lastIndexOf('{') == PATH_BEFORE.length();

    /** What {@link #parse} found at the start of the bytes. */
    enum Outcome {
        /** a request the front takes: see {@link #request} */
        TAKEN,
        /** the start of one, not all there yet */
        INCOMPLETE,
        /** anything else: for Tomcat */
        NOT_MINE
    }

    /**
     * {@link #parse}'s answer.
     *
     * @param outcome what was found
     * @param request the request, when taken
     * @param needed  when incomplete: how many bytes the request takes if its head is all there, else 0
     */
    record Parsed(Outcome outcome, FrontRequest request, int needed) {
        static final Parsed INCOMPLETE = new Parsed(Outcome.INCOMPLETE, null, 0);
        static final Parsed NOT_MINE = new Parsed(Outcome.NOT_MINE, null, 0);
    }

    /**
     * Tomcat's bounds, read from its connector, so that the front takes nothing Tomcat refuses.
     *
     * @param maxHead    the largest request head ({@code server.max-http-request-header-size})
     * @param maxHeaders the most headers in a request (negative: no bound)
     * @param maxBody    the largest body the mock takes ({@code dws.mock.max-body-size})
     */
    record Limits(int maxHead, int maxHeaders, int maxBody) {
    }

    private final String path;
    private final String projectId;
    private final String[] headers;
    private final byte[] body;
    private final int length;
    private final boolean close;
    private final boolean keepAlive;

    private FrontRequest(String path, String projectId, String[] headers, byte[] body, int length, boolean close,
                         boolean keepAlive) {
        this.path = path;
        this.projectId = projectId;
        this.headers = headers;
        this.body = body;
        this.length = length;
        this.close = close;
        this.keepAlive = keepAlive;
    }

    /** The request at the start of {@code in}'s readable bytes (not consumed). */
    static Parsed parse(ByteBuf in, Limits limits) {
        int maxHead = limits.maxHead();
        int start = in.readerIndex();
        int readable = in.readableBytes();
        for (int i = 0; i < Math.min(readable, POST.length); i++) {
            if (in.getByte(start + i) != POST[i]) {
                return Parsed.NOT_MINE;
            }
        }
        int end = in.indexOf(start, start + Math.min(readable, maxHead), (byte) '\n');
        while (end >= 0 && !(end - start >= 3 && in.getByte(end - 1) == '\r' && in.getByte(end - 2) == '\n'
                && in.getByte(end - 3) == '\r')) {
            end = in.indexOf(end + 1, start + Math.min(readable, maxHead), (byte) '\n');
        }
        if (end < 0) {
            return readable >= maxHead ? Parsed.NOT_MINE : Parsed.INCOMPLETE;
        }
        int headLength = end + 1 - start;
        for (int i = start; i <= end; i++) {
            byte b = in.getByte(i);
            boolean strayCr = b == '\r' && in.getByte(i + 1) != '\n'; // i < end: the head ends in LF
            boolean strayLf = b == '\n' && in.getByte(i - 1) != '\r'; // i > start: it starts with "POST "
            if (b <= 0 || strayCr || strayLf || (b < 0x20 && b != '\t' && b != '\r' && b != '\n') || b == 0x7f) {
                return Parsed.NOT_MINE; // non-ASCII, a control character, or a line not ended by CRLF
            }
        }
        // read in place in one string: no string per line, no regular expression, split or
        // lower-casing, which were a quarter of a create's garbage (README "Benchmarks")
        String head = in.toString(start, headLength - 4, StandardCharsets.US_ASCII);
        int requestEnd = lineEnd(head, 0);
        int pathEnd = requestEnd - VERSION.length();
        if (pathEnd <= POST.length || !head.startsWith(VERSION, pathEnd)) {
            return Parsed.NOT_MINE;
        }
        String path = head.substring(POST.length, pathEnd);
        String projectId = plainPath(path) ? projectOf(path) : null;
        int count = 0;
        for (int at = requestEnd; at < head.length(); at = lineEnd(head, at + 2)) {
            count++;
        }
        if (projectId == null || (limits.maxHeaders() >= 0 && count > limits.maxHeaders())) {
            return Parsed.NOT_MINE;
        }
        String[] headers = new String[2 * count];
        String host = null;
        String contentLength = null;
        String contentType = null;
        String accept = null;
        String connection = null;
        for (int i = 0, from = requestEnd + 2; i < count; i++) {
            int lineEnd = lineEnd(head, from);
            int colon = head.indexOf(':', from);
            if (colon <= from || colon > lineEnd || !token(head, from, colon)) {
                return Parsed.NOT_MINE;
            }
            String name = head.substring(from, colon);
            String value = trimmed(head, colon + 1, lineEnd);
            headers[2 * i] = name;
            headers[2 * i + 1] = value;
            from = lineEnd + 2;
            boolean repeated = false;
            if (name.equalsIgnoreCase("host")) {
                repeated = host != null;
                host = value;
            } else if (name.equalsIgnoreCase("content-length")) {
                repeated = contentLength != null;
                contentLength = value;
            } else if (name.equalsIgnoreCase("content-type")) {
                repeated = contentType != null;
                contentType = value;
            } else if (name.equalsIgnoreCase("accept")) {
                repeated = accept != null;
                accept = value;
            } else if (name.equalsIgnoreCase("connection")) {
                repeated = connection != null;
                connection = value;
            } else {
                for (String other : NOT_PLAIN) {
                    repeated |= name.equalsIgnoreCase(other);
                }
            }
            if (repeated) {
                return Parsed.NOT_MINE; // repeated, or a header that asks for more than the plain form
            }
        }
        boolean close = "close".equalsIgnoreCase(connection);
        boolean keepAlive = "keep-alive".equalsIgnoreCase(connection);
        if (host == null || !validHost(host) || contentLength == null
                || !plainLength(contentLength) || Long.parseLong(contentLength) > limits.maxBody()
                || !CreateReader.isPlainJson(contentType) || (accept != null && !CreateReader.acceptsJson(accept))
                || (connection != null && !close && !keepAlive)) {
            return Parsed.NOT_MINE;
        }
        int bodyLength = Integer.parseInt(contentLength); // at most maxBody, an int
        long length = (long) headLength + bodyLength;
        if (readable < length) {
            return length <= Integer.MAX_VALUE ? new Parsed(Outcome.INCOMPLETE, null, (int) length) : Parsed.NOT_MINE;
        }
        byte[] body = new byte[bodyLength];
        in.getBytes(start + headLength, body);
        return new Parsed(Outcome.TAKEN, new FrontRequest(path, projectId, headers, body, (int) length, close,
                keepAlive), 0);
    }

    /** Where the line at {@code from} ends: at its CR (each is followed by LF, the check of the bytes found), or at the end. */
    private static int lineEnd(String head, int from) {
        int cr = head.indexOf('\r', from);
        return cr < 0 ? head.length() : cr;
    }

    /**
     * The project id of a plain path (below) to the create operation, or null: what
     * {@link Gateway#projectOf} finds, without its parse into segments. On such a path the
     * operation's template matches where the path starts with the template's text before its one
     * variable, ends with the text after it, and has one non-empty segment between them
     * (FrontRequestTest checks this against {@link Gateway#projectOf}).
     */
    static String projectOf(String plainPath) {
        if (!ONE_SEGMENT_VARIABLE) {
            return Gateway.projectOf(plainPath);
        }
        int variableEnd = plainPath.length() - PATH_AFTER.length();
        if (variableEnd <= PATH_BEFORE.length() || !plainPath.startsWith(PATH_BEFORE) || !plainPath.endsWith(PATH_AFTER)
                || plainPath.indexOf('/', PATH_BEFORE.length()) < variableEnd) {
            return null;
        }
        return plainPath.substring(PATH_BEFORE.length(), variableEnd);
    }

    /** An absolute path of unreserved characters, without empty or dot segments. */
    private static boolean plainPath(String path) {
        if (path.isEmpty() || path.charAt(0) != '/' || path.contains("//") || path.contains("/.")) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "._~/-".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the characters from {@code from} to {@code to} are a token (RFC 9110), as a header name must be. */
    private static boolean token(String head, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = head.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+.^_`|~-".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** Digits, without a leading zero, at most ten. */
    private static boolean plainLength(String value) {
        if (value.isEmpty() || value.length() > 10 || (value.charAt(0) == '0' && value.length() > 1)) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether Tomcat takes it as a {@code Host} header (its own parser). */
    private static boolean validHost(String host) {
        try {
            Host.parse(host);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The characters from {@code from} to {@code to} without the spaces and tabs around them (the only control character left in a head here is the tab). */
    private static String trimmed(String head, int from, int to) {
        while (from < to && (head.charAt(from) == ' ' || head.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (head.charAt(to - 1) == ' ' || head.charAt(to - 1) == '\t')) {
            to--;
        }
        return head.substring(from, to);
    }

    /** The path's project id. */
    String projectId() {
        return projectId;
    }

    /** The body. */
    byte[] body() {
        return body;
    }

    /** How many bytes the request took, head and body. */
    int length() {
        return length;
    }

    /** Whether the client asked to close the connection after the answer. */
    boolean close() {
        return close;
    }

    /** Whether the client asked for {@code Connection: keep-alive} (Tomcat then says how long). */
    boolean keepAlive() {
        return keepAlive;
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String query() {
        return null;
    }

    @Override
    public String header(String name) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase(name)) {
                return headers[i + 1];
            }
        }
        return null;
    }

    /** Grouped by name, in the order of each name's first appearance, as Tomcat lists them. */
    @Override
    public void forEachHeader(BiConsumer<String, String> action) {
        for (int i = 0; i < headers.length; i += 2) {
            if (firstOfItsName(i)) {
                for (int j = i; j < headers.length; j += 2) {
                    if (headers[j].equalsIgnoreCase(headers[i])) {
                        action.accept(headers[i], headers[j + 1]);
                    }
                }
            }
        }
    }

    private boolean firstOfItsName(int index) {
        for (int i = 0; i < index; i += 2) {
            if (headers[i].equalsIgnoreCase(headers[index])) {
                return false;
            }
        }
        return true;
    }
}
