package io.remoteappmanager.runtime.docker;

/** An image reference split into repository and tag (or digest), as the pull API wants them. */
record ImageReference(String repository, String tag) {

    /** Parses {@code [registry[:port]/]name[:tag][@digest]}; a missing tag means {@code latest}. */
    static ImageReference parse(String reference) {
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
}
