package io.remoteappmanager.cull;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.remoteappmanager.api.RealmResource;
import io.remoteappmanager.testing.FreePort;
import java.util.List;
import java.util.Map;

/**
 * The idle-culling tests' application: the API tests' realm, spec directory and shared proxy, the proxy asked every
 * second which routes are quiet, apps culled after 3 s unused, and the HTTP server on a port of its own, on which the
 * proxy reaches the wake page.
 */
public class CullProfile implements QuarkusTestProfile {

    private static final int PORT = FreePort.onLoopback();

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RealmResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.test-port", String.valueOf(PORT),
                "ram.cull.controller-url", "http://127.0.0.1:" + PORT,
                "ram.cull.check-interval", "1s", "ram.cull.idle-timeout", "3s");
    }
}
