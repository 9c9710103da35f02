package io.remoteappmanager.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/**
 * The API tests' application: a realm and spec directory of its own, no periodic resync within a test run and a
 * 2 s debounce on spec changes, so a test can look at a change before the controller acts on it.
 */
public class ApiProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RealmResource.class));
    }
}
