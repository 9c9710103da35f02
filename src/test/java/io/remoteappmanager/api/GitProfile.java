package io.remoteappmanager.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/**
 * The application reading a git repository over smart HTTP with a login, a webhook secret and an API token set,
 * polling only once an hour: after the first fetch, only the webhook makes it fetch.
 */
public class GitProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GitRepoResource.class));
    }
}
