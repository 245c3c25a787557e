package io.ratelink.http.browser;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A headless Chromium for a test class, driven by Selenium through the system's chromedriver (Debian's
 * {@code chromium} and {@code chromium-driver} packages: nothing is downloaded). Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final Browser browser = new Browser();
 * }</pre>
 *
 * It starts before the class's first test with a fresh profile, opens pages on the test application
 * ({@link #open(String)}, {@link #baseUrl()}), sets cookies ({@link #cookie(String, String)}) and, where a test
 * needs a person's browser rather than a headless one, the user agent ({@link #userAgent(String)}), and saves screenshots
 * under {@code target/screenshots/<test class>/} — by name ({@link #screenshot(String)}), and for every failed test.
 * Without the browser or its driver the tests fail, saying how to install them.
 *
 * <p>{@code -Dratelink.browser.chromium=…} and {@code -Dratelink.browser.chromedriver=…} point at other binaries;
 * {@code -Dratelink.browser.base-url=…} at another application (the default is the test application on port 8081).
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterTestExecutionCallback {

    public static final Dimension DESKTOP = new Dimension(1280, 900);
    public static final Dimension PHONE = new Dimension(390, 844);
    static final String INSTALL = "apt-get install -y chromium chromium-driver fonts-noto-cjk fonts-noto-color-emoji";

    static {
        // Selenium looks for a CDP binding of the browser's version at start-up and logs its absence; none is needed
        java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder")
                .setLevel(java.util.logging.Level.SEVERE);
    }

    private final Path chromium = Paths.get(System.getProperty("ratelink.browser.chromium", "/usr/bin/chromium"));
    private final Path chromedriver = Paths.get(System.getProperty("ratelink.browser.chromedriver", "/usr/bin/chromedriver"));
    private final String baseUrl = System.getProperty("ratelink.browser.base-url",
            "http://localhost:" + Integer.getInteger("quarkus.http.test-port", 8081));
    private ChromeDriver driver;
    private Path profile;
    private Path screenshots;
    private String currentTest = "test";

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        requireInstalled(chromium, "chromium");
        requireInstalled(chromedriver, "chromedriver");
        screenshots = Paths.get("target", "screenshots", context.getRequiredTestClass().getSimpleName());
        Files.createDirectories(screenshots);
        profile = Files.createTempDirectory("ratelink-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        currentTest = context.getRequiredTestMethod().getName();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && driver != null) {
            screenshot(currentTest + "-failed");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    /** The driver, for anything this class does not offer. */
    public WebDriver driver() {
        return driver;
    }

    /** Where the application answers, without a trailing slash, e.g. {@code http://localhost:8081}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Opens a path of the application ({@code /demo}) or a full URL (a link from a mail). */
    public WebDriver open(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
        return driver;
    }

    /**
     * Sets a cookie on the application's host for every path, as a response would have; opens the application first
     * when the browser is elsewhere, since a browser only takes cookies for the page's own host.
     */
    public void cookie(String name, String value) {
        if (!driver.getCurrentUrl().startsWith(baseUrl)) {
            open("/");
        }
        driver.manage().addCookie(new Cookie.Builder(name, value).path("/").isHttpOnly(true).build());
    }

    /**
     * From now on sends this {@code User-Agent} instead of headless Chromium's own, which names it
     * ({@code HeadlessChrome}) and which the scanner guard therefore holds.
     */
    public void userAgent(String userAgent) {
        driver.executeCdpCommand("Network.setUserAgentOverride", Map.of("userAgent", userAgent));
    }

    /** Resizes the window, e.g. to {@link #PHONE} or {@link #DESKTOP}. */
    public void size(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /**
     * Saves what the window shows as {@code target/screenshots/<test class>/<name>.png}.
     *
     * @return the file written
     */
    public Path screenshot(String name) {
        Path file = screenshots.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static void requireInstalled(Path binary, String what) {
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("The browser tests need " + what + " at " + binary + ", which is not there. "
                    + "Install Debian's browser and its driver (the CI script .ci/run does): " + INSTALL
                    + " (with sudo unless root), or point -Dratelink.browser.chromium and "
                    + "-Dratelink.browser.chromedriver at other binaries.");
        }
    }
}
