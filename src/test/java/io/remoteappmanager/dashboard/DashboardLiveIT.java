package io.remoteappmanager.dashboard;

import static io.remoteappmanager.dashboard.DashboardPage.PATIENCE;
import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.testing.EngineLink;
import io.remoteappmanager.testing.QuarkusLock;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestEngine;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The dashboard follows the controller live, in a real browser against the real engine: no reload, no polling. */
@QuarkusTest
@ResourceLock(value = QuarkusLock.NAME, mode = ResourceAccessMode.READ_WRITE) // one application at a time
@ExtendWith(Browser.class)
@TestProfile(DashboardProfile.class)
class DashboardLiveIT {

    @TestHTTPResource("/")
    URL home;

    @Inject
    RamConfig config;

    EngineLink engineLink;

    TestEngine engine;
    DashboardPage page;

    @BeforeEach
    void openDashboard() {
        // The test's own engine calls go straight to the engine, not through the link it cuts.
        engine = TestEngine.withConfig(Map.of("ram.realm", config.realm(),
                "ram.docker.host", System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock")));
        page = new DashboardPage(home).open(Browser.DESKTOP);
    }

    @AfterEach
    void removeSpecs() {
        engineLink.restore();
        for (String file : new String[] {"dave.yaml", "erin.yaml", "frank.yaml", "grace.yaml", "team.yaml", "leo.yaml"}) {
            SpecFiles.delete(specs(), file);
        }
    }

    @Test
    void aDroppedSpecAppearsAndTurnsRunningWithoutAReload() {
        page.recordPhases();

        SpecFiles.write(specs(), "dave.yaml", SpecFiles.app("dave-web", "dave", HTTPD, "mappingId: web"));

        await().atMost(PATIENCE).until(() -> page.phase("dave/web"), Optional.of("Running")::equals);
        assertThat(page.phasesSeen("dave/web")).first().isIn("Pending", "Starting");
        assertThat(page.cell("dave/web", "User")).isEqualTo("dave");
        assertThat(page.cell("dave/web", "Name")).isEqualTo("dave-web");
        assertThat(page.link("dave/web")).as("through the proxy: the urlpath on the page's address")
                .startsWith(home.toString()).matches(".*/user/dave/containers/[0-9a-f]+/");
        assertThat(page.neverReloaded()).isTrue();
    }

    @Test
    void theLeaderCardSaysThisControllerLeads() {
        await().atMost(PATIENCE).until(() -> page.text("leader-state").startsWith("This controller ("));
        assertThat(page.byId("leader-state").getAttribute("data-ok")).isEqualTo("true");
    }

    @Test
    void aBrokenFileShowsItsProblemWithTheLine() {
        SpecFiles.write(specs(), "erin.yaml", SpecFiles.app("erin-web", "erin", HTTPD, "mappingId: web"));
        await().atMost(PATIENCE).until(() -> page.phase("erin/web"), Optional.of("Running")::equals);

        SpecFiles.write(specs(), "erin.yaml", SpecFiles.app("erin-web", "erin", HTTPD, "mappingId: web", "restartPolicy: Sometimes"));

        await().atMost(PATIENCE).until(() -> page.problems().stream().anyMatch(p -> p.startsWith("erin.yaml:9: ")));
        assertThat(page.problems()).anyMatch(p -> p.matches("erin\\.yaml:9: .*restartPolicy.*"));
        await().until(() -> page.phase("erin/web"), Optional.of("Invalid")::equals);
        assertThat(page.text("problem-count")).isEqualTo(String.valueOf(page.problems().size()));

        SpecFiles.write(specs(), "erin.yaml", SpecFiles.app("erin-web", "erin", HTTPD, "mappingId: web"));

        await().until(() -> page.problems().stream().noneMatch(p -> p.startsWith("erin.yaml")));
        await().until(() -> page.phase("erin/web"), Optional.of("Running")::equals);
        assertThat(page.neverReloaded()).isTrue();
    }

    @Test
    void aKilledContainerGoesThroughRestartingBackToRunning() {
        SpecFiles.write(specs(), "frank.yaml", SpecFiles.app("frank-web", "frank", HTTPD, "mappingId: web"));
        await().atMost(PATIENCE).until(() -> page.phase("frank/web"), Optional.of("Running")::equals);
        page.recordPhases();
        String container = containerOf("frank-web");

        engine.docker.killContainerCmd(container).exec();

        await().atMost(PATIENCE).until(() -> page.phasesSeen("frank/web").contains("Restarting")
                && page.phase("frank/web").equals(Optional.of("Running")));
        assertThat(page.phasesSeen("frank/web")).startsWith("Running", "Restarting").endsWith("Running");
        assertThat(page.neverReloaded()).isTrue();
    }

    @Test
    void filtersSortsAndOpensTheDetailPanelFromTheKeyboard() {
        SpecFiles.write(specs(), "grace.yaml", SpecFiles.app("grace-web", "grace", HTTPD, "mappingId: web")
                + "---\n" + SpecFiles.app("grace-idle", "grace", HTTPD, "mappingId: idle", "suspend: true")
                + "---\n" + SpecFiles.app("heidi-web", "heidi", HTTPD, "mappingId: web", "suspend: true"));
        await().atMost(PATIENCE).until(() -> page.phase("grace/web"), Optional.of("Running")::equals);
        await().until(() -> page.row("heidi/web").isPresent() && page.row("grace/idle").isPresent());

        new Select(page.byId("filter-user")).selectByVisibleText("grace");
        assertThat(page.shownKeys()).containsExactly("grace/idle", "grace/web");
        WebElement phaseHeader = page.driver.findElement(By.cssSelector("th[data-column='phase']"));
        phaseHeader.findElement(By.tagName("button")).click();
        assertThat(page.shownKeys()).as("Running before Suspended").containsExactly("grace/web", "grace/idle");
        assertThat(phaseHeader.getAttribute("aria-sort")).isEqualTo("ascending");
        phaseHeader.findElement(By.tagName("button")).click();
        assertThat(page.shownKeys()).containsExactly("grace/idle", "grace/web");
        assertThat(phaseHeader.getAttribute("aria-sort")).isEqualTo("descending");
        new Select(page.byId("filter-phase")).selectByVisibleText("Suspended");
        assertThat(page.shownKeys()).containsExactly("grace/idle");
        new Select(page.byId("filter-phase")).selectByVisibleText("All phases");
        new Select(page.byId("filter-user")).selectByVisibleText("All users");
        page.byId("filter-text").sendKeys("heidi");
        assertThat(page.shownKeys()).containsExactly("heidi/web");
        page.byId("filter-text").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        assertThat(page.shownKeys()).contains("grace/web", "grace/idle", "heidi/web");

        WebElement row = page.row("grace/web").orElseThrow();
        page.script("arguments[0].focus()", row);
        page.driver.switchTo().activeElement().sendKeys(Keys.ENTER);

        WebElement detail = page.byId("detail");
        await().until(detail::isDisplayed);
        assertThat(page.text("detail-title")).isEqualTo("grace-web");
        assertThat(page.detailFact("Container id")).isEqualTo(containerOf("grace-web"));
        assertThat(page.detailFact("Phase")).isEqualTo("Running");
        assertThat(page.detailFact("Last action")).isEqualTo("create");
        assertThat(page.detailFact("Reason")).contains("grace/web");
        assertThat(page.detailFact("Source file")).isEqualTo("grace.yaml#grace-web");
        assertThat(page.detailFact("Network")).as("ram.docker.networks' default").isEqualTo("bridge");
        page.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        await().until(() -> !detail.isDisplayed());
        assertThat(page.driver.switchTo().activeElement()).isEqualTo(row);
    }

    @Test
    void theEngineGoingAwayAndComingBackShowsOnThePage() {
        await().until(() -> page.text("engine-state"), "Reachable"::equals);

        engineLink.cut();

        await().until(() -> page.text("engine-state").startsWith("Unreachable: "));
        assertThat(page.byId("engine-state").getAttribute("data-ok")).isEqualTo("false");
        given().header("Authorization", "Bearer " + DashboardProfile.TOKEN).post("/api/v1/reconcile").then().statusCode(503);

        engineLink.restore();

        await().until(() -> page.text("engine-state"), "Reachable"::equals);
        given().header("Authorization", "Bearer " + DashboardProfile.TOKEN).post("/api/v1/reconcile").then().statusCode(200);
        assertThat(page.neverReloaded()).isTrue();
    }

    @Test
    void readableAtLaptopAndPhoneSizes() {
        SpecFiles.write(specs(), "team.yaml", SpecFiles.app("jane-lab", "jane", HTTPD, "mappingId: lab")
                + "---\n" + SpecFiles.app("kim-notebook", "kim", TestEngine.HTTPD_V2, "mappingId: notebook")
                + "---\n" + SpecFiles.app("kim-archive", "kim", HTTPD, "mappingId: archive", "suspend: true"));
        SpecFiles.write(specs(), "leo.yaml", SpecFiles.app("leo-web", "leo", HTTPD, "mappingId: web", "memory: lots"));
        await().atMost(PATIENCE).until(() -> page.phase("jane/lab").equals(Optional.of("Running"))
                && page.phase("kim/notebook").equals(Optional.of("Running")) && page.phase("kim/archive").isPresent()
                && page.problems().stream().anyMatch(p -> p.startsWith("leo.yaml")));

        Path laptop = page.screenshot("dashboard");
        assertThat(laptop).isNotEmptyFile();
        assertThat(page.tooWide()).as("elements wider than the window").isEmpty();

        page.resize(Browser.PHONE);
        assertThat(page.script("return getComputedStyle(document.querySelector('#app-rows tr')).display"))
                .as("rows become cards").isEqualTo("block");
        assertThat(page.tooWide()).as("elements wider than the phone").isEmpty();
        assertThat(page.screenshot("dashboard-phone")).isNotEmptyFile();
        page.resize(Browser.DESKTOP);
    }

    private String containerOf(String name) {
        return given().get("/api/v1/apps/" + name).then().statusCode(200).extract().jsonPath().getString("containerId");
    }

    private Path specs() {
        return config.specs().dir();
    }
}
