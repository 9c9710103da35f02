package io.remoteappmanager.runtime;

import java.util.List;
import java.util.Map;

/** A local image as the engine describes it. */
public record ImageInfo(String id, List<String> tags, Map<String, String> labels) {
    public ImageInfo {
        tags = List.copyOf(tags);
        labels = Map.copyOf(labels);
    }
}
