package io.remoteappmanager.dashboard;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The one headless Chromium the browser tests share, started on first use and stopped when the JVM exits:
 * Debian's chromium through Debian's chromedriver (scripts/browser.sh installs both). Both paths are given, so
 * Selenium Manager never runs and nothing is downloaded.
 */
public final class Browser {

    /** The viewport of the screenshots and of most tests: a common laptop screen. */
    public static final Dimension DESKTOP = new Dimension(1280, 800);
    /** A phone-sized viewport. */
    public static final Dimension PHONE = new Dimension(390, 844);

    private static ChromeDriver driver;
    private static Path profile;

    private Browser() {}

    public static synchronized ChromeDriver shared() {
        if (driver == null) {
            profile = freshProfile();
            driver = start();
            Runtime.getRuntime().addShutdownHook(new Thread(Browser::quit, "browser-quit"));
        }
        return driver;
    }

    private static ChromeDriver start() {
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

    private static void quit() {
        driver.quit();
        try (var paths = Files.walk(profile)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover profile in the temp dir harms nobody
        }
    }
}
