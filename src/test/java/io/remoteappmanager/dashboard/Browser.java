package io.remoteappmanager.dashboard;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The one headless Chromium the browser tests share: Debian's chromium through Debian's chromedriver
 * (scripts/browser.sh installs both). Both paths are given, so Selenium Manager never runs and nothing is downloaded.
 * The session lives in JUnit's root store, which outlives each Quarkus test application (each loads the test
 * classes anew, and Selenium, parent-first, once); JUnit quits it when the whole run ends.
 */
public final class Browser implements BeforeAllCallback {

    /** The viewport of the screenshots and of most tests: a common laptop screen. */
    public static final Dimension DESKTOP = new Dimension(1280, 800);
    /** A phone-sized viewport. */
    public static final Dimension PHONE = new Dimension(390, 844);

    private static final String SESSION = "ram.test.chromium";

    private static ChromeDriver driver;

    /** Registered on each browser test class: hands it the run's session, starting it the first time. */
    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        driver = store.getOrComputeIfAbsent(SESSION, key -> {
            Path profile = freshProfile();
            ChromeDriver started = start(profile);
            store.put(SESSION + ".quit", (AutoCloseable) () -> quit(started, profile));
            return started;
        }, ChromeDriver.class);
    }

    static ChromeDriver shared() {
        if (driver == null) {
            throw new IllegalStateException("a browser test class needs @ExtendWith(Browser.class)");
        }
        return driver;
    }

    private static ChromeDriver start(Path profile) {
        File chromium = installed("RAM_TEST_CHROMIUM", "/usr/bin/chromium");
        File chromedriver = installed("RAM_TEST_CHROMEDRIVER", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        // Without the background-networking flags Chromium reaches for the network at every start.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        System.out.printf("browser: %s %s through %s%n", chromium, chrome.getCapabilities().getBrowserVersion(), chromedriver);
        return chrome;
    }

    private static File installed(String variable, String fallback) {
        File file = new File(System.getenv().getOrDefault(variable, fallback));
        if (!file.canExecute()) {
            throw new IllegalStateException(file + " is missing: run scripts/browser.sh install");
        }
        return file;
    }

    private static Path freshProfile() {
        try {
            return Files.createTempDirectory("ram-chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void quit(ChromeDriver chrome, Path profile) {
        chrome.quit();
        try (var paths = Files.walk(profile)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover profile in the temp dir harms nobody
        }
    }
}
