package io.remoteappmanager.api;

import java.util.Map;

/** The API tests' application with {@code ram.api.token} set (reads need it too, the default). */
public class TokenProfile extends ApiProfile {

    public static final String TOKEN = "s3cret-token";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ram.api.token", TOKEN);
    }
}
