package io.remoteappmanager.model;

import java.net.URI;

/**
 * The one rule for when two urlpaths are the same route: the reverse proxy percent-decodes both the paths it is
 * given and every request's path, so {@code /a%41} and {@code /aA} are one route, and only the decoded form says
 * which app a path belongs to.
 */
public final class UrlPaths {

    private UrlPaths() {}

    /** {@code urlpath} percent-decoded, as the proxy files and matches it; one that is no valid URL path is itself. */
    public static String decoded(String urlpath) {
        try {
            return URI.create("http://proxy" + urlpath).getPath();
        } catch (IllegalArgumentException e) {
            return urlpath;
        }
    }
}
