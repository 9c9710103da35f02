package io.remoteappmanager.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one fixture of the Swarm test classes: before each test the run's shared {@link TestSwarm} (the test is skipped
 * when there is none), and realms of the test's own on it, each closed after the test (its services removed) even
 * when the test fails. Register it on a field: {@code @RegisterExtension final SwarmRealms realms = new SwarmRealms();}
 * A class's own {@code @AfterEach} runs before the realms close.
 */
public final class SwarmRealms implements BeforeEachCallback, AfterEachCallback {

    private final List<SwarmRealm> open = new ArrayList<>();
    private TestSwarm swarm;

    @Override
    public void beforeEach(ExtensionContext context) {
        swarm = TestSwarm.shared();
    }

    /** The shared test swarm. */
    public TestSwarm swarm() {
        return swarm;
    }

    /** A fresh realm named after {@code purpose}, with {@code settings} over the swarm test defaults; closed after the test. */
    public SwarmRealm create(String purpose, Map<String, String> settings) {
        SwarmRealm realm = SwarmRealm.create(swarm, purpose, settings);
        open.add(realm);
        return realm;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            open.forEach(SwarmRealm::close);
        } finally {
            open.clear();
        }
    }
}
