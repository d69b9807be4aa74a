package org.opendws.snapshot.mock.front;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.mock.gateway.Gateway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which bytes the front takes as a plain create and which it leaves to Tomcat unread. That its
 * answers are Tomcat's is FastPathAgreementTest's part, over HTTP.
 */
class FrontRequestTest {
    private static final FrontRequest.Limits LIMITS = new FrontRequest.Limits(8192, 100, 1 << 20);
    private static final String PATH = "/v1.0/89cd04f168b84af6be287f71730fdb4b/snapshots";
    private static final String BODY = "{\"snapshot\":{\"name\":\"snap-1\",\"cluster_id\":\"44b277eb-39be-4921-be31-3d61b43651d7\"}}";
    private static final String HEAD = "POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
            + "Content-Type: application/json\r\nX-Auth-Token: t\r\nContent-Length: " + BODY.length() + "\r\n\r\n";

    @Test
    void aPlainCreateIsTakenWithItsHeadersAndBody() {
        ByteBuf bytes = bytes(HEAD + BODY + "POST /next");

        FrontRequest.Parsed parsed = FrontRequest.parse(bytes, LIMITS);

        assertThat(parsed.outcome()).isEqualTo(FrontRequest.Outcome.TAKEN);
        FrontRequest request = parsed.request();
        assertThat(request.projectId()).isEqualTo("89cd04f168b84af6be287f71730fdb4b");
        assertThat(request.path()).isEqualTo(PATH);
        assertThat(request.header("x-auth-token")).isEqualTo("t");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo(BODY);
        assertThat(request.length()).isEqualTo(HEAD.length() + BODY.length());
        assertThat(bytes.readerIndex()).as("nothing consumed").isZero();
        List<String> headers = new ArrayList<>();
        request.forEachHeader((name, value) -> headers.add(name + "=" + value));
        assertThat(headers).containsExactly("Host=127.0.0.1:8080", "Content-Type=application/json", "X-Auth-Token=t",
                "Content-Length=" + BODY.length());
        assertThat(request.close()).isFalse();
    }

    @Test
    void repeatedHeadersAreListedByNameAsTomcatListsThem() {
        String request = (HEAD + BODY).replace("X-Auth-Token: t\r\n", "X-A: 1\r\nX-Auth-Token: t\r\nx-a: 3\r\n");
        List<String> headers = new ArrayList<>();

        FrontRequest.parse(bytes(request), LIMITS).request().forEachHeader((name, value) -> headers.add(name + "=" + value));

        assertThat(headers).containsExactly("Host=127.0.0.1:8080", "Content-Type=application/json", "X-A=1", "X-A=3",
                "X-Auth-Token=t", "Content-Length=" + BODY.length());
    }

    @Test
    void everyStartOfAPlainCreateIsIncomplete() {
        String whole = HEAD + BODY;
        for (int length = 0; length < whole.length(); length++) {
            FrontRequest.Parsed parsed = FrontRequest.parse(bytes(whole.substring(0, length)), LIMITS);

            assertThat(parsed.outcome()).as("the first %d bytes", length).isEqualTo(FrontRequest.Outcome.INCOMPLETE);
            assertThat(parsed.needed()).as("the first %d bytes: the length once the head is read", length)
                    .isEqualTo(length < HEAD.length() ? 0 : whole.length());
        }
    }

    @ParameterizedTest
    @CsvSource({"localhost", "127.0.0.1:8080", "[::1]:8080", "dws.example.com"})
    void aHostTomcatTakesIsTaken(String host) {
        String request = (HEAD + BODY).replace("Host: 127.0.0.1:8080", "Host: " + host);

        assertThat(FrontRequest.parse(bytes(request), LIMITS).outcome()).isEqualTo(FrontRequest.Outcome.TAKEN);
    }

    @Test
    void connectionCloseIsKept() {
        FrontRequest.Parsed parsed = FrontRequest.parse(bytes(HEAD.replace("\r\n\r\n", "\r\nConnection: Close\r\n\r\n") + BODY), LIMITS);

        assertThat(parsed.request().close()).isTrue();
    }

    /** Each case replaces the first {@code plain} of a plain create by {@code other} (escapes: \\r \\n \\t \\u). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "another method            | 'POST ' | 'GET '",
        "another version           | HTTP/1.1\\r\\nHost | HTTP/1.0\\r\\nHost",
        "a query                   | /snapshots | /snapshots?x=1",
        "an encoded path           | /v1.0/8 | /v1.0/%38",
        "a path parameter          | /snapshots | /snapshots;x=1",
        "an empty segment          | /v1.0/ | /v1.0//",
        "a dot segment             | /v1.0/ | /./v1.0/",
        "another path              | /snapshots | /snapshots/x",
        "a trailing slash          | /snapshots | /snapshots/",
        "another case              | /snapshots | /Snapshots",
        "a project of two segments | /v1.0/8 | /v1.0/x/8",
        "no path                   | 'POST /v1.0/89cd04f168b84af6be287f71730fdb4b/snapshots ' | 'POST '",
        "a header without a name   | X-Auth-Token: t | ': t'",
        "chunks, lower case        | X-Auth-Token: t | transfer-encoding: chunked",
        "a second space            | 'POST ' | 'POST  '",
        "a tab in the request line | 'POST ' | 'POST\\t'",
        "a header without colon    | X-Auth-Token: t | X-Auth-Token t",
        "a space before the colon  | X-Auth-Token: t | X-Auth-Token : t",
        "a folded header           | X-Auth-Token: t | X-Auth-Token: t\\r\\n u",
        "a bare LF                 | X-Auth-Token: t\\r\\n | X-Auth-Token: t\\n",
        "a bare CR                 | X-Auth-Token: t | X-Auth-Token: t\\ru",
        "a control character       | X-Auth-Token: t | X-Auth-Token: t\\u0001",
        "a control character, trimmed | X-Auth-Token: t | X-Auth-Token: \\u001ct",
        "a non-ASCII byte          | X-Auth-Token: t | X-Auth-Token: \\u00e9",
        "chunks                    | X-Auth-Token: t | Transfer-Encoding: chunked",
        "Expect                    | X-Auth-Token: t | Expect: 100-continue",
        "Prefer                    | X-Auth-Token: t | Prefer: code=500",
        "Upgrade                   | X-Auth-Token: t | Upgrade: h2c",
        "another Connection        | X-Auth-Token: t | Connection: upgrade",
        "a second Content-Length   | X-Auth-Token: t | Content-Length: 83",
        "a second Host             | X-Auth-Token: t | Host: example.com",
        "a second Content-Type     | X-Auth-Token: t | Content-Type: application/json",
        "a malformed Host          | Host: 127.0.0.1:8080 | Host: a_b",
        "a Host with a leading dash | Host: 127.0.0.1:8080 | Host: -a",
        "a Host with two dots      | Host: 127.0.0.1:8080 | Host: a..b",
        "a malformed IPv6 Host     | Host: 127.0.0.1:8080 | Host: [1.2.3.4]",
        "no Host                   | Host: 127.0.0.1:8080\\r\\n | ''",
        "a signed Content-Length   | 'Content-Length: ' | 'Content-Length: +'",
        "another media type        | Content-Type: application/json | Content-Type: text/plain",
        "another charset           | Content-Type: application/json | Content-Type: application/json; charset=ISO-8859-1",
        "an Accept without JSON    | X-Auth-Token: t | Accept: text/html",
        "two Accept headers        | X-Auth-Token: t | Accept: */*\\r\\nAccept: */*",
    })
    void everythingElseIsLeftToTomcat(String what, String plain, String other) {
        String request = (HEAD + BODY).replaceFirst(Pattern.quote(unescape(plain)), Matcher.quoteReplacement(unescape(other)));
        assertThat(request).as(what).isNotEqualTo(HEAD + BODY);

        assertThat(FrontRequest.parse(bytes(request), LIMITS).outcome()).as(what).isEqualTo(FrontRequest.Outcome.NOT_MINE);
    }

    @Test
    void aBodyAboveTheCapIsLeftToTomcat() {
        assertThat(FrontRequest.parse(bytes(HEAD + BODY), new FrontRequest.Limits(8192, 100, BODY.length())).outcome()).isEqualTo(FrontRequest.Outcome.TAKEN);
        assertThat(FrontRequest.parse(bytes(HEAD + BODY), new FrontRequest.Limits(8192, 100, BODY.length() - 1)).outcome()).isEqualTo(FrontRequest.Outcome.NOT_MINE);
    }

    @Test
    void aLongHeadIsLeftToTomcat() {
        String longHeader = "X-Long: " + "x".repeat(LIMITS.maxHead()) + "\r\n";
        String request = HEAD.replace("X-Auth-Token: t\r\n", longHeader);

        assertThat(FrontRequest.parse(bytes(request.substring(0, LIMITS.maxHead() - 1)), LIMITS).outcome())
                .isEqualTo(FrontRequest.Outcome.INCOMPLETE);
        assertThat(FrontRequest.parse(bytes(request), LIMITS).outcome()).isEqualTo(FrontRequest.Outcome.NOT_MINE);
        assertThat(FrontRequest.parse(bytes(HEAD + BODY), new FrontRequest.Limits(HEAD.length() - 1, 100, 1 << 20))
                .outcome()).as("a smaller bound of Tomcat's").isEqualTo(FrontRequest.Outcome.NOT_MINE);
    }

    @Test
    void moreThanAHundredHeadersAreLeftToTomcat() {
        String hundred = "X-A: 1\r\n".repeat(97);

        assertThat(FrontRequest.parse(bytes(HEAD.replace("X-Auth-Token: t\r\n", hundred) + BODY), LIMITS).outcome())
                .as("100 headers").isEqualTo(FrontRequest.Outcome.TAKEN);
        assertThat(FrontRequest.parse(bytes(HEAD.replace("X-Auth-Token: t\r\n", hundred + "X-A: 1\r\n") + BODY), LIMITS)
                .outcome()).as("101 headers").isEqualTo(FrontRequest.Outcome.NOT_MINE);
    }

    @ParameterizedTest
    @CsvSource({"/v1.0/89cd04f168b84af6be287f71730fdb4b/snapshots", "/v1.0/p/snapshots", "/v1.0/a.b~c_d-e/snapshots",
        "/v1.0/snapshots", "/v1.0/p/snapshots/", "/v1.0/p/q/snapshots", "/v1.0/p/Snapshots", "/v1.0/p/snapshotsx",
        "/v1.0/p", "/v1.0/", "/v1.0/psnapshots", "/v1.1/p/snapshots", "/x/v1.0/p/snapshots", "/", "/snapshots"})
    void aPlainPathsProjectIsTheGatewaysOne(String path) {
        assertThat(FrontRequest.projectOf(path)).isEqualTo(Gateway.projectOf(path));
    }

    private static String unescape(String text) {
        Matcher unicode = Pattern.compile("\\\\u([0-9a-f]{4})").matcher(text.replace("\\r", "\r").replace("\\n", "\n")
                .replace("\\t", "\t"));
        return unicode.replaceAll(match -> String.valueOf((char) Integer.parseInt(match.group(1), 16)));
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
