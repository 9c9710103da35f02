package io.remoteappmanager.cli;

import io.remoteappmanager.api.ApiProfile;
import java.util.Map;

/** The command line's tests' application: the API tests' realm and spec directory, with an API token set. */
public class CliProfile extends ApiProfile {

    public static final String TOKEN = "cli-test-token";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ram.api.token", TOKEN);
    }
}
