package io.remoteappmanager.dashboard;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.remoteappmanager.testing.EngineLink;
import java.util.Map;

/** Points a Quarkus test run's controller at the engine through an {@link EngineLink}, injected into the tests. */
public class EngineLinkResource implements QuarkusTestResourceLifecycleManager {

    private EngineLink link;

    @Override
    public Map<String, String> start() {
        link = EngineLink.toTestEngine();
        return Map.of("ram.docker.host", link.dockerHost());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(link, new TestInjector.MatchesType(EngineLink.class));
    }

    @Override
    public void stop() {
        link.close();
    }
}
