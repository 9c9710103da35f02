package io.remoteappmanager.proxy;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static io.remoteappmanager.testing.TestEngine.HTTPD_V2;
import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.Chp;
import io.remoteappmanager.testing.Http;
import io.remoteappmanager.testing.ProxiedController;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** CHP's routes follow the apps, on the shared real CHP; each test has its own realm, so its own routes. */
@Execution(ExecutionMode.CONCURRENT)
class ProxyRoutesIT {

    static final AppKey ALICE = new AppKey("alice", "paraview");

    @TempDir
    Path root;
    Path specs;
    Chp chp;
    TestEngine engine;
    TestController controller;
    ProxiedController proxied;

    @BeforeEach
    void startController() throws Exception {
        proxied = ProxiedController.start(root, "proxy");
        chp = proxied.chp();
        specs = proxied.specs();
        engine = proxied.engine();
        controller = proxied.controller();
    }

    @AfterEach
    void stopController() {
        proxied.close();
    }

    @Test
    void readyAppGetsAMarkedRouteThatReachesItsWebServer() {
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-paraview", "alice", HTTPD, "mappingId: paraview"));

        AppStatus app = awaitRouted(ALICE);
        ProxyRoute route = chp.route(app.urlpath().orElseThrow()).orElseThrow();
        assertThat(route.target()).isEqualTo(app.hostUrl().orElseThrow());
        assertThat(route.realm()).contains(engine.config.realm());
        assertThat(Http.get(chp.proxyUrl + app.urlpath().orElseThrow() + "/").trim()).isEqualTo("ok");
        assertThat(controller.proxy().lastError()).isEmpty();
    }

    @Test
    void routeSyncsOwnReportOnTheBoardStartsNoSynchronisation() {
        AtomicInteger reports = new AtomicInteger();
        AtomicInteger others = new AtomicInteger();
        controller.status.listen(s -> (s.changes().proxyOnly() ? reports : others).incrementAndGet());
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-paraview", "alice", HTTPD, "mappingId: paraview"));
        awaitRouted(ALICE);

        // One synchronisation may report a snapshot published before the listener was added: at most one more
        // report than the snapshots counted. A report that started a synchronisation would grow without bound.
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> reports.get() <= others.get() + 1);
        assertThat(reports.get()).as("each synchronisation that changed the proxy's state reported").isPositive();
    }

    @Test
    void removedAppLosesItsRoute() {
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-paraview", "alice", HTTPD, "mappingId: paraview"));
        SpecFiles.write(specs, "bob.yaml", SpecFiles.app("bob-web", "bob", HTTPD));
        String urlpath = awaitRouted(ALICE).urlpath().orElseThrow();
        String bobs = awaitRouted(new AppKey("bob", "bob-web")).urlpath().orElseThrow();

        SpecFiles.delete(specs, "alice.yaml");

        waiting().until(() -> chp.route(urlpath).isEmpty());
        assertThat(chp.route(bobs)).isPresent();
    }

    @Test
    void appKeptByTheEmptyDirectoryGuardKeepsItsRoute() throws Exception {
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-paraview", "alice", HTTPD, "mappingId: paraview"));
        AppStatus app = awaitRouted(ALICE);

        SpecFiles.delete(specs, "alice.yaml");
        waiting().until(() -> controller.lastPass().warnings(), w -> !w.isEmpty());
        controller.loop.requestPass("test").get(30, TimeUnit.SECONDS);

        assertThat(chp.route(app.urlpath().orElseThrow()).map(ProxyRoute::target)).isEqualTo(app.hostUrl());
    }

    @Test
    void recreatedAppGetsItsRouteReplaced() {
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-paraview", "alice", HTTPD, "mappingId: paraview"));
        AppStatus first = awaitRouted(ALICE);

        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-paraview", "alice", HTTPD_V2, "mappingId: paraview"));

        String urlpath = first.urlpath().orElseThrow();
        waiting().until(() -> chp.route(urlpath).map(ProxyRoute::target), t -> t.isPresent()
                && !t.get().equals(first.hostUrl().orElseThrow()));
        AppStatus second = controller.app(ALICE).orElseThrow();
        assertThat(second.containerId()).isNotEqualTo(first.containerId());
        assertThat(chp.route(urlpath).orElseThrow().target()).isEqualTo(second.hostUrl().orElseThrow());
        assertThat(waiting().ignoreExceptions().until(() -> Http.get(chp.proxyUrl + urlpath + "/"), b -> !b.isBlank()).trim())
                .isEqualTo("v2");
    }

    @Test
    void unmarkedRoutesAndOtherRealmsRoutesAreLeftAlone() throws Exception {
        String realm = engine.config.realm();
        String unmarked = "/" + realm + "/hub";
        String foreign = "/" + realm + "/other-controller";
        String stale = "/" + realm + "/gone/containers/0123456789abcdef";
        postUnmarked(unmarked, "http://127.0.0.1:9");
        chp.client.put(new ProxyRoute(foreign, "http://127.0.0.1:10", Optional.of(realm + "-other"), Optional.empty()));
        chp.client.put(new ProxyRoute(stale, "http://127.0.0.1:11", Optional.of(realm), Optional.of("gone/app")));
        try {
            SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-paraview", "alice", HTTPD, "mappingId: paraview"));
            awaitRouted(ALICE);
            controller.loop.requestPass("test").get(30, TimeUnit.SECONDS);

            assertThat(chp.route(stale)).isEmpty();
            assertThat(chp.route(unmarked).map(ProxyRoute::target)).contains("http://127.0.0.1:9");
            assertThat(chp.route(foreign).map(ProxyRoute::target)).contains("http://127.0.0.1:10");
        } finally {
            chp.client.delete(unmarked);
            chp.client.delete(foreign);
        }
    }

    @Test
    void restartedControllerRepairsRoutesLostMeanwhile() throws Exception {
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-paraview", "alice", HTTPD, "mappingId: paraview"));
        AppStatus before = awaitRouted(ALICE);
        controller.close();
        String urlpath = before.urlpath().orElseThrow();
        chp.client.delete(urlpath);

        // closed here: the fixture closes only the controller it started
        try (TestController restarted = new TestController(engine).start()) {
            waiting().until(() -> chp.route(urlpath).map(ProxyRoute::target), before.hostUrl()::equals);
            assertThat(restarted.app(ALICE).orElseThrow().containerId()).isEqualTo(before.containerId());
        }
    }

    /** Awaitility with room for a loaded machine (creating a container may take seconds there). */
    static ConditionFactory waiting() {
        return Awaitility.await().atMost(Duration.ofSeconds(60));
    }

    /** Waits until the app is Running and CHP routes its urlpath to its host URL; returns its status. */
    private AppStatus awaitRouted(AppKey key) {
        return waiting().until(() -> controller.app(key).orElse(null), app -> app != null
                && app.urlpath().isPresent() && app.hostUrl().isPresent()
                && chp.route(app.urlpath().get()).map(ProxyRoute::target).equals(app.hostUrl()));
    }

    /** A route as the hub would add it: no marker. */
    private void postUnmarked(String path, String target) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(chp.apiUrl + "/api/routes" + path))
                .header("Authorization", "token " + chp.token)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"target\": \"" + target + "\"}")).build();
        int status = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        assertThat(status).isEqualTo(201);
        assertThat(chp.route(path).flatMap(ProxyRoute::realm)).isEqualTo(Optional.empty());
    }
}
