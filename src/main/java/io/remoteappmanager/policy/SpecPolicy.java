package io.remoteappmanager.policy;

import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.SpecProblem;
import io.remoteappmanager.model.SpecProblem.Kind;
import io.remoteappmanager.spec.SpecCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code ram.policy.*} rules as a {@link SpecCheck}: a spec naming an image outside the allowed patterns,
 * binding a host path outside the volume roots, or asking more resources than the ceilings is a POLICY problem
 * at the {@code file:line} of the offending field. Every spec source applies it to what it reads.
 */
public final class SpecPolicy implements SpecCheck {

    /** The most a spec may ask for; a spec that asks nothing gets the configured defaults. */
    public record Ceilings(long memoryBytes, double cpus, long pids) {}

    private final List<ImageGlob> images;
    private final VolumeRule volumes;
    private final Ceilings ceilings;

    public SpecPolicy(List<String> allowedImages, List<String> volumeRoots, Ceilings ceilings) {
        this.images = allowedImages.stream().map(ImageGlob::of).toList();
        this.volumes = new VolumeRule(volumeRoots);
        this.ceilings = ceilings;
    }

    @Override
    public List<SpecProblem> check(AppSpec spec) {
        Map<String, String> refusals = new LinkedHashMap<>();
        if (images.stream().noneMatch(glob -> glob.matches(spec.image()))) {
            refusals.put("image", "image " + spec.image() + " is not allowed by ram.policy.allowed-images "
                    + images.stream().map(ImageGlob::glob).toList());
        }
        spec.volumes().keySet().forEach(source -> volumes.refusal(source).ifPresent(why ->
                refusals.put("volumes[" + source + "]", "volume " + source + " refused by policy: " + why)));
        AppSpec.Resources asked = spec.resources();
        ceiling(refusals, "memory", asked.memoryBytes(), ceilings.memoryBytes(), "ram.policy.max-memory");
        ceiling(refusals, "cpus", asked.cpus(), ceilings.cpus(), "ram.policy.max-cpus");
        ceiling(refusals, "pids", asked.pids(), ceilings.pids(), "ram.policy.max-pids");
        return refusals.entrySet().stream().map(refusal -> new SpecProblem(Kind.POLICY, spec.origin().file(),
                spec.origin().lineOf(refusal.getKey()), spec.origin().document() + ": " + refusal.getValue(),
                Optional.of(spec.key()))).toList();
    }

    private static <N extends Number> void ceiling(Map<String, String> refusals, String what, Optional<N> asked, N max,
            String key) {
        asked.filter(value -> value.doubleValue() > max.doubleValue()).ifPresent(value -> refusals.put(
                "resources." + what, "resources." + what + " " + value + " is above " + key + " (" + max + ")"));
    }
}
