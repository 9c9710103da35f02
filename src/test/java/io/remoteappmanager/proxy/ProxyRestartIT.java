package io.remoteappmanager.proxy;

import static io.remoteappmanager.proxy.ProxyRoutesIT.waiting;
import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.Chp;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** A CHP that goes down and comes back empty, on a CHP instance of this test's own. */
@Execution(ExecutionMode.CONCURRENT)
class ProxyRestartIT {

    @TempDir
    Path specs;

    @Test
    void chpDownIsAnErrorThatStopsNoContainerAndRoutesComeBackAfterItRestartsEmpty() throws Exception {
        AppKey alice = new AppKey("alice", "paraview");
        AppKey bob = new AppKey("bob", "bob-web");
        try (Chp chp = Chp.own("restart")) {
            Map<String, String> settings = new HashMap<>(chp.settings());
            settings.put("ram.realm", TestEngine.uniqueRealm("chprestart"));
            settings.put("ram.specs.dir", specs.toString());
            try (TestEngine engine = TestEngine.withConfig(settings); TestController controller = new TestController(engine).start()) {
                SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-paraview", "alice", HTTPD, "mappingId: paraview"));
                String alicePath = routed(controller, chp, alice);

                chp.stop();
                SpecFiles.write(specs, "bob.yaml", SpecFiles.app("bob-web", "bob", HTTPD));
                waiting().until(() -> controller.app(bob).map(AppStatus::hostUrl).flatMap(h -> h).isPresent());
                waiting().until(() -> controller.proxy().lastError(), e -> e.filter(m -> m.contains("unreachable")).isPresent());

                chp.start();
                assertThat(chp.routes()).isEmpty();
                controller.pass("test: the routes come back");

                waiting().until(() -> chp.route(alicePath).isPresent());
                routed(controller, chp, bob);
                assertThat(controller.proxy().lastError()).isEmpty();
                assertThat(controller.proxy().routes()).isEqualTo(2);
            }
        }
    }

    /** Waits until CHP routes the app's urlpath to its host URL; returns the urlpath. */
    private static String routed(TestController controller, Chp chp, AppKey key) {
        AppStatus app = waiting().until(() -> controller.app(key).orElse(null), s -> s != null
                && s.urlpath().isPresent() && chp.route(s.urlpath().get()).map(ProxyRoute::target).equals(s.hostUrl()));
        return app.urlpath().orElseThrow();
    }
}
