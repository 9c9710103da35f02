package io.remoteappmanager.proxy;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static io.remoteappmanager.testing.TestEngine.HTTPD_V2;
import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.Chp;
import io.remoteappmanager.testing.Http;
import io.remoteappmanager.testing.ProxiedController;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** No spec takes over another user's URL: a second claim is a conflict, and the route stays with the first app. */
@Execution(ExecutionMode.CONCURRENT)
class RouteOwnershipIT {

    private static final AppKey ALICE = new AppKey("alice", "alice-web");
    private static final AppKey MALLORY = new AppKey("mallory", "mallory-web");
    private static final String URL_ID = "0123456789abcdef";

    @TempDir
    Path root;
    Path specs;
    Chp chp;
    TestEngine engine;
    TestController controller;
    ProxiedController proxied;

    @BeforeEach
    void startController() throws Exception {
        proxied = ProxiedController.start(root, "owner");
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
    void twoSpecsWithOneUrlpathAreAConflictAndTheRouteStaysWithTheRunningApp() throws Exception {
        String base = "baseUrlPath: /" + engine.config.realm() + "/shared";
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-web", "alice", HTTPD, base, "urlId: " + URL_ID));
        AppStatus alice = awaitRouted(ALICE);

        SpecFiles.write(specs, "mallory.yaml", SpecFiles.app("mallory-web", "mallory", HTTPD_V2, base, "urlId: " + URL_ID));

        assertTakeoverRefused(alice);
        assertThat(controller.app(ALICE).orElseThrow().phase()).isEqualTo(Phase.Conflict);
        assertThat(controller.app(MALLORY).orElseThrow().message()).contains("urlpath").contains("claimed by 2 documents");
    }

    @Test
    void aSpecCannotClaimTheUrlOfAnotherAppsContainerEvenSpelledWithEscapes() throws Exception {
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-web", "alice", HTTPD,
                "baseUrlPath: /" + engine.config.realm() + "/alice"));
        AppStatus alice = awaitRouted(ALICE);

        SpecFiles.write(specs, "mallory.yaml", SpecFiles.app("mallory-web", "mallory", HTTPD_V2,
                "baseUrlPath: /" + engine.config.realm() + "/%61lice", "urlId: " + alice.urlId().orElseThrow()));

        assertTakeoverRefused(alice);
        assertThat(controller.app(ALICE).orElseThrow().phase()).isEqualTo(Phase.Running);
        assertThat(controller.app(MALLORY).orElseThrow().message()).contains("is served by app " + ALICE);
    }

    /** Mallory is a conflict without a container, and Alice keeps her container and her route. */
    private void assertTakeoverRefused(AppStatus alice) throws Exception {
        waiting().until(() -> controller.app(MALLORY).map(AppStatus::phase).orElse(null), Phase.Conflict::equals);
        controller.loop.requestPass("test: look again").get(30, TimeUnit.SECONDS);
        assertThat(controller.app(MALLORY).orElseThrow().containerId()).isEmpty();
        assertThat(controller.app(ALICE).orElseThrow().containerId()).isEqualTo(alice.containerId());
        assertThat(chp.route(alice.urlpath().orElseThrow()).map(ProxyRoute::target)).isEqualTo(alice.hostUrl());
        assertThat(Http.get(chp.proxyUrl + alice.urlpath().orElseThrow() + "/").trim()).isEqualTo("ok");
    }

    private AppStatus awaitRouted(AppKey key) {
        return waiting().until(() -> controller.app(key).orElse(null), app -> app != null && app.phase() == Phase.Running
                && app.urlpath().isPresent() && chp.route(app.urlpath().get()).map(ProxyRoute::target).equals(app.hostUrl()));
    }

    private static ConditionFactory waiting() {
        return Awaitility.await().atMost(Duration.ofSeconds(60));
    }
}
