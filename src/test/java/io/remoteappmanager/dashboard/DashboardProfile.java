package io.remoteappmanager.dashboard;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.remoteappmanager.api.RealmResource;
import java.util.List;
import java.util.Map;

/**
 * The dashboard tests' application: a realm and spec directory of its own, the engine behind a link the tests can
 * cut, and an API token that only writes need (so the page reads without it and asks for it to reconcile).
 */
public class DashboardProfile implements QuarkusTestProfile {

    public static final String TOKEN = "dashboard-token";

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RealmResource.class), new TestResourceEntry(EngineLinkResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ram.api.token", TOKEN, "ram.api.token-for-reads", "false");
    }
}
