package org.opendws.snapshot.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendws.snapshot.auth.AkSkSigner;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.auth.SignRequest;
import org.opendws.snapshot.auth.SignResult;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens the built site in headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, never a downloaded browser), served over HTTP from 127.0.0.1 under
 * {@code /docs/} as the mock server does, and also from {@code file://}. It checks what a reader
 * sees: every operation, the name rules and every status of the reference page, each guide's
 * title and pictures, no console error and no request to anything but the local site. Screenshots go to
 * {@code target/screenshots/}.
 *
 * <p>Without Chromium the test is skipped, saying how to install it, unless {@code CI=true}:
 * then it fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteInBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getProperty("docs.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("docs.chromedriver", "/usr/bin/chromedriver"));
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Quiet "Unable to find CDP implementation": no Selenium DevTools module is used (the network
     * is read from chromedriver's performance log, which works with any Chromium version).
     */
    private static final java.util.logging.Logger CDP_FINDER = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private final Path site = TestSite.built().toAbsolutePath();
    private final Path screenshots = Path.of(System.getProperty("docs.screenshots", "target/screenshots"));
    private final OpenAPI api = TestSite.api();
    private HttpServer server;
    private String base;
    private Path profile;
    private ChromeDriver driver;

    /** Why the browser tests are skipped, or null when Chromium is there. */
    private String skipReason;

    @BeforeAll
    void start() throws IOException {
        skipReason = missingChromium();
        if (skipReason != null) {
            // visible in the build log, not only in the test reports
            System.err.println("SKIPPED " + getClass().getSimpleName() + ": " + skipReason);
            return;
        }
        assertThat(site.resolve("index.html"))
                .as("the site is generated in process-classes")
                .isRegularFile();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/docs/", this::serveSite);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/docs/";

        profile = Files.createTempDirectory("docs-chromium-");
        Files.createDirectories(screenshots);
        // the driver is given explicitly: Selenium Manager (which would download one) never runs
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--disable-extensions",
                "--disable-dev-shm-usage",
                "--no-pings",
                "--window-size=1280,900",
                "--user-data-dir=" + profile,
                // belt and braces: even if something tried, no host but this machine resolves
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.stop(0);
        }
        if (profile != null) {
            try (Stream<Path> walk = Files.walk(profile)) {
                walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
            }
        }
    }

    @BeforeEach
    void forgetEarlierLogs() {
        Assumptions.assumeTrue(skipReason == null, () -> skipReason);
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().logs().get(LogType.PERFORMANCE);
    }

    @Test
    void referencePageShowsTheOperationTheNameRulesAndEveryStatus() throws IOException {
        open(base);
        assertThat(driver.getTitle()).startsWith("API reference");
        assertStyled();
        screenshot("reference-top");

        Operation op = api.getPaths().get("/v1.0/{project_id}/snapshots").getPost();
        WebElement operation = visible(By.id(op.getOperationId()));
        assertThat(operation.findElement(By.tagName("h3")).getText().replaceAll("\\s+", " "))
                .isEqualTo("POST /v1.0/{project_id}/snapshots");
        assertThat(operation.getText()).contains("createSnapshot", op.getSummary());
        scrollTo(operation);
        screenshot("reference-operation");

        // the name rules as a reader sees them, values from the document
        Schema<?> name = (Schema<?>)
                api.getComponents().getSchemas().get("Snapshot").getProperties().get("name");
        WebElement nameRow = visible(By.id("schema-Snapshot-name"));
        scrollTo(nameRow);
        assertThat(nameRow.getText())
                .contains(
                        "minLength " + name.getMinLength(),
                        "maxLength " + name.getMaxLength(),
                        "pattern " + name.getPattern(),
                        "4 to 64 characters",
                        "without regard to case",
                        "required");
        screenshot("reference-schemas");

        // every operation of the document is there, as a reader sees it
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, other) -> {
                    WebElement article = driver.findElement(By.id(other.getOperationId()));
                    assertThat(article.findElement(By.tagName("h3")).getText().replaceAll("\\s+", " "))
                            .isEqualTo(method + " " + path);
                }));

        List<String> statuses = new ArrayList<>(op.getResponses().keySet());
        assertThat(statuses).hasSize(7);
        for (String status : statuses) {
            WebElement response = visible(By.id(op.getOperationId() + "-" + status));
            assertThat(response.findElement(By.tagName("h5")).getText()).isEqualTo(status);
        }
        scrollTo(driver.findElement(By.id(op.getOperationId() + "-request")));
        screenshot("reference-request");
        // every operation's "Try it" form, shown by the console script, its credentials filled in
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, other) -> assertThat(visible(By.id(other.getOperationId() + "-try"))
                                        .findElement(By.name("ak"))
                                        .getAttribute("value"))
                                .isEqualTo("MOCKACCESSKEY0000000")));
        scrollTo(driver.findElement(By.id(op.getOperationId() + "-400")));
        screenshot("reference-errors");
        scrollTo(visible(By.id("error-codes")));
        screenshot("reference-error-codes");

        assertOnlyLocalRequests("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        assertNoConsoleErrors();
        saveFullPage("reference-full");
    }

    @Test
    void everyGuideOpensFromTheNavigationWithItsTitle() throws IOException {
        List<TestSite.GuideFile> guides = TestSite.guideFiles();
        assertThat(guides).hasSize(5);
        int pictures = 0;
        for (TestSite.GuideFile guide : guides) {
            open(base);
            // follow the relative link of the navigation, as a reader would
            driver.findElement(By.cssSelector("nav.sidebar a[href='" + guide.page() + "']"))
                    .click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(guide.page()));
            assertThat(driver.getCurrentUrl()).isEqualTo(base + guide.page());
            assertThat(visible(By.cssSelector("main h1")).getText()).isEqualTo(guide.title());
            assertThat(driver.findElement(By.cssSelector("nav a.current")).getText())
                    .isEqualTo(guide.title());
            assertStyled();
            screenshot("guide-" + guide.page().replace(".html", ""));
            for (WebElement picture : driver.findElements(By.cssSelector("main img"))) {
                scrollTo(picture);
                assertThat(((JavascriptExecutor) driver)
                                .executeScript(
                                        "return arguments[0].complete && arguments[0].naturalWidth > 0;", picture))
                        .as("picture " + picture.getAttribute("src") + " of " + guide.page() + " is shown")
                        .isEqualTo(true);
                assertThat(picture.isDisplayed()).isTrue();
                screenshot("guide-" + guide.page().replace(".html", "") + "-picture-" + ++pictures);
            }
        }
        assertThat(pictures).as("the lifecycle guide's state diagram").isPositive();
        assertOnlyLocalRequests("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        assertNoConsoleErrors();
    }

    @Test
    void theSiteWorksFromFiles() throws IOException {
        open(site.resolve("index.html").toUri().toString());
        assertStyled();
        driver.findElement(By.cssSelector("nav.sidebar a[href='quickstart.html']"))
                .click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("quickstart.html"));
        assertThat(visible(By.cssSelector("main h1")).getText()).isEqualTo("Quickstart");
        assertStyled();
        assertOnlyLocalRequests("file:///");
        assertNoConsoleErrors();
    }

    @Test
    void theConsoleSaysItNeedsARunningMockWhenOpenedFromFiles() throws IOException {
        open(site.resolve("index.html").toUri().toString());
        WebElement form = driver.findElement(By.id("createSnapshot-try"));
        scrollTo(form);
        assertThat(form.findElement(By.className("console-offline")).getText())
                .contains("needs a running mock server", "http://localhost:8080/docs/");
        assertThat(form.findElement(By.className("try-send")).isEnabled()).isFalse();
        screenshot("console-offline");

        open(site.resolve(TrafficPage.FILE).toUri().toString());
        assertThat(visible(By.className("console-offline")).getText()).contains("needs a running mock server");
        assertThat(driver.findElement(By.className("traffic-table")).isDisplayed())
                .isFalse();
        assertStyled();
        screenshot("traffic-offline");
        assertOnlyLocalRequests("file:///");
        assertNoConsoleErrors();
    }

    /**
     * The console's signer (assets/console.js, WebCrypto) against the reference vectors of the
     * signing facts (V1 as the official SDK signs, V2 as the mock's worked example), and against
     * the Java {@link AkSkSigner} on requests that exercise each rule of the canonical request.
     */
    @Test
    void theConsoleSignerGivesTheReferenceVectorsAndTheJavaSignersSignatures() throws IOException {
        open(base);
        String path = "/v1.0/89cd04f168b84af6be287f71730fdb4b/snapshots";
        String body = "{\"snapshot\":{\"name\":\"snapshot-3\",\"cluster_id\":\"44b277eb-39be-4921-be31-3d61b43651d7\","
                + "\"description\":\"Snapshot-3 description\"}}";
        Map<String, Object> v1 = jsSign(
                "POST",
                "dws.cn-north-4.myhuaweicloud.com",
                path,
                "",
                Map.of("User-Agent", "huaweicloud-usdk-java/3.0", "X-Project-Id", "89cd04f168b84af6be287f71730fdb4b"),
                body);
        assertThat(v1.get("signedHeaders")).isEqualTo("host;user-agent;x-project-id;x-sdk-date");
        assertThat(AkSkSigner.sha256Hex(((String) v1.get("canonicalRequest")).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("843944227fc6dc5e7d1746fd3babddfbffdc0010fc6cec280392a545001bec36");
        assertThat(v1.get("signature")).isEqualTo("2d00dd41b3ebefd7c234bc4ecae17e6c92172e630081149e051c3ff9f7fb0943");
        Map<String, Object> v2 =
                jsSign("POST", "127.0.0.1:8080", path, "", Map.of("Content-Type", "application/json"), body);
        assertThat(v2.get("signedHeaders")).isEqualTo("content-type;host;x-sdk-date");
        assertThat(AkSkSigner.sha256Hex(((String) v2.get("canonicalRequest")).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("f1ec58b60a582ce25a1a2d8f645033783dbcd2bdbabb600bc9f81fc8464775cc");
        assertThat(v2.get("signature")).isEqualTo("e3ff5f22bf7d8ce4b1926bccbfe58a5b2cfb3cd76ab05c64d925d2c52b63edd2");
        assertThat(v2.get("authorization"))
                .isEqualTo(
                        "SDK-HMAC-SHA256 Access=" + AK
                                + ", SignedHeaders=content-type;host;x-sdk-date, Signature=e3ff5f22bf7d8ce4b1926bccbfe58a5b2cfb3cd76ab05c64d925d2c52b63edd2");

        // each rule: query sorted, a repeated name's last value, "+" kept, escapes decoded then
        // encoded again, UTF-8, a trailing slash, header names in any case, values trimmed, no body
        List<List<Object>> requests = List.of(
                List.of(
                        "GET",
                        "127.0.0.1:8080",
                        "/v1.0/p/clusters/c/snapshots",
                        "sort_dir=asc&limit=10&a%20b=c+d&x=1&x=2&flag&&",
                        Map.of(),
                        ""),
                List.of(
                        "delete",
                        "localhost:8080",
                        "/v1.0/p/snap%20shot/%E2%82%AC~x/",
                        "",
                        Map.of("X-Project-Id", "  p  "),
                        ""),
                List.of(
                        "POST",
                        "[::1]:8080",
                        "/v1.0/p/snapshots",
                        "",
                        Map.of("CONTENT-TYPE", "application/json;charset=UTF-8"),
                        "{\"snapshot\":{\"name\":\"\u00e9t\u00e9-\u20ac\"}}"));
        for (List<Object> r : requests) {
            @SuppressWarnings("unchecked")
            Map<String, String> headers = (Map<String, String>) r.get(4);
            String[] pathAndQuery = {(String) r.get(2), (String) r.get(3)};
            Map<String, Object> js = jsSign(
                    (String) r.get(0), (String) r.get(1), pathAndQuery[0], pathAndQuery[1], headers, (String) r.get(5));
            SignResult java = new AkSkSigner()
                    .sign(SignRequest.builder()
                            .method((String) r.get(0))
                            .host((String) r.get(1))
                            .rawPath(pathAndQuery[0])
                            .rawQuery(pathAndQuery[1])
                            .headers(headers)
                            .body(((String) r.get(5)).getBytes(StandardCharsets.UTF_8))
                            .credentials(Credentials.akSk(AK, SK))
                            .sdkDate(DATE)
                            .build());
            assertThat(js.get("canonicalRequest")).as(r.toString()).isEqualTo(java.canonicalRequest());
            assertThat(js.get("stringToSign")).as(r.toString()).isEqualTo(java.stringToSign());
            assertThat(js.get("signature")).as(r.toString()).isEqualTo(java.signature());
            assertThat(js.get("authorization"))
                    .as(r.toString())
                    .isEqualTo(java.headers().get("Authorization"));
        }
        assertNoConsoleErrors();
    }

    private static final String AK = "MOCKACCESSKEY0000000";
    private static final String SK = "MockSecretKeyForLocalDevelopmentOnly0000";
    private static final String DATE = "20261128T045404Z";

    /** What the console's signer makes of a request (body as UTF-8 text), signed with the default world's keys. */
    private Map<String, Object> jsSign(
            String method, String host, String path, String query, Map<String, String> headers, String body) {
        Object result = ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        """
                var r = arguments[0], done = arguments[arguments.length - 1];
                r.body = new TextEncoder().encode(r.body);
                window.opendwsConsole.sign(r).then(done, function (e) { done({error: String(e)}); });
                """,
                        Map.of(
                                "method", method, "host", host, "path", path, "query", query, "headers", headers,
                                "body", body, "ak", AK, "sk", SK, "date", DATE));
        Map<String, Object> signed = castMap(result);
        assertThat(signed).doesNotContainKey("error");
        return signed;
    }

    // ---- checks

    /** The stylesheet and the script loaded (over a relative link): layout and copy buttons are there. */
    private void assertStyled() {
        // nothing wider than the window (a wide table, a long unbroken value): no sideways scrolling
        assertThat(((JavascriptExecutor) driver)
                        .executeScript(
                                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"))
                .as("the page fits the window's width")
                .isEqualTo(true);
        Object position = ((JavascriptExecutor) driver)
                .executeScript("return getComputedStyle(document.querySelector('.sidebar')).position;");
        assertThat(position).as("site.css applied").isEqualTo("sticky");
        if (!driver.findElements(By.cssSelector("pre > code")).isEmpty()) {
            assertThat(driver.findElements(By.cssSelector("pre > button.copy")))
                    .as("site.js ran")
                    .isNotEmpty();
        }
    }

    private void assertNoConsoleErrors() {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::toString)
                .toList();
        assertThat(errors).as("console errors and warnings").isEmpty();
    }

    /**
     * Every request the pages made (Chrome's performance log: the DevTools protocol's network
     * events) went to {@code allowedPrefix} (or was a data: URL), and none failed.
     */
    private void assertOnlyLocalRequests(String allowedPrefix) throws IOException {
        List<String> requested = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        java.util.Map<String, String> urlById = new java.util.HashMap<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            String method = message.path("method").asText();
            JsonNode params = message.path("params");
            switch (method) {
                case "Network.requestWillBeSent" -> {
                    String url = params.path("request").path("url").asText();
                    urlById.put(params.path("requestId").asText(), url);
                    if (!browserInternal(url)) {
                        requested.add(url);
                    }
                }
                case "Network.webSocketCreated" ->
                    requested.add(params.path("url").asText());
                case "Network.responseReceived" -> {
                    int status = params.path("response").path("status").asInt();
                    String url = params.path("response").path("url").asText();
                    if (status >= 400) {
                        failed.add(status + " " + url);
                    }
                }
                case "Network.loadingFailed" -> {
                    String url = urlById.getOrDefault(params.path("requestId").asText(), "");
                    if (!browserInternal(url)) {
                        failed.add(params.path("errorText").asText() + " " + url);
                    }
                }
                default -> {}
            }
        }
        assertThat(requested).as("requests made").isNotEmpty();
        assertThat(requested)
                .as("requests made")
                .allSatisfy(url -> assertThat(url.startsWith(allowedPrefix) || url.startsWith("data:"))
                        .as(url)
                        .isTrue());
        assertThat(requested)
                .as("the stylesheet and the script are loaded")
                .anyMatch(u -> u.endsWith("/" + Layout.STYLESHEET))
                .anyMatch(u -> u.endsWith("/" + Layout.SCRIPT));
        assertThat(failed).as("failed requests").isEmpty();
    }

    /**
     * Chromium's own pages (about:blank, chrome://...), which it may load by itself on a busy
     * machine: they never leave the browser, so they are neither the site's requests nor leaks.
     */
    private static boolean browserInternal(String url) {
        return url.startsWith("about:") || url.startsWith("chrome://");
    }

    // ---- browser helpers

    private void open(String url) {
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private WebElement visible(By by) {
        WebElement element = driver.findElement(by);
        assertThat(element.isDisplayed()).as(by + " is displayed").isTrue();
        return element;
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -60);", element);
    }

    private void screenshot(String name) throws IOException {
        Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    /** The whole page in one image, through the DevTools protocol of ChromeDriver. */
    private void saveFullPage(String name) throws IOException {
        Map<String, Object> size = castMap(
                ((JavascriptExecutor) driver)
                        .executeScript(
                                "return {width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight};"));
        Map<String, Object> clip =
                Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.write(screenshots.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    // ---- the site over HTTP, as the mock server serves it: /docs/ is index.html

    private void serveSite(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path =
                    URI.create(exchange.getRequestURI().getPath()).getPath().substring("/docs/".length());
            Path file = site.resolve(path.isEmpty() ? "index.html" : path).normalize();
            if (!file.startsWith(site) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", contentType(file));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml"; // as Spring Boot serves it
        }
        return "application/octet-stream";
    }

    /** Null when Chromium and its driver are installed; else why not, or a failure when {@code CI=true}. */
    private static String missingChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return null;
        }
        String message = "headless Chromium is needed for the browser test of the docs site, and " + CHROMIUM + " or "
                + CHROMEDRIVER + " is missing: install them with `apt-get install chromium chromium-driver`";
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " (CI=true: this test must run)");
        }
        return message;
    }
}
