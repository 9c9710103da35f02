package io.remoteappmanager.manager;

import io.remoteappmanager.spec.AppKey;

/**
 * The deterministic container name {@code <realm>-<user>-<mappingId>}: one key, one name, so the engine
 * itself refuses a duplicate even from a second controller.
 */
public final class ContainerNames {

    private ContainerNames() {}

    public static String of(String realm, AppKey app) {
        return escape(realm) + "-" + escape(app.user()) + "-" + escape(app.mappingId());
    }

    /** Replaces every character outside {@code [a-zA-Z0-9_.-]} with {@code _} (for example the @ of an e-mail user). */
    static String escape(String part) {
        return part.replaceAll("[^a-zA-Z0-9_.-]", "_");
    }
}
