package io.remoteappmanager.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.remoteappmanager.testing.TestEngine;
import java.util.Map;

/**
 * The application pointed at an engine socket that does not exist: the engine is down from the start,
 * so no container is ever made and there is nothing to clean up.
 */
public class NoEngineProfile implements QuarkusTestProfile {

    static final String NO_ENGINE = "unix:///tmp/ram-no-engine.sock";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ram.docker.host", NO_ENGINE, "ram.realm", TestEngine.uniqueRealm("noengine"),
                "ram.specs.dir", "config/specs");
    }
}
