package io.remoteappmanager.api;

import static io.remoteappmanager.testing.TestEngine.META;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.manager.Container;
import io.remoteappmanager.manager.ContainerManager;
import io.remoteappmanager.manager.MultipleResultsFound;
import io.remoteappmanager.testing.QuarkusLock;
import io.remoteappmanager.testing.SpecFiles;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * On the real engine, an image built by scripts/engine.sh with all four labels, an icon and two settings: the API
 * shows what it says of its apps, ContainerManager.image() returns it parsed, and findContainer finds one, none or
 * several.
 */
@QuarkusTest
@ResourceLock(value = QuarkusLock.NAME, mode = ResourceAccessMode.READ_WRITE) // one application at a time
@TestProfile(ApiProfile.class)
class AppMetadataIT {

    @Inject
    RamConfig config;

    @Inject
    ContainerManager manager;

    @BeforeEach
    void twoUsersRunTheViewer() {
        SpecFiles.write(config.specs().dir(), "viewers.yaml", SpecFiles.app("erin-viewer", "erin", META,
                "mappingId: viewer") + "---\n" + SpecFiles.app("frank-viewer", "frank", META, "mappingId: viewer"));
        given().post("/api/v1/reconcile").then().statusCode(200);
        await().until(() -> List.of(app("erin-viewer"), app("frank-viewer")).stream()
                .allMatch(a -> "Running".equals(a.getString("phase")) && a.get("app") != null));
    }

    @AfterEach
    void removeThem() {
        SpecFiles.delete(config.specs().dir(), "viewers.yaml");
        given().post("/api/v1/reconcile").then().statusCode(200);
    }

    @Test
    void theApiShowsTitleIconDescriptionKindAndSettings() throws Exception {
        byte[] png = Files.readAllBytes(Path.of("scripts/images/meta-icon.png"));

        for (JsonPath app : List.of(app("erin-viewer"), given().get("/api/v1/apps").then().statusCode(200).extract()
                .jsonPath().setRootPath("find { it.name == 'frank-viewer' }"))) {
            assertThat(app.getString("app.title")).isEqualTo("Test Viewer");
            assertThat(app.getString("app.description"))
                    .isEqualTo("A tiny web app that shows its version and its environment.");
            assertThat(app.getString("app.kind")).isEqualTo("webapp");
            assertThat(app.getList("app.settings", String.class)).containsExactly("X11_HEIGHT", "X11_WIDTH");
            assertThat(app.getString("app.icon")).startsWith("data:image/png;base64,");
            assertThat(Base64.getDecoder().decode(app.getString("app.icon").substring("data:image/png;base64,".length())))
                    .isEqualTo(png);
        }
    }

    @Test
    void containerManagerImageReturnsTheParsedMetadata() {
        assertThat(manager.image(META)).hasValueSatisfying(image -> {
            assertThat(image.name()).isEqualTo(META);
            assertThat(image.dockerId()).startsWith("sha256:");
            assertThat(image.app().title()).contains("Test Viewer");
            assertThat(image.app().kind()).contains("webapp");
            assertThat(image.app().settings()).containsExactly("X11_HEIGHT", "X11_WIDTH");
            assertThat(image.app().icon()).hasValueSatisfying(icon -> assertThat(icon).startsWith("data:image/png"));
        });
        assertThat(manager.image("ram-test/absent:0")).isEmpty();
    }

    @Test
    void findContainerFindsOneNoneOrSeveral() {
        String erinUrlId = app("erin-viewer").getString("urlId");

        assertThat(manager.findContainer(null, "viewer", "erin")).map(Container::urlId).contains(erinUrlId);
        assertThat(manager.findContainer(erinUrlId, null, null)).map(Container::user).contains("erin");
        assertThat(manager.findContainer(null, "viewer", "nobody")).isEmpty();
        assertThat(manager.findContainer(erinUrlId, "viewer", "frank")).isEmpty();
        assertThatThrownBy(() -> manager.findContainer(null, "viewer", null)).isInstanceOf(MultipleResultsFound.class)
                .hasMessageContaining("2 running containers match");
    }

    private static JsonPath app(String name) {
        return given().get("/api/v1/apps/" + name).then().extract().jsonPath();
    }
}
