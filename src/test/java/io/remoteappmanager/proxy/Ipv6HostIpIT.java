package io.remoteappmanager.proxy;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.Chp;
import io.remoteappmanager.testing.Http;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An app published on the IPv6 loopback is probed, routed and reached through CHP at a bracketed URL. */
class Ipv6HostIpIT {

    private static final AppKey ALICE = new AppKey("alice", "paraview");

    @TempDir
    Path root;

    @Test
    void appPublishedOnIpv6LoopbackIsReadyRoutedAndReachable() throws Exception {
        Chp chp = Chp.shared();
        Path specs = Files.createDirectories(root.resolve("specs"));
        Map<String, String> settings = new HashMap<>(chp.settings());
        settings.put("ram.realm", TestEngine.uniqueRealm("ipv6"));
        settings.put("ram.specs.dir", specs.toString());
        settings.put("ram.docker.host-ip", "::1");
        try (TestEngine engine = TestEngine.withConfig(settings); TestController controller = new TestController(engine).start()) {
            SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-paraview", "alice", HTTPD, "mappingId: paraview"));

            AppStatus app = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> controller.app(ALICE).orElse(null),
                    a -> a != null && a.phase() == Phase.Running && a.urlpath().isPresent()
                            && chp.route(a.urlpath().get()).isPresent());

            assertThat(app.hostUrl().orElseThrow()).matches("http://\\[::1\\]:\\d+");
            assertThat(chp.route(app.urlpath().get()).orElseThrow().target()).isEqualTo(app.hostUrl().orElseThrow());
            assertThat(Http.get(chp.proxyUrl + app.urlpath().get() + "/").trim()).isEqualTo("ok");
        } finally {
            chp.routes().stream().filter(r -> r.ownedBy(settings.get("ram.realm"))).forEach(r -> chp.client.delete(r.path()));
        }
    }
}
