package io.remoteappmanager.images;

import io.remoteappmanager.lifecycle.Threads;
import io.remoteappmanager.model.ImageMetadata;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.runtime.ImageInfo;
import io.remoteappmanager.runtime.RuntimeFault;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The metadata of the images apps run ({@link ImageLabels}), cached by image id. An image's labels never change under
 * its id, so each image is inspected once, when a pass first sees a container run it, on a thread of its own; the
 * controller is then asked for a pass, which shows it in status. A pass only reads the cache, so a thousand apps of
 * one image cost one inspect in all, and a pass with nothing new costs none.
 */
public final class ImageCatalog implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ImageCatalog.class);

    /** @param labelPrefix {@code ram.images.label-prefix}: where the image's labels about its app begin */
    public record Settings(String labelPrefix) {}

    private final ContainerRuntime runtime;
    private final ImageLabels labels;
    private final Consumer<String> wake;
    private final Map<String, ImageMetadata> known = new ConcurrentHashMap<>();
    private final Set<String> reading = ConcurrentHashMap.newKeySet();
    private final ExecutorService reader = Threads.pool("image-labels", 1);

    /** @param wake asks the controller for a pass, with a reason */
    public ImageCatalog(ContainerRuntime runtime, Settings settings, Consumer<String> wake) {
        this.runtime = runtime;
        this.labels = new ImageLabels(settings.labelPrefix());
        this.wake = wake;
    }

    /** The metadata of image {@code imageId} if it was read already; never an engine call. */
    public Optional<ImageMetadata> metadata(String imageId) {
        return imageId == null ? Optional.empty() : Optional.ofNullable(known.get(imageId));
    }

    /**
     * A pass saw a container run image {@code imageId}: if it is new, it is read in the background. An image that
     * cannot be read now (the engine did not answer) is tried again when a pass sees it next.
     */
    public void seen(String imageId) {
        if (imageId != null && !imageId.isEmpty() && !known.containsKey(imageId) && reading.add(imageId)) {
            reader.execute(() -> learn(imageId));
        }
    }

    /** Whether image {@code imageId} is being read now. */
    boolean reading(String imageId) {
        return reading.contains(imageId);
    }

    /** The metadata of a local image the caller inspected: read once per image id. */
    public ImageMetadata of(ImageInfo image) {
        return known.computeIfAbsent(image.id(), id -> parse(image));
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }

    private void learn(String imageId) {
        try {
            Optional<ImageInfo> image = runtime.image(imageId);
            known.put(imageId, image.map(this::parse).orElse(ImageMetadata.NONE));
            if (image.isEmpty()) {
                LOG.debugf("image %s is not in the engine's store: its app shows no metadata", imageId);
            }
            wake.accept("image metadata: read the labels of " + image.map(ImageCatalog::name).orElse(imageId));
        } catch (RuntimeFault e) {
            LOG.warnf("image metadata: cannot read image %s now (%s); trying again on a later pass", imageId,
                    e.getMessage());
        } finally {
            reading.remove(imageId);
        }
    }

    private ImageMetadata parse(ImageInfo image) {
        ImageLabels.Read read = labels.read(name(image), image.labels());
        read.warnings().forEach(LOG::warn);
        return read.metadata();
    }

    /** The image's first tag, as the seed named an image, else its id. */
    private static String name(ImageInfo image) {
        return image.tags().isEmpty() ? image.id() : image.tags().get(0);
    }
}
