package io.remoteappmanager.api;

import java.util.Map;

/** The application pointed at an engine socket that does not exist: the engine is down from the start. */
public class NoEngineProfile extends ApiProfile {

    static final String NO_ENGINE = "unix:///tmp/ram-no-engine.sock";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ram.docker.host", NO_ENGINE);
    }
}
