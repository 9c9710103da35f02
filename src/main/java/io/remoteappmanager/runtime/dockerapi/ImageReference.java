package io.remoteappmanager.runtime.dockerapi;

/** An image reference split into repository and tag (or digest), as the pull API wants them. */
public record ImageReference(String repository, String tag) {

    /** The registry of images named without one ({@code ubuntu}, {@code team/app}): Docker Hub. */
    public static final String DOCKER_HUB = "docker.io";

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
}
