package io.remoteappmanager.runtime;

import java.util.List;
import java.util.Map;

/**
 * A local image as the engine describes it.
 *
 * @param repoDigests {@code repository@sha256:...} for each registry repository it was pushed to or pulled from
 */
public record ImageInfo(String id, List<String> tags, Map<String, String> labels, List<String> repoDigests) {
    public ImageInfo {
        tags = List.copyOf(tags);
        repoDigests = List.copyOf(repoDigests);
        labels = Map.copyOf(labels);
    }
}
