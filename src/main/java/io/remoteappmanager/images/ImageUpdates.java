package io.remoteappmanager.images;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.lifecycle.Jobs;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.runtime.ContainerRuntime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Finds images whose tag names new content: every {@code ram.images.check-interval} (never by default) it asks the
 * registry of each image that desired apps pull Always, through the engine and with the configured credentials,
 * which digest the tag names now, and keeps the answers for the planner, which recreates the containers that run
 * other content. It acts on nothing itself. A registry that does not answer is reported (log, pass warnings,
 * {@code ram_images_check_failures_total}) and its images' answers are dropped, so nothing is recreated for them
 * until it answers again.
 */
public final class ImageUpdates implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ImageUpdates.class);

    private final ContainerRuntime runtime;
    private final Optional<Duration> interval;
    private final Consumer<String> wake;
    private final Counter failures;
    private final Map<String, String> digests = new ConcurrentHashMap<>();
    /** The last failure per image reference, so each is logged once, and said again only when it changes. */
    private final Map<String, String> errors = new ConcurrentHashMap<>();
    private Optional<Jobs.Job> job = Optional.empty();
    private volatile Set<String> references = Set.of();

    /**
     * @param interval how often to check, positive; empty: never check
     * @param wake     asks the controller for a pass, with a reason
     */
    public ImageUpdates(ContainerRuntime runtime, Optional<Duration> interval, Consumer<String> wake,
            MeterRegistry metrics) {
        this.runtime = runtime;
        this.interval = interval;
        this.wake = wake;
        this.failures = metrics.counter("ram.images.check.failures");
    }

    /** Starts checking every interval, if one is set, as one of {@code jobs}. */
    public void start(Jobs jobs) {
        job = interval.map(every -> jobs.every("image-check", every, this::check));
    }

    /** The images to check from now on: those of the apps {@code desired} pulls Always (suspended ones excepted). */
    public void watch(DesiredState desired) {
        if (interval.isPresent()) {
            references = desired.apps().values().stream()
                    .filter(spec -> spec.imagePullPolicy() == AppSpec.PullPolicy.Always && !spec.suspend())
                    .map(AppSpec::image)
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    /** The digest {@code reference}'s tag named in its registry at the last check; empty if unknown or unanswered. */
    public Optional<String> digest(String reference) {
        return Optional.ofNullable(digests.get(reference));
    }

    /** What the last checks could not learn, one line per image, for the pass summary. */
    public List<String> warnings() {
        return errors.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "image check: " + e.getKey() + ": " + e.getValue() + "; its apps are left as they are")
                .toList();
    }

    @Override
    public void close() {
        job.ifPresent(Jobs.Job::close);
    }

    /** One round: asks the registry of every watched image; wakes the controller when a digest is new. */
    void check() {
        Set<String> watched = references;
        digests.keySet().retainAll(watched);
        errors.keySet().retainAll(watched);
        boolean learned = false;
        for (String reference : watched) {
            try {
                String digest = runtime.registryDigest(reference);
                String before = digests.put(reference, digest);
                if (errors.remove(reference) != null) {
                    LOG.infof("image check: the registry of %s answers again", reference);
                }
                if (!digest.equals(before)) {
                    learned = true;
                    LOG.infof("image check: %s names %s in its registry", reference, digest);
                }
            } catch (RuntimeException e) {
                failures.increment();
                digests.remove(reference);
                String error = Objects.requireNonNullElse(e.getMessage(), e.toString());
                if (!error.equals(errors.put(reference, error))) {
                    LOG.warnf("image check: %s: %s; its apps are left as they are until its registry answers",
                            reference, error);
                }
            }
        }
        if (learned) {
            wake.accept("image check: a tag names new content");
        }
    }
}
