package io.remoteappmanager.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/**
 * The API tests' application: a realm and spec directory of its own, and no periodic resync within a test
 * run, so a container started behind the controller's back stays until a pass is asked for.
 */
public class ApiProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RealmResource.class));
    }
}
