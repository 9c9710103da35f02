package io.remoteappmanager.api;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.remoteappmanager.testing.Chp;
import io.remoteappmanager.testing.TestEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * Gives a Quarkus test run a realm and a spec directory of its own, with its routes in the shared test
 * proxy, and removes the realm's containers when that run's application stops (the controller itself
 * leaves them running, as in production).
 */
public class RealmResource implements QuarkusTestResourceLifecycleManager {

    private TestEngine engine;
    private String debounce = "2s";

    /** {@code debounce}: the spec watcher's debounce (2 s unless a profile asks for another). */
    @Override
    public void init(Map<String, String> initArgs) {
        debounce = initArgs.getOrDefault("debounce", debounce);
    }

    @Override
    public Map<String, String> start() {
        String realm = TestEngine.uniqueRealm("api");
        engine = TestEngine.withConfig(Map.of("ram.realm", realm));
        try {
            String specs = Files.createTempDirectory("ram-api-specs").toString();
            Chp proxy = Chp.shared();
            return Map.of("ram.realm", realm, "ram.specs.dir", specs, "ram.stop-timeout", "1s",
                    "ram.reconcile.interval", "1h", "ram.specs.debounce", debounce,
                    "ram.proxy.api-url", proxy.apiUrl, "ram.proxy.api-token", proxy.token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        engine.close();
    }
}
