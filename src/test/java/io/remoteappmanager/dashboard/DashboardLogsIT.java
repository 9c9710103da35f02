package io.remoteappmanager.dashboard;

import static io.remoteappmanager.dashboard.DashboardPage.PATIENCE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.remoteappmanager.api.logs.LogsProfile;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.testing.QuarkusLock;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestEngine;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The dashboard without a proxy (the quick start's setting), in a real browser against the real engine: the app
 * panel shows a crash-looping app's output once given the token its logs need (asked for by a button in the pane, not
 * a dialog over the page), the "Open" link leads to the app's own published address, and Swagger UI shows the API's
 * document.
 */
@QuarkusTest
@ResourceLock(value = QuarkusLock.NAME, mode = ResourceAccessMode.READ_WRITE) // one application at a time
@ExtendWith(Browser.class)
@TestProfile(LogsProfile.class)
class DashboardLogsIT {

    private static final String CRASHING = "command: [/bin/sh, -c, 'echo \"about to fail\"; echo \"it failed\" >&2; exit 3']";

    @TestHTTPResource("/")
    URL home;

    @Inject
    RamConfig config;

    @Test
    void theAppPanelShowsTheOutputOfACrashLoopingApp() {
        SpecFiles.write(config.specs().dir(), "mia.yaml",
                SpecFiles.app("mia-crash", "mia", TestEngine.HTTPD, CRASHING, "restartPolicy: Always"));
        DashboardPage page = new DashboardPage(home);
        page.driver.get(home.toString());
        page.script("sessionStorage.clear()");
        page.open(Browser.DESKTOP);
        await().atMost(PATIENCE).until(() -> page.row("mia/mia-crash").isPresent());

        page.row("mia/mia-crash").orElseThrow().click();
        WebElement ask = await().until(() -> page.driver.findElements(By.cssSelector("#detail-logs button.logs-token")),
                buttons -> !buttons.isEmpty()).get(0);
        assertThat(page.byId("token-dialog").isDisplayed()).as("no dialog before the user asks").isFalse();
        ask.click();
        WebElement dialog = page.byId("token-dialog");
        await().until(dialog::isDisplayed);
        assertThat(page.text("token-reason")).contains("/api/v1/apps/mia-crash/logs");
        page.byId("token-input").sendKeys(LogsProfile.TOKEN);
        dialog.findElement(By.cssSelector("button[value='ok']")).click();

        await().atMost(PATIENCE).until(() -> page.text("detail-logs").contains("about to fail\nit failed"));
        assertThat(page.driver.findElements(By.cssSelector("#detail-logs .log-stderr")))
                .extracting(WebElement::getText).contains("it failed");
    }

    @Test
    void withoutAProxyOpenLeadsToTheAppsPublishedAddress() {
        SpecFiles.write(config.specs().dir(), "noah.yaml", SpecFiles.app("noah-web", "noah", TestEngine.HTTPD));
        DashboardPage page = new DashboardPage(home).open(Browser.DESKTOP);
        await().atMost(PATIENCE).until(() -> page.phase("noah/noah-web"), Optional.of("Running")::equals);

        JsonPath app = given().get("/api/v1/apps/noah-web").then().statusCode(200).extract().jsonPath();
        String expected = app.getString("hostUrl") + app.getString("urlpath") + "/";
        assertThat(expected).startsWith("http://").doesNotStartWith(home.toString());
        await().until(() -> page.link("noah/noah-web"), expected::equals);
    }

    @Test
    void swaggerUiShowsTheApiDocument() {
        DashboardPage page = new DashboardPage(home);
        page.driver.get(home + "q/swagger-ui/");

        await().atMost(PATIENCE).until(() -> page.driver.findElements(By.cssSelector(".info .title")).stream()
                .anyMatch(title -> title.getText().startsWith("remoteappmanager")));
        await().until(() -> page.driver.getPageSource().contains("/api/v1/apps/{name}/logs"));
    }
}
