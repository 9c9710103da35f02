package io.remoteappmanager.dashboard;

import static io.remoteappmanager.dashboard.DashboardPage.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.remoteappmanager.api.TokenProfile;
import io.remoteappmanager.testing.QuarkusLock;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * When reads need the token too (the default), the page asks for it before anything else and then reads the events
 * stream with it in a header: the stream is the one call that would otherwise tempt a token into the URL.
 */
@QuarkusTest
@ResourceLock(value = QuarkusLock.NAME, mode = ResourceAccessMode.READ_WRITE) // one application at a time
@ExtendWith(Browser.class)
@TestProfile(TokenProfile.class)
class DashboardTokenForReadsIT {

    @TestHTTPResource("/")
    URL home;

    @Test
    void thePageAsksForTheTokenOnceThenGoesLive() {
        DashboardPage page = new DashboardPage(home);
        page.driver.get(home.toString());
        page.script("sessionStorage.clear()");
        page.driver.get(home.toString());

        WebElement dialog = page.byId("token-dialog");
        await().until(dialog::isDisplayed);
        assertThat(page.text("token-reason")).contains("GET /api/v1/events needs the controller's API token");
        page.byId("token-input").sendKeys("not-the-token");
        dialog.findElement(By.cssSelector("button[value='ok']")).click();
        await().until(() -> dialog.isDisplayed() && page.text("token-reason").contains("The token was refused"));
        page.byId("token-input").sendKeys(TokenProfile.TOKEN);
        dialog.findElement(By.cssSelector("button[value='ok']")).click();

        await().atMost(PATIENCE).until(() -> "live".equals(page.connection()));
        await().until(() -> page.text("pass-trigger").length() > 1);
        assertThat(page.text("engine-state")).isEqualTo("Reachable");

        page.driver.navigate().refresh();
        await().atMost(PATIENCE).until(() -> "live".equals(page.connection()));
        assertThat(page.byId("token-dialog").isDisplayed()).as("the tab keeps the token across a reload").isFalse();
    }
}
