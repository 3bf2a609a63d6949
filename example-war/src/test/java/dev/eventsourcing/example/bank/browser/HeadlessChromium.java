package dev.eventsourcing.example.bank.browser;

import dev.eventsourcing.example.bank.TestUser;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The distribution's headless Chromium, driven through its chromedriver: both are named by path
 * (system properties {@code chromium.binary} and {@code chromedriver.binary}, by default
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}), so that Selenium never looks for
 * or downloads a browser or a driver. Each start has a fresh profile, removed on close.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path BROWSER = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Skips the calling test, saying why and how to install Chromium, when the browser or its
     * driver is missing; fails it instead when {@code CI=true}.
     */
    static void skipOrFailWhenMissing() {
        if (!available()) {
            String missing = "Headless Chromium is needed at " + BROWSER + " with its driver at " + DRIVER
                    + "; install both with 'apt-get install chromium chromium-driver' (Debian, Ubuntu) or name them"
                    + " with -Dchromium.binary=... -Dchromedriver.binary=...";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(missing + " (CI=true: not skipped)");
            }
            System.err.println("SKIPPED: " + missing);
            Assumptions.abort(missing);
        }
    }

    /** Whether the browser and its driver are where they are looked for. */
    static boolean available() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** Starts Chromium, which must be {@linkplain #available() available}. */
    static HeadlessChromium start() throws IOException {
        Path profile = Files.createTempDirectory("event-browser-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    /** Sends the user's HTTP Basic credentials with every request from now on, as a logged-in browser would. */
    void authenticateAs(TestUser user) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", user.basicAuthorization())));
    }

    /** Saves a screenshot of the window to the file, replacing it. */
    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
