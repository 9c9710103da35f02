package io.remoteappmanager.dashboard;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The dashboard as the tests see it: what a person reads on it and what they do, in the shared browser. */
public final class DashboardPage {

    /** Long enough for a container to start on a loaded 2-core machine. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    /**
     * Records, per row, each phase it showed, from the page's own DOM changes: events arriving together are kept
     * apart through the attribute's old values. Read with {@link #phasesSeen}.
     */
    private static final String RECORD_PHASES = """
            const seen = window.ramPhases = {};
            const note = (key, phase) => {
              const list = seen[key] || (seen[key] = []);
              if (phase && list[list.length - 1] !== phase) list.push(phase);
            };
            const rows = document.getElementById('app-rows');
            new MutationObserver((changes) => {
              for (const c of changes) {
                if (c.type === 'attributes') note(c.target.dataset.key, c.oldValue);
                c.addedNodes.forEach((n) => n.dataset && note(n.dataset.key, n.dataset.phase));
              }
              rows.querySelectorAll('tr').forEach((tr) => note(tr.dataset.key, tr.dataset.phase));
            }).observe(rows, { subtree: true, childList: true, attributes: true,
                               attributeFilter: ['data-phase'], attributeOldValue: true });
            rows.querySelectorAll('tr').forEach((tr) => note(tr.dataset.key, tr.dataset.phase));
            """;

    final ChromeDriver driver;
    private final URL home;

    DashboardPage(URL home) {
        this.driver = Browser.shared();
        this.home = home;
    }

    /** Loads the page afresh at {@code size} and waits until the stream is live; marks the window to detect reloads. */
    DashboardPage open(Dimension size) {
        driver.get(home.toString());
        resize(size);
        // Waits on the whole line, so that a timeout names what the page said instead (retrying and why, a token).
        await().atMost(PATIENCE).until(() -> connection() + ": " + byId("connection").getText(), line -> line.startsWith("live:"));
        script("window.ramLoaded = true");
        return this;
    }

    /** Sizes the window so that the page's viewport is {@code viewport} (a window is larger by its frame). */
    void resize(Dimension viewport) {
        driver.manage().window().setSize(viewport);
        long width = (Long) script("return innerWidth");
        long height = (Long) script("return innerHeight");
        driver.manage().window().setSize(new Dimension(2 * viewport.width - (int) width, 2 * viewport.height - (int) height));
        await().until(() -> script("return innerWidth + 'x' + innerHeight"), (viewport.width + "x" + viewport.height)::equals);
    }

    String connection() {
        return driver.findElement(By.id("connection")).getAttribute("data-state");
    }

    /** Whether the page is still the one {@link #open} loaded. */
    boolean neverReloaded() {
        return Boolean.TRUE.equals(script("return window.ramLoaded === true"));
    }

    /** A row: the {@code <tr>} stays while its app exists, its cells are rewritten on each change of the app. */
    Optional<WebElement> row(String key) {
        return driver.findElements(By.cssSelector(rowSelector(key))).stream().findFirst();
    }

    /** The phase word a row shows (empty when there is no such row). */
    Optional<String> phase(String key) {
        return Optional.ofNullable((String) script("return document.querySelector(arguments[0])?.textContent ?? null",
                rowSelector(key) + " .phase"));
    }

    /** The text of the cell under {@code label}, read in one step (a cell may be rewritten at any time). */
    String cell(String key, String label) {
        return (String) script("return document.querySelector(arguments[0]).textContent",
                rowSelector(key) + " td[data-label='" + label + "']");
    }

    /** Where a row's link points. */
    String link(String key) {
        return (String) script("return document.querySelector(arguments[0]).href", rowSelector(key) + " a");
    }

    void recordPhases() {
        script(RECORD_PHASES);
    }

    private static String rowSelector(String key) {
        return "#app-rows tr[data-key='" + key + "']";
    }

    @SuppressWarnings("unchecked")
    List<String> phasesSeen(String key) {
        return (List<String>) script("return (window.ramPhases[arguments[0]] || []).slice()", key);
    }

    /** The problems listed, read in one step: the list is rebuilt whenever the problems change. */
    @SuppressWarnings("unchecked")
    List<String> problems() {
        return (List<String>) script("return [...document.querySelectorAll('#problems li')].map((li) => li.innerText)");
    }

    /** The keys of the rows shown (filters applied), top to bottom. */
    List<String> shownKeys() {
        @SuppressWarnings("unchecked")
        List<String> keys = (List<String>) script(
                "return [...document.querySelectorAll('#app-rows tr:not([hidden])')].map((tr) => tr.dataset.key)");
        return keys;
    }

    /** The value the open detail panel shows for {@code label}. */
    String detailFact(String label) {
        return driver.findElement(By.xpath("//dl[@id='detail-facts']/dt[text()='" + label + "']/following-sibling::dd[1]"))
                .getText();
    }

    /** The elements that reach past the window's right edge (the page would scroll sideways), as tag#id.class. */
    @SuppressWarnings("unchecked")
    List<String> tooWide() {
        return (List<String>) script("""
                return [...document.querySelectorAll('body *')]
                  .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                  .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`);
                """);
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Saves a screenshot of the viewport as {@code target/<name>.png}. */
    Path screenshot(String name) {
        try {
            Path file = Path.of("target", name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
