package io.remoteappmanager.dashboard;

import static io.remoteappmanager.dashboard.DashboardPage.PATIENCE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.remoteappmanager.testing.QuarkusLock;
import java.net.URL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The page's buttons under the API's token rules: it reads without the token (ram.api.token-for-reads=false), and
 * "reconcile now" asks for the token, once, and keeps it for the tab.
 */
@QuarkusTest
@ResourceLock(value = QuarkusLock.NAME, mode = ResourceAccessMode.READ_WRITE) // one application at a time
@ExtendWith(Browser.class)
@TestProfile(DashboardProfile.class)
class DashboardActionsIT {

    @TestHTTPResource("/")
    URL home;

    DashboardPage page;

    @BeforeEach
    void openWithoutToken() {
        page = new DashboardPage(home);
        page.driver.get(home.toString());
        page.script("sessionStorage.clear()");
        page.open(Browser.DESKTOP);
    }

    @Test
    void reconcileNowWithoutTheTokenAsksForItAndShowsTheRefusalWhenNoneIsGiven() {
        assertThat(page.byId("token-dialog").isDisplayed()).as("reads need no token").isFalse();

        page.byId("reconcile-button").click();
        WebElement dialog = page.byId("token-dialog");
        await().until(dialog::isDisplayed);
        assertThat(page.text("token-reason")).contains("POST /api/v1/reconcile needs the controller's API token");
        dialog.findElement(By.cssSelector("button[value='cancel']")).click();

        await().until(() -> page.text("reconcile-result").contains("missing token"));
        assertThat(page.byId("reconcile-result").getAttribute("data-ok")).isEqualTo("false");
        assertThat(page.script("return sessionStorage.length")).isEqualTo(0L);
    }

    @Test
    void reconcileNowWithTheTokenRunsAPassAndKeepsTheTokenForTheTab() {
        page.byId("reconcile-button").click();
        WebElement dialog = page.byId("token-dialog");
        await().until(dialog::isDisplayed);
        page.byId("token-input").sendKeys(DashboardProfile.TOKEN);
        dialog.findElement(By.cssSelector("button[value='ok']")).click();

        await().atMost(PATIENCE).until(() -> page.text("reconcile-result").startsWith("Pass done: "));
        assertThat(page.byId("reconcile-result").getAttribute("data-ok")).isEqualTo("true");
        await().until(() -> page.text("pass-trigger"), "api"::equals);

        page.byId("reconcile-button").click();
        await().atMost(PATIENCE).until(() -> page.text("reconcile-result").startsWith("Pass done: "));
        assertThat(dialog.isDisplayed()).as("the token is asked for once").isFalse();
        assertThat(page.script("return sessionStorage.getItem('ram.api.token')")).isEqualTo(DashboardProfile.TOKEN);
    }

    @Test
    void planPreviewShowsWhatAPassWouldDo() {
        await().atMost(PATIENCE).until(() -> given().get("/api/v1/plan").jsonPath().getList("actions").isEmpty());

        page.byId("plan-button").click();

        await().until(() -> page.byId("plan-section").isDisplayed());
        assertThat(page.text("plan-result")).contains("Nothing to do").contains("Previewed");
    }
}
