package io.remoteappmanager.api.logs;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.remoteappmanager.testing.TestEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * The logs tests' application on the real engine: a realm and spec directory of its own, a token that reads do not
 * need ({@code ram.api.token-for-reads=false}), so only the logs rule asks for it, and quick restarts of a crash.
 */
public class LogsProfile implements QuarkusTestProfile {

    public static final String TOKEN = "logs-token";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ram.api.token", TOKEN, "ram.api.token-for-reads", "false",
                "ram.reconcile.initial-backoff", "1s", "ram.reconcile.max-backoff", "2s",
                "ram.readiness.enabled", "false", "ram.leader-election.enabled", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Realm.class));
    }

    /** A realm and spec directory of the run's own; the realm's containers are removed when the run ends. */
    public static class Realm implements QuarkusTestResourceLifecycleManager {

        static volatile String specs;
        private TestEngine engine;

        @Override
        public Map<String, String> start() {
            String realm = TestEngine.uniqueRealm("logs");
            engine = TestEngine.withConfig(Map.of("ram.realm", realm));
            try {
                specs = Files.createTempDirectory("ram-logs-specs").toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("ram.realm", realm, "ram.specs.dir", specs, "ram.stop-timeout", "1s",
                    "ram.reconcile.interval", "1h", "ram.specs.debounce", "200ms");
        }

        @Override
        public void stop() {
            engine.close();
        }
    }
}
