package io.remoteappmanager.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The API tests' application: a realm and spec directory of its own, no periodic resync within a test run and a
 * 10 s debounce on spec changes, so a test can look at a change before the controller acts on it.
 */
public class ApiProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RealmResource.class, Map.of("debounce", "10s")));
    }
}
