package io.remoteappmanager.dashboard;

import static io.remoteappmanager.dashboard.DashboardPage.PATIENCE;
import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static io.remoteappmanager.testing.TestEngine.META;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.testing.QuarkusLock;
import io.remoteappmanager.testing.SpecFiles;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * The card view in a real browser against the real engine: per user, each app's icon, title and description from its
 * image's labels, its phase and an Open button; the user filter and the search work on it as on the table.
 */
@QuarkusTest
@ResourceLock(value = QuarkusLock.NAME, mode = ResourceAccessMode.READ_WRITE) // one application at a time
@ExtendWith(Browser.class)
@TestProfile(DashboardProfile.class)
class DashboardCardsIT {

    /** What each card shows, read in one step (a card may be laid out again at any time). */
    private static final String CARDS = """
            return [...document.querySelectorAll('#app-cards .app-card')].map((c) => ({
              key: c.dataset.key,
              user: c.closest('.user-apps').dataset.user,
              title: c.querySelector('.app-title').textContent,
              description: c.querySelector('.app-description').textContent,
              icon: c.querySelector('img.app-icon')?.src ?? '',
              phase: c.querySelector('.phase').textContent,
              open: c.querySelector('a.open')?.href ?? ''}));
            """;

    @TestHTTPResource("/")
    URL home;

    @Inject
    RamConfig config;

    DashboardPage page;

    @BeforeEach
    void viewersRun() {
        SpecFiles.write(specs(), "cards.yaml", SpecFiles.app("mia-viewer", "mia", META, "mappingId: viewer")
                + "---\n" + SpecFiles.app("nina-viewer", "nina", META, "mappingId: viewer")
                + "---\n" + SpecFiles.app("nina-web", "nina", HTTPD, "mappingId: web"));
        page = new DashboardPage(home).open(Browser.DESKTOP);
        page.byId("view-cards").click();
        await().atMost(PATIENCE).until(() -> cards().stream().filter(c -> c.get("phase").equals("Running")
                && (c.get("key").equals("nina/web") || c.get("title").equals("Test Viewer"))).count() == 3);
    }

    @AfterEach
    void backToTheTable() {
        page.byId("view-table").click(); // the choice is kept in the shared browser: the other tests expect the table
        SpecFiles.delete(specs(), "cards.yaml");
    }

    @Test
    void eachUsersAppsShowIconTitleDescriptionPhaseAndOpen() throws Exception {
        assertThat(page.script("return document.getElementById('apps-table-view').hidden")).isEqualTo(true);
        Map<String, String> mia = card("mia/viewer");
        assertThat(mia).containsEntry("user", "mia").containsEntry("title", "Test Viewer")
                .containsEntry("description", "A tiny web app that shows its version and its environment.")
                .containsEntry("phase", "Running");
        assertThat(mia.get("icon")).startsWith("data:image/png;base64,");
        assertThat(mia.get("open")).matches(".*/user/mia/containers/[0-9a-f]+/");
        assertThat(page.script("return document.querySelector(\"[data-key='mia/viewer'] img\").naturalWidth"))
                .as("the icon decodes as an image").isEqualTo(128L);
        assertThat(card("nina/web")).as("an image without labels: the spec's name, the image reference")
                .containsEntry("title", "nina-web").containsEntry("description", HTTPD).containsEntry("icon", "");
        assertThat(cards()).extracting(c -> c.get("user")).containsSubsequence("mia", "nina", "nina");

        Path shot = page.screenshot("dashboard-cards");
        Files.copy(shot, Path.of("docs", "dashboard-cards.png"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(page.tooWide()).as("elements wider than the window").isEmpty();
    }

    @Test
    void theUserFilterAndTheSearchWorkOnTheCards() {
        new Select(page.byId("filter-user")).selectByVisibleText("nina");
        await().until(() -> keys().equals(List.of("nina/web", "nina/viewer")) || keys().equals(List.of("nina/viewer",
                "nina/web")));
        new Select(page.byId("filter-user")).selectByVisibleText("All users");

        page.byId("filter-text").sendKeys("tiny web app");
        await().until(() -> keys().containsAll(List.of("mia/viewer", "nina/viewer")) && !keys().contains("nina/web"));
        assertThat(page.text("app-count")).startsWith("2 of ");

        page.byId("filter-text").sendKeys(" that nobody wrote");
        await().until(() -> keys().isEmpty());
        assertThat(page.byId("no-apps").isDisplayed()).isTrue();
        page.byId("filter-text").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        await().until(() -> keys().size() >= 3);
    }

    private List<String> keys() {
        return cards().stream().map(c -> c.get("key")).toList();
    }

    private Map<String, String> card(String key) {
        return cards().stream().filter(c -> c.get("key").equals(key)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, String>> cards() {
        return (List<Map<String, String>>) page.script(CARDS);
    }

    private Path specs() {
        return config.specs().dir();
    }
}
