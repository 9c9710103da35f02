package io.remoteappmanager.cull;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.ContainerState;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.proxy.ProxyRoute;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.status.StatusBoard;
import io.remoteappmanager.status.Transition;
import io.remoteappmanager.testing.Chp;
import io.remoteappmanager.testing.Http;
import io.remoteappmanager.testing.QuarkusLock;
import io.remoteappmanager.testing.RealmContainers;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestEngine;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Idle culling end to end, on the real engine and the shared real CHP: apps unused for 3 s (ram.cull.idle-timeout, or
 * their spec's idleTimeout) are stopped and their routes lead to the controller's wake page, which a request through
 * the proxy reaches and which starts the app again.
 */
@QuarkusTest
@ResourceLock(value = QuarkusLock.NAME, mode = ResourceAccessMode.READ_WRITE) // one application at a time
@TestProfile(CullProfile.class)
class IdleCullIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    RamConfig config;

    @Inject
    StatusBoard status;

    TestEngine engine;
    Chp chp;

    @BeforeEach
    void connect() {
        engine = TestEngine.withConfig(Map.of("ram.realm", config.realm()));
        chp = Chp.shared();
    }

    @AfterEach
    void disconnect() {
        engine.runtime.close();
    }

    @Test
    void idleAppIsStoppedKeptAndWokenByARequestThroughTheProxy() throws Exception {
        AppKey alice = write("alice", "alice-web");

        AppStatus idle = awaitIdle(alice);

        String urlpath = idle.urlpath().orElseThrow();
        assertThat(idle.transitions()).extracting(Transition::to).containsSubsequence(Phase.Running, Phase.Idle);
        List<RuntimeContainer> kept = RealmContainers.byKey(engine).get(alice);
        assertThat(kept).singleElement().satisfies(container -> {
            assertThat(container.id()).isEqualTo(idle.containerId().orElseThrow());
            assertThat(container.state()).isEqualTo(ContainerState.EXITED);
        });
        assertThat(given().get("/api/v1/apps/alice-web").jsonPath().getString("phase")).isEqualTo("Idle");

        HttpResponse<String> page = get(chp.proxyUrl + urlpath + "/lab?x=1", Optional.empty());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("X-Remoteappmanager-Wake")).isPresent();
        assertThat(page.body()).contains("Starting your app");

        assertThat(waiting().ignoreExceptions().until(() -> Http.get(chp.proxyUrl + urlpath + "/").trim(), "ok"::equals))
                .as("a request through the proxy lands on the app itself").isEqualTo("ok");
        AppStatus woken = app(alice);
        assertThat(woken.containerId()).as("started again, not recreated").isEqualTo(idle.containerId());
        assertThat(woken.urlId()).isEqualTo(idle.urlId());
        assertThat(woken.transitions()).extracting(Transition::to).containsSubsequence(Phase.Idle, Phase.Restarting,
                Phase.Running);
    }

    @Test
    void wakePageTellsOnlyTheStateOfTheAppAtItsAddress() throws Exception {
        HttpResponse<String> nobody = get("http://127.0.0.1:" + port() + "/wake/user/nobody/containers/0123456789abcdef/",
                Optional.of("application/vnd.remoteappmanager.wake+json"));

        assertThat(nobody.statusCode()).isEqualTo(200);
        assertThat(nobody.body()).isEqualTo("{\"state\":\"unavailable\",\"phase\":null}");
        assertThat(get("http://127.0.0.1:" + port() + "/wake/user/nobody/containers/0123456789abcdef/",
                Optional.of("application/json")).statusCode()).as("an app's own API calls are told to retry").isEqualTo(503);
    }

    @Test
    void appReceivingTrafficIsNotCulledWhileAnUnusedOneIs() {
        AppKey carol = write("carol", "carol-web", "idleTimeout: 3s");
        AppKey bob = write("bob", "bob-web");
        String bobs = waiting().until(() -> status.current().app(bob).flatMap(AppStatus::urlpath).orElse(null),
                Objects::nonNull);

        // requests every 300 ms from the moment the route exists, then for 8 s (more than twice the idle timeout)
        waiting().pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> Http.get(chp.proxyUrl + bobs + "/").trim(), "ok"::equals);
        waiting().during(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(300)).until(
                () -> Http.get(chp.proxyUrl + bobs + "/").trim().equals("ok") && app(bob).phase() == Phase.Running);

        assertThat(awaitIdle(carol).transitions()).extracting(Transition::to).containsSubsequence(Phase.Running,
                Phase.Idle);
        assertThat(app(bob).transitions()).extracting(Transition::to).doesNotContain(Phase.Idle);
    }

    @Test
    void removingTheSpecOfAnIdleAppRemovesIt() {
        AppKey dan = write("dan", "dan-web");
        AppStatus idle = awaitIdle(dan);
        String urlpath = idle.urlpath().orElseThrow();
        String container = idle.containerId().orElseThrow();

        SpecFiles.delete(config.specs().dir(), "dan-web.yaml");
        given().post("/api/v1/reconcile").then().statusCode(200);

        waiting().until(() -> engine.runtime.inspect(container).isEmpty() && status.current().app(dan).isEmpty());
        waiting().until(() -> chp.route(urlpath).isEmpty());
    }

    private AppKey write(String user, String name, String... extraSpec) {
        SpecFiles.write(config.specs().dir(), name + ".yaml", SpecFiles.app(name, user, HTTPD, extraSpec));
        return new AppKey(user, name);
    }

    /** Waits until the app is Idle and CHP routes its urlpath to the wake page; returns its status. */
    private AppStatus awaitIdle(AppKey key) {
        return waiting().until(() -> status.current().app(key).orElse(null), app -> app != null
                && app.phase() == Phase.Idle && app.urlpath().isPresent()
                && chp.route(app.urlpath().get()).map(ProxyRoute::target).filter(wakePage()::equals).isPresent());
    }

    private AppStatus app(AppKey key) {
        return status.current().app(key).orElseThrow();
    }

    private String wakePage() {
        return config.cull().controllerUrl() + "/wake";
    }

    private int port() {
        return URI.create(config.cull().controllerUrl()).getPort();
    }

    private static HttpResponse<String> get(String url, Optional<String> accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        accept.ifPresent(type -> request.header("Accept", type));
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Awaitility with room for a loaded machine (creating a container may take seconds there). */
    private static ConditionFactory waiting() {
        return Awaitility.await().atMost(Duration.ofSeconds(60));
    }
}
