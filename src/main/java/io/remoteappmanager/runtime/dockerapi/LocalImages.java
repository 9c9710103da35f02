package io.remoteappmanager.runtime.dockerapi;

import io.remoteappmanager.runtime.ImageInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Looks an image up in the store of the engine a client talks to (one engine, or a swarm's manager). */
public final class LocalImages {

    private LocalImages() {}

    /**
     * The image with that id or reference in the engine's own store, or empty.
     *
     * @param purpose the operation the call is counted as ({@code image}, {@code image-digests})
     */
    public static Optional<ImageInfo> inspect(EngineClient engine, String purpose, String idOrReference) {
        return engine.unlessNotFound(purpose + " " + idOrReference, () -> engine.docker().inspectImageCmd(idOrReference).exec())
                .map(image -> {
                    Map<String, String> labels = image.getConfig() == null || image.getConfig().getLabels() == null
                            ? Map.of() : image.getConfig().getLabels();
                    List<String> tags = image.getRepoTags() == null ? List.of() : image.getRepoTags();
                    List<String> digests = image.getRepoDigests() == null ? List.of() : image.getRepoDigests();
                    return new ImageInfo(image.getId(), tags, labels, digests);
                });
    }
}
