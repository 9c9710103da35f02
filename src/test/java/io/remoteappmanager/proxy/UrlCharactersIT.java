package io.remoteappmanager.proxy;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.model.UrlPaths;
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
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** URL paths outside RFC 3986 are spec errors, and one app's bad route never keeps the others from being routed. */
class UrlCharactersIT {

    private static final AppKey BOB = new AppKey("bob", "bob-web");

    @TempDir
    Path root;
    Path specs;
    Chp chp;
    TestEngine engine;
    TestController controller;
    ProxiedController proxied;

    @BeforeEach
    void startController() throws Exception {
        proxied = ProxiedController.start(root, "urlchars");
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
    void pathsOutsideRfc3986AreSpecErrorsAndTheOtherAppsAreRouted() {
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-web", "alice", HTTPD, "baseUrlPath: /user/alice|admin"));
        SpecFiles.write(specs, "carol.yaml", SpecFiles.app("carol-web", "carol", HTTPD, "baseUrlPath: /user/c\u00e9line"));
        SpecFiles.write(specs, "dave.yaml", SpecFiles.app("dave-web", "dave", HTTPD, "baseUrlPath: /user/dave%zz"));
        SpecFiles.write(specs, "bob.yaml", SpecFiles.app("bob-web", "bob", HTTPD));

        AppStatus bob = waiting().until(() -> controller.app(BOB).orElse(null), app -> app != null
                && app.urlpath().isPresent() && chp.route(app.urlpath().get()).isPresent());
        assertThat(Http.get(chp.proxyUrl + bob.urlpath().get() + "/").trim()).isEqualTo("ok");
        for (String user : new String[] {"alice", "carol", "dave"}) {
            AppStatus app = waiting().until(() -> controller.app(new AppKey(user, user + "-web")).orElse(null),
                    a -> a != null && a.phase() == Phase.Invalid);
            assertThat(app.message()).as(user).contains("baseUrlPath");
            assertThat(app.containerId()).as(user).isEmpty();
        }
    }

    @Test
    void aPercentEscapedPathIsRoutedUnderItsDecodedFormAndReached() throws Exception {
        SpecFiles.write(specs, "celine.yaml", SpecFiles.app("celine-web", "celine", HTTPD, "baseUrlPath: /user/c%C3%A9line"));
        AppKey celine = new AppKey("celine", "celine-web");

        AppStatus app = waiting().until(() -> controller.app(celine).orElse(null), a -> a != null
                && a.urlpath().isPresent() && chp.route(UrlPaths.decoded(a.urlpath().get())).isPresent());
        assertThat(UrlPaths.decoded(app.urlpath().get())).startsWith("/user/c\u00e9line/containers/");
        assertThat(Http.get(chp.proxyUrl + app.urlpath().get() + "/").trim()).isEqualTo("ok");
        controller.loop.requestPass("test: look again").get(30, TimeUnit.SECONDS);
        waiting().until(() -> controller.proxy().lastSyncAt().isPresent() && controller.proxy().changes() == 0);
    }

    @Test
    void staleRoutesWithAnyCharactersAreDeletedAndNeverKeepOtherAppsFromTheirRoutes() {
        String realm = engine.config.realm();
        for (String path : new String[] {"/" + realm + "/stale|pipe", "/" + realm + "/100%", "/" + realm + "/a b"}) {
            chp.client.put(new ProxyRoute(path, "http://127.0.0.1:9", Optional.of(realm), Optional.of("gone/app")));
        }
        SpecFiles.write(specs, "bob.yaml", SpecFiles.app("bob-web", "bob", HTTPD));

        waiting().until(() -> controller.app(BOB).flatMap(AppStatus::urlpath).flatMap(chp::route).isPresent());
        waiting().until(() -> chp.routes().stream().noneMatch(r -> r.path().startsWith("/" + realm + "/")));
        assertThat(controller.proxy().refused()).isEmpty();
    }

    static ConditionFactory waiting() {
        return Awaitility.await().atMost(Duration.ofSeconds(60));
    }
}
