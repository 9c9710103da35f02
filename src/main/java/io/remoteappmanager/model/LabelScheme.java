package io.remoteappmanager.model;

import java.util.Map;
import java.util.Optional;

/**
 * The container labels, with the configured prefix and realm: the only state the
 * controller keeps, so everything it knows about a container is read back through here.
 */
public class LabelScheme {

    public static final String REALM = "realm";
    public static final String USER = "user";
    public static final String MAPPING_ID = "mapping_id";
    public static final String URL_ID = "url_id";
    public static final String URLPATH = "urlpath";
    public static final String SPEC_HASH = "spec_hash";
    public static final String SOURCE = "source";
    /** The commit the container's spec was read from (git source only); not part of {@link #SPEC_HASH}. */
    public static final String REVISION = "revision";
    /** The network the container was placed on ({@code ram.docker.networks}); not part of {@link #SPEC_HASH}. */
    public static final String NETWORK = "network";

    private final String prefix;
    private final String realm;

    public LabelScheme(String prefix, String realm) {
        this.prefix = prefix;
        this.realm = realm;
    }

    public String realm() {
        return realm;
    }

    /** The full label key for a short name such as {@link #USER}. */
    public String key(String name) {
        return prefix + name;
    }

    /** The filter that selects every container of this realm. */
    public Map<String, String> realmFilter() {
        return Map.of(key(REALM), realm);
    }

    /** The filter that selects the containers of one app in this realm. */
    public Map<String, String> appFilter(AppKey app) {
        return Map.of(key(REALM), realm, key(USER), app.user(), key(MAPPING_ID), app.mappingId());
    }

    public boolean inRealm(Map<String, String> labels) {
        return realm.equals(labels.get(key(REALM)));
    }

    public Optional<String> get(Map<String, String> labels, String name) {
        return Optional.ofNullable(labels.get(key(name)));
    }

    /**
     * The spec file a {@code source} label ({@code <file>#<document>}) names. Document names never hold a {@code #},
     * so the last one separates them, and a file name with a {@code #} keeps its whole name.
     */
    public static String sourceFile(String sourceLabel) {
        int hash = sourceLabel.lastIndexOf('#');
        return hash < 0 ? sourceLabel : sourceLabel.substring(0, hash);
    }

    /** The app a container belongs to, or empty for a container missing its user or mapping label. */
    public Optional<AppKey> appKey(Map<String, String> labels) {
        String user = labels.get(key(USER));
        String mappingId = labels.get(key(MAPPING_ID));
        return user == null || mappingId == null ? Optional.empty() : Optional.of(new AppKey(user, mappingId));
    }
}
