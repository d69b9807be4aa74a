package org.opendws.snapshot.mock.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the browser tests of the docs site as the mock serves it: Debian's
 * {@code chromium} and {@code chromium-driver} (never a downloaded browser or driver), started as
 * the docs module's {@code SiteInBrowserTest} starts it: background networking off and every host
 * but this machine unresolvable. Reads the console and the network from chromedriver's logs.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final Path CHROMIUM = Path.of(System.getProperty("docs.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("docs.chromedriver", "/usr/bin/chromedriver"));
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The console line Chromium writes for an answer of status 4xx or 5xx to a fetch. */
    private static final Pattern FAILED_STATUS =
            Pattern.compile("Failed to load resource: the server responded with a status of (\\d{3})");
    /** Quiet "Unable to find CDP implementation": no DevTools module is used. */
    private static final java.util.logging.Logger CDP_FINDER = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private final Path profile;
    private final ChromeDriver driver;

    private HeadlessChromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /**
     * Null when Chromium and its driver are installed; else why the test is skipped. With
     * {@code CI=true} a missing browser fails instead.
     */
    public static String missing() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return null;
        }
        String message = "headless Chromium is needed for the browser test of the docs console, and " + CHROMIUM
                + " or " + CHROMEDRIVER + " is missing: install them with `apt-get install chromium chromium-driver`";
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " (CI=true: this test must run)");
        }
        return message;
    }

    /** Starts the browser (check {@link #missing()} first). */
    public static HeadlessChromium start() throws IOException {
        Path profile = Files.createTempDirectory("console-chromium-");
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
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new HeadlessChromium(profile, new ChromeDriver(service, options));
    }

    /** The driver. */
    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a page and waits until it is loaded (deferred scripts run). */
    public void open(String url) {
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Runs a script in the page. */
    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Scrolls an element to the top of the window (below the sticky bar). */
    public void scrollTo(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -60);", element);
    }

    /** Saves what the window shows as {@code dir/name.png}. */
    public void screenshot(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops the logs so far, so that the checks see one test's only. */
    public void forgetLogs() {
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().logs().get(LogType.PERFORMANCE);
    }

    /**
     * No console error or warning, but the lines Chromium writes for answers whose status the
     * test provoked (a 401 it asked for is a failed load to Chromium).
     */
    public void assertNoConsoleErrors(Integer... provokedStatuses) {
        List<Integer> provoked = List.of(provokedStatuses);
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .filter(e -> {
                    var m = FAILED_STATUS.matcher(e.getMessage());
                    return !(m.find() && provoked.contains(Integer.parseInt(m.group(1))));
                })
                .map(LogEntry::toString)
                .toList();
        assertThat(errors).as("console errors and warnings").isEmpty();
    }

    /**
     * Every request the pages made (the DevTools network events of chromedriver's performance
     * log) went to {@code origin}, and none of them carried any of {@code neverSent} (in its URL,
     * headers or body). Returns the URLs requested.
     */
    public List<String> assertOnlyRequestsTo(String origin, String... neverSent) throws IOException {
        List<String> requested = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            String method = message.path("method").asText();
            JsonNode params = message.path("params");
            String url = switch (method) {
                case "Network.requestWillBeSent" ->
                    params.path("request").path("url").asText();
                case "Network.webSocketCreated" -> params.path("url").asText();
                default -> null;
            };
            if (url == null || url.startsWith("about:") || url.startsWith("chrome://") || url.startsWith("data:")) {
                continue; // Chromium's own pages never leave the browser
            }
            requested.add(url);
            String request = params.path("request").toString();
            for (String secret : neverSent) {
                assertThat(request).as("the request to " + url).doesNotContain(secret);
            }
        }
        assertThat(requested)
                .as("requests made")
                .isNotEmpty()
                .allSatisfy(url -> assertThat(url).startsWith(origin + "/"));
        return requested;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> walk = Files.walk(profile)) {
            walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
        }
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }
}
