package io.remoteappmanager.runtime.dockerapi;

/** An image reference split into repository and tag (or digest), as the pull API wants them. */
public record ImageReference(String repository, String tag) {

    /** The registry of images named without one ({@code ubuntu}, {@code team/app}): Docker Hub. */
    public static final String DOCKER_HUB = "docker.io";
    /** Docker Hub's namespace of official images, which the engine leaves out of names. */
    private static final String LIBRARY = "library/";

    /** Parses {@code [registry[:port]/]name[:tag][@digest]}; a missing tag means {@code latest}. */
    public static ImageReference parse(String reference) {
        int at = reference.indexOf('@');
        if (at >= 0) {
            return new ImageReference(reference.substring(0, at), reference.substring(at + 1));
        }
        int colon = reference.lastIndexOf(':');
        if (colon > reference.lastIndexOf('/')) {
            return new ImageReference(reference.substring(0, colon), reference.substring(colon + 1));
        }
        return new ImageReference(reference, "latest");
    }

    /**
     * The registry host the image is pulled from, by Docker's rule: the first path component when it has a
     * {@code .} or {@code :} or is {@code localhost}, else Docker Hub.
     */
    public String registry() {
        int slash = repository.indexOf('/');
        String first = slash < 0 ? "" : repository.substring(0, slash);
        return first.contains(".") || first.contains(":") || first.equals("localhost") ? first : DOCKER_HUB;
    }

    /** Whether the reference pins a digest ({@code name@sha256:...}): then {@link #tag()} is that digest. */
    public boolean pinsDigest() {
        return tag.contains(":");
    }

    /**
     * The repository as the engine writes it in an image's RepoDigests ({@code ubuntu}, {@code team/app},
     * {@code registry:5000/team/app}): Docker Hub's host and its {@code library/} namespace left out.
     */
    public String familiarRepository() {
        String name = repository;
        for (String hub : new String[] {DOCKER_HUB + "/", "index.docker.io/"}) {
            if (name.startsWith(hub)) {
                name = name.substring(hub.length());
                return name.startsWith(LIBRARY) ? name.substring(LIBRARY.length()) : name;
            }
        }
        return name;
    }
}
