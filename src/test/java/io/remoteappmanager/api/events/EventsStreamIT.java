package io.remoteappmanager.api.events;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.dashboard.DashboardProfile;
import io.remoteappmanager.testing.EngineLink;
import io.remoteappmanager.testing.QuarkusLock;
import io.remoteappmanager.testing.SpecFiles;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@code GET /api/v1/events} read by a plain HTTP client against the real controller and engine: a snapshot first,
 * then each kind of change as its own event. ({@code source} cannot change for a spec directory: EventDiffTest has it.)
 */
@QuarkusTest
@ResourceLock(value = QuarkusLock.NAME, mode = ResourceAccessMode.READ_WRITE) // one application at a time
@TestProfile(DashboardProfile.class)
class EventsStreamIT {

    private static final String BEARER = "Bearer " + DashboardProfile.TOKEN;

    @TestHTTPResource("/api/v1/events")
    URI events;

    @Inject
    RamConfig config;

    EngineLink engineLink;

    EventStream stream;

    @BeforeEach
    void connect() {
        await().until(() -> given().get("/q/health/ready").statusCode() == 200);
        stream = EventStream.open(events);
        await().until(() -> !stream.of("snapshot").isEmpty());
    }

    @AfterEach
    void disconnect() {
        engineLink.restore();
        stream.close();
        SpecFiles.delete(config.specs().dir(), "ivan.yaml");
    }

    @Test
    void aClientFirstGetsASnapshotOfEverything() {
        var snapshot = stream.received().get(0);

        assertThat(snapshot.type()).isEqualTo("snapshot");
        assertThat(snapshot.data().get("apps").isArray()).isTrue();
        assertThat(snapshot.data().get("status").get("engineReachable").asBoolean()).isTrue();
        assertThat(snapshot.data().get("status").get("proxy").get("enabled").asBoolean()).isTrue();
        assertThat(snapshot.data().get("source").get("type").asText()).isEqualTo("directory");
        assertThat(snapshot.data().get("source").get("location").asText()).isEqualTo(config.specs().dir().toString());
    }

    @Test
    void appChangesPassesProxyAndProblemsEachArriveAsTheirEvent() {
        SpecFiles.write(config.specs().dir(), "ivan.yaml", SpecFiles.app("ivan-web", "ivan", HTTPD, "mappingId: web"));

        await().atMost(Duration.ofSeconds(60)).until(() -> stream.has("app",
                app -> app.get("key").asText().equals("ivan/web") && app.get("phase").asText().equals("Running")));
        assertThat(stream.has("app", app -> app.get("key").asText().equals("ivan/web")
                && app.get("phase").asText().equals("Pending"))).isTrue();
        assertThat(stream.has("pass", pass -> pass.get("finishedAt").isTextual())).isTrue();
        await().until(() -> stream.has("proxy", proxy -> proxy.get("routes").asInt() >= 1));

        SpecFiles.write(config.specs().dir(), "ivan.yaml", "apiVersion: remoteappmanager/v1\nkind: RemoteApp\nspec: [\n");
        await().until(() -> stream.has("problems",
                p -> p.get("problems").toString().matches(".*\"ivan\\.yaml:\\d+: .*")));

        // Fixed, with ivan/web gone from it: the problem clears and ivan/web's container is pruned.
        SpecFiles.write(config.specs().dir(), "ivan.yaml",
                SpecFiles.app("ivan-idle", "ivan", HTTPD, "mappingId: idle", "suspend: true"));
        await().until(() -> !stream.last("problems").toString().contains("ivan.yaml"));
        await().atMost(Duration.ofSeconds(60)).until(() -> stream.has("app-removed",
                removed -> removed.get("key").asText().equals("ivan/web")));
    }

    @Test
    void theEngineGoingAwayAndComingBackArrivesAsEngine() {
        engineLink.cut();

        await().until(() -> stream.has("engine", e -> !e.get("reachable").asBoolean() && e.get("error").isTextual()));
        given().header("Authorization", BEARER).post("/api/v1/reconcile").then().statusCode(503);

        engineLink.restore();

        await().until(() -> stream.last("engine").get("reachable").asBoolean() && stream.last("engine").get("error").isNull());
        given().header("Authorization", BEARER).post("/api/v1/reconcile").then().statusCode(200);
    }
}
