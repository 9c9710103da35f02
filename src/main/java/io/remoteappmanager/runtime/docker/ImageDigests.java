package io.remoteappmanager.runtime.docker;

import io.remoteappmanager.runtime.ImageInfo;
import io.remoteappmanager.runtime.RuntimeFault;
import io.remoteappmanager.runtime.dockerapi.ImageReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The registry digest of the image a container runs, which neither a container listing nor an inspect carries: read
 * from the image's RepoDigests once per image and repository (an image's content never changes, so a thousand
 * containers of one image cost one inspect), and forgotten at each listing of the realm (pushing or pulling the
 * image under another name adds digests to it).
 */
final class ImageDigests {

    private final Function<String, Optional<ImageInfo>> images;
    private final Map<String, Optional<String>> known = new ConcurrentHashMap<>();

    /** @param images inspects a local image by id (an engine call) */
    ImageDigests(Function<String, Optional<ImageInfo>> images) {
        this.images = images;
    }

    /**
     * The digest of image {@code imageId}, which a container names as {@code reference}: the one recorded for the
     * reference's repository, else the one every repository of the image shares; empty when the image has none (built
     * here and never pushed) or cannot be inspected now.
     */
    Optional<String> of(String imageId, String reference) {
        if (imageId == null || reference == null) {
            return Optional.empty();
        }
        ImageReference named = ImageReference.parse(reference);
        if (named.pinsDigest()) {
            return Optional.of(named.tag());
        }
        String key = imageId + " " + named.familiarRepository();
        Optional<String> cached = known.get(key);
        if (cached != null) {
            return cached;
        }
        try {
            Optional<String> digest = images.apply(imageId).flatMap(i -> pick(i.repoDigests(), named.familiarRepository()));
            known.put(key, digest);
            return digest;
        } catch (RuntimeFault unknownForNow) {
            return Optional.empty();
        }
    }

    /** Forgets everything read so far. */
    void forget() {
        known.clear();
    }

    private static Optional<String> pick(List<String> repoDigests, String repository) {
        List<ImageReference> pinned = repoDigests.stream().map(ImageReference::parse).toList();
        Optional<String> own = pinned.stream().filter(p -> p.familiarRepository().equals(repository))
                .map(ImageReference::tag).findFirst();
        if (own.isPresent()) {
            return own;
        }
        List<String> digests = pinned.stream().map(ImageReference::tag).distinct().toList();
        return digests.size() == 1 ? Optional.of(digests.get(0)) : Optional.empty();
    }
}
