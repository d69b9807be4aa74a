package org.opendws.snapshot.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendws.snapshot.mock.support.DwsHttp.CLUSTER;
import static org.opendws.snapshot.mock.support.DwsHttp.PATH;
import static org.opendws.snapshot.mock.support.DwsHttp.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendws.snapshot.auth.AkSkSigner;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.auth.SignRequest;
import org.opendws.snapshot.auth.SignResult;
import org.opendws.snapshot.mock.spec.OpenApiDocument;
import org.opendws.snapshot.mock.support.DwsHttp;
import org.opendws.snapshot.mock.support.DwsHttp.Response;
import org.opendws.snapshot.mock.support.HeadlessChromium;
import org.opendws.snapshot.mock.support.MockServerTestBase;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The docs site as a console of the mock that serves it, in headless Chromium against the
 * running mock ({@code aksk} mode): every operation's "Try it" form sends its example and shows
 * the answer's status and request id; the page's AK/SK signature is accepted and equals the Java
 * {@link AkSkSigner}'s on the same request; a wrong secret shows the 401 beside the canonical
 * request; the traffic page lists a request signed in Java; nothing goes off the machine, the
 * secret key is never sent, and the console stores nothing. Screenshots go to
 * {@code target/screenshots/console/}.
 */
class DocsConsoleInBrowserTest extends MockServerTestBase {
    private static final Path SCREENSHOTS = Path.of("target/screenshots/console");
    private static final String WRONG_SK = "WrongSecretKeyTypedIntoTheConsole000000";
    private static HeadlessChromium browser;
    private static String skipReason;
    private String origin;

    @BeforeAll
    static void startBrowser() throws IOException {
        skipReason = HeadlessChromium.missing();
        if (skipReason != null) {
            System.err.println("SKIPPED " + DocsConsoleInBrowserTest.class.getSimpleName() + ": " + skipReason);
            return;
        }
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void clockAtNowAndFreshLogs() {
        Assumptions.assumeTrue(skipReason == null, () -> skipReason);
        // the page signs with the browser's clock: the mock's must be near it (15 minutes of skew at most)
        clock.set(Instant.now());
        origin = "http://127.0.0.1:" + port;
        browser.forgetLogs();
    }

    @Test
    void everyOperationOfTheDocumentSendsItsExampleAndShowsTheStatusAndRequestId() throws IOException {
        // a snapshot for the operations on one: the example's id names none in a fresh mock
        String seeded = http.admin(
                        "POST",
                        "/snapshots",
                        "{\"name\":\"console-seed\",\"status\":\"AVAILABLE\",\"cluster_id\":\"" + CLUSTER + "\"}")
                .json()
                .path("id")
                .asText();
        browser.open(origin + "/docs/");
        List<OpenApiDocument.Operation> operations =
                new ArrayList<>(OpenApiDocument.load().operations());
        operations.sort(
                Comparator.comparing(op -> "DELETE".equals(op.method()))); // the seeded snapshot is deleted last
        assertThat(operations).hasSizeGreaterThanOrEqualTo(5);

        for (OpenApiDocument.Operation op : operations) {
            WebElement form = browser.driver().findElement(By.id(op.id() + "-try"));
            for (WebElement snapshotId : form.findElements(By.name("snapshot_id"))) {
                snapshotId.clear();
                snapshotId.sendKeys(seeded);
            }
            // optional parameters too, so that a signed query reaches the mock: the example the
            // field offers, an enum's last value
            for (WebElement optional : form.findElements(By.cssSelector("input[data-in][placeholder^='e.g. ']"))) {
                optional.sendKeys(optional.getAttribute("placeholder").substring("e.g. ".length()));
            }
            for (WebElement list : form.findElements(By.cssSelector("select[data-in]"))) {
                Select select = new Select(list);
                select.selectByIndex(select.getOptions().size() - 1);
            }
            Answer answer = send(form);

            assertThat(answer.status()).as(op.id()).isBetween(200, 299);
            assertThat(op.statuses()).as(op.id() + " documents the status").contains(answer.status());
            JsonNode entry = journaled(answer.requestId());
            assertThat(entry.path("method").asText()).isEqualTo(op.method());
            assertThat(entry.path("status").asInt()).isEqualTo(answer.status());
            browser.scrollTo(form.findElement(By.className("try-result")));
            browser.screenshot(SCREENSHOTS, "try-" + op.id());
        }
        assertThat(journaledQueries()).as("a signed query was accepted").anyMatch(q -> q.contains("limit=10"));
        browser.assertOnlyRequestsTo(origin, World.DEFAULT_SECRET_KEY);
        browser.assertNoConsoleErrors();
        assertNothingStored();
    }

    @Test
    void aSignedRequestOfThePageIsAcceptedAndItsSignatureIsTheJavaSignersOnTheSameRequest() throws IOException {
        browser.open(origin + "/docs/index.html#createSnapshot-try");
        WebElement form = browser.driver().findElement(By.id("createSnapshot-try"));
        Answer answer = send(form);
        assertThat(answer.status()).as("accepted in aksk mode").isEqualTo(200);

        Map<String, String> sent = sentHeaders(form);
        String body = form.findElement(By.name("body")).getDomProperty("value");
        SignResult java = new AkSkSigner()
                .sign(SignRequest.builder()
                        .method("POST")
                        .host("127.0.0.1:" + port)
                        .rawPath(PATH)
                        .header("Content-Type", sent.get("Content-Type"))
                        .body(body.getBytes(StandardCharsets.UTF_8))
                        .credentials(Credentials.akSk(World.DEFAULT_ACCESS_KEY, World.DEFAULT_SECRET_KEY))
                        .sdkDate(sent.get("X-Sdk-Date"))
                        .build());
        assertThat(text(form, "try-signature")).isEqualTo(java.signature());
        assertThat(sent.get("Authorization")).isEqualTo(java.headers().get("Authorization"));
        assertThat(text(form, "try-canonical")).isEqualTo(java.canonicalRequest());
        assertThat(text(form, "try-string-to-sign")).isEqualTo(java.stringToSign());

        // what arrived is what was signed: the same date, content type and body bytes
        JsonNode entry = journaled(answer.requestId());
        assertThat(entry.path("headers").path("x-sdk-date").get(0).asText()).isEqualTo(sent.get("X-Sdk-Date"));
        assertThat(entry.path("headers").path("content-type").get(0).asText()).isEqualTo(sent.get("Content-Type"));
        assertThat(entry.path("body").asText()).isEqualTo(body);
        browser.scrollTo(form.findElement(By.className("try-result")));
        browser.screenshot(SCREENSHOTS, "try-signed-200");
        browser.assertOnlyRequestsTo(origin, World.DEFAULT_SECRET_KEY);
        browser.assertNoConsoleErrors();
        assertNothingStored();
    }

    @Test
    void aWrongSecretShowsThe401BesideTheCanonicalRequest() throws IOException {
        browser.open(origin + "/docs/");
        WebElement form = browser.driver().findElement(By.id("createSnapshot-try"));
        WebElement sk = form.findElement(By.name("sk"));
        sk.clear();
        sk.sendKeys(WRONG_SK);
        Answer answer = send(form);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(journaled(answer.requestId()).path("status").asInt()).isEqualTo(401);
        assertThat(form.findElement(By.className("try-body-received")).getText())
                .contains("APIGW.0301");
        WebElement canonical = form.findElement(By.className("try-canonical"));
        assertThat(canonical.isDisplayed()).isTrue();
        assertThat(canonical.getDomProperty("textContent"))
                .startsWith("POST\n/v1.0/" + DwsHttp.PROJECT + "/snapshots/\n\n")
                .contains("host:127.0.0.1:" + port + "\n");
        assertThat(form.findElement(By.cssSelector(".try-hint a")).getAttribute("href"))
                .endsWith("/docs/troubleshooting-signatures.html");
        assertThat(form.getText()).doesNotContain(WRONG_SK);
        browser.scrollTo(form.findElement(By.className("try-result")));
        browser.screenshot(SCREENSHOTS, "try-wrong-secret-401");
        browser.assertOnlyRequestsTo(origin, WRONG_SK, World.DEFAULT_SECRET_KEY);
        browser.assertNoConsoleErrors(401);
    }

    @Test
    void theTokenAndNoAuthenticationAreOfferedToo() throws IOException {
        browser.open(origin + "/docs/");
        WebElement form = browser.driver().findElement(By.id("listSnapshots-try"));
        form.findElement(By.cssSelector("input[name=auth][value=X-Auth-Token]")).click();
        assertThat(send(form).status()).isEqualTo(200);
        // sent, and shown as the journal shows it
        assertThat(sentHeaders(form))
                .containsEntry("X-Auth-Token", "<redacted>")
                .doesNotContainKey("Authorization");
        assertThat(form.getText()).doesNotContain(World.DEFAULT_TOKEN);

        form.findElement(By.cssSelector("input[name=auth][value=none]")).click();
        Answer none = send(form);
        assertThat(none.status()).as("this mock checks credentials").isEqualTo(401);
        assertThat(none.requestId()).matches("[0-9a-f]{32}");
        assertThat(form.findElements(By.className("try-canonical"))).isEmpty();
        browser.assertOnlyRequestsTo(origin, World.DEFAULT_SECRET_KEY);
        browser.assertNoConsoleErrors(401);
    }

    @Test
    void theTrafficPageShowsARequestSignedInJavaNewestFirstWithItsHeadersAndBody() throws IOException {
        browser.open(origin + "/docs/traffic.html");
        Response first = http.create(body("from-java-1"));
        Response second = http.create(body("from-java-2"));
        http.get("/no/such/path");

        // refreshed every 2 seconds: a few refreshes at most
        WebElement row = new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(d -> d.findElements(By.cssSelector("tr[data-request-id='" + second.requestId() + "']")).stream()
                        .findFirst()
                        .orElse(null));
        List<String> order = browser.driver().findElements(By.cssSelector("tr.traffic-entry")).stream()
                .map(r -> r.getAttribute("data-request-id"))
                .toList();
        assertThat(order.indexOf(second.requestId())).as("newest first").isLessThan(order.indexOf(first.requestId()));
        assertThat(row.getText()).contains("POST", PATH, "200", second.requestId());

        row.click();
        WebElement details = row.findElement(By.xpath("following-sibling::tr[1]"));
        assertThat(details.isDisplayed()).isTrue();
        assertThat(details.getText()).contains("authorization", "<redacted>", "x-sdk-date", "\"from-java-2\"");
        browser.screenshot(SCREENSHOTS, "traffic");

        // the filters: by status, by path
        WebElement filters = browser.driver().findElement(By.className("traffic-filters"));
        new Select(filters.findElement(By.name("status"))).selectByValue("4");
        assertThat(entries()).containsExactly("/no/such/path");
        new Select(filters.findElement(By.name("status"))).selectByValue("");
        filters.findElement(By.name("path")).sendKeys("/snapshots");
        assertThat(entries()).containsExactly(PATH, PATH);
        browser.screenshot(SCREENSHOTS, "traffic-filtered");
        browser.assertOnlyRequestsTo(origin);
        browser.assertNoConsoleErrors();
    }

    @Test
    void theConsoleCarriesTheDefaultWorldsCredentials() {
        String script = http.get("/docs/assets/console.js").body();
        assertThat(script)
                .contains(
                        '"' + World.DEFAULT_ACCESS_KEY + '"',
                        '"' + World.DEFAULT_SECRET_KEY + '"',
                        '"' + World.DEFAULT_TOKEN + '"');
    }

    // ---- helpers

    /** What the page shows of an answer. */
    private record Answer(int status, String requestId) {}

    /** Clicks Send and waits for the answer the page shows. */
    private Answer send(WebElement form) {
        WebElement result = form.findElement(By.className("try-result"));
        browser.script("arguments[0].textContent = '';", result);
        browser.scrollTo(form);
        form.findElement(By.className("try-send")).click();
        WebElement status = new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(d -> result.findElements(By.className("try-status")).stream()
                        .findFirst()
                        .orElse(null));
        String requestId = result.findElement(By.className("try-request-id")).getText();
        assertThat(requestId).as("the request id shown").matches("[0-9a-f]{32}");
        return new Answer(Integer.parseInt(status.getText()), requestId);
    }

    /** The request headers the page shows it sent. */
    private static Map<String, String> sentHeaders(WebElement form) {
        Map<String, String> sent = new LinkedHashMap<>();
        for (WebElement row : form.findElements(By.cssSelector(".try-sent tr"))) {
            sent.put(
                    row.findElement(By.tagName("th")).getText(),
                    row.findElement(By.tagName("td")).getText());
        }
        return sent;
    }

    private static String text(WebElement form, String className) {
        return form.findElement(By.className(className)).getDomProperty("textContent");
    }

    /** The journal's entry of a request id. */
    private JsonNode journaled(String requestId) {
        for (JsonNode entry : http.admin("GET", "/journal", null).json().path("entries")) {
            if (requestId.equals(entry.path("request_id").asText())) {
                return entry;
            }
        }
        throw new AssertionError("no journal entry with request id " + requestId);
    }

    /** The queries of the journaled requests that had one. */
    private List<String> journaledQueries() {
        List<String> queries = new ArrayList<>();
        http.admin("GET", "/journal", null).json().path("entries").forEach(e -> {
            if (e.hasNonNull("query") && e.path("status").asInt() == 200) {
                queries.add(e.path("query").asText());
            }
        });
        return queries;
    }

    /** The paths of the traffic rows shown. */
    private List<String> entries() {
        return browser.driver().findElements(By.cssSelector("tr.traffic-entry")).stream()
                .filter(WebElement::isDisplayed)
                .map(r -> r.findElement(By.className("traffic-path")).getText())
                .toList();
    }

    /** No cookie and nothing in the page's storage: the secret key lives in its field only. */
    private void assertNothingStored() {
        assertThat(browser.script("return document.cookie + localStorage.length + '/' + sessionStorage.length;"))
                .isEqualTo("0/0");
    }
}
