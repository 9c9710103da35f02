package io.remoteappmanager.source.git;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything a {@link GitSource} needs, from {@code ram.git.*} or the command line, checked once; {@link #toString}
 * never shows a credential.
 *
 * @param path the folder of specs inside the repository, without leading or trailing slashes; empty for the root
 */
public record GitSettings(
        String url,
        String ref,
        String path,
        Duration interval,
        Path dir,
        Duration timeout,
        Optional<String> username,
        Optional<String> password,
        Optional<Path> sshKey,
        Optional<Path> knownHosts) {

    public GitSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("ram.git.url is required when ram.source=git");
        }
        if (ref == null || ref.isBlank()) {
            throw new IllegalArgumentException("ram.git.ref must name a branch, a tag or a commit");
        }
        path = normalize(path);
        username = username.filter(u -> !u.isBlank());
        password = password.filter(p -> !p.isEmpty());
    }

    /** The same repository, ref and path with other local settings (a one-off read into a temporary directory). */
    public GitSettings withDir(Path otherDir) {
        return new GitSettings(url, ref, path, interval, otherDir, timeout, username, password, sshKey, knownHosts);
    }

    /** What may be shown of the repository: its URL without any credential. */
    public String displayUrl() {
        return Redactor.url(url);
    }

    /** What masks this repository's credentials in messages: its URLs' user info and the configured password. */
    public Redactor redactor() {
        return new Redactor(password);
    }

    @Override
    public String toString() {
        return "git " + displayUrl() + " ref " + ref + (path.isEmpty() ? "" : " path " + path);
    }

    private static String normalize(String path) {
        String p = path == null ? "" : path.trim();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty() || p.equals(".")) {
            return "";
        }
        for (String part : p.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("ram.git.path must be a plain folder inside the repository, not " + path);
            }
        }
        return p;
    }
}
