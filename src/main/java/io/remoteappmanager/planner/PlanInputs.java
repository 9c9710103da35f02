package io.remoteappmanager.planner;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.ProbeVerdict;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything a plan is made from, read at one moment: the desired state, the observed containers, what the
 * controller remembers of each key, what each container's probe has found, who uses which app, and which digest
 * each image's tag names in its registry.
 *
 * @param history      asked only for keys that have something to do; may answer null for a key it does not know
 * @param readiness    the verdict on a running container where it is served now
 * @param idling       the proxy's activity and the wake requests, for idle culling
 * @param imageDigests the digest an image reference's tag names in its registry, as last checked; empty when
 *                     unknown (unchecked, or its registry did not answer)
 */
public record PlanInputs(DesiredState desired, List<ObservedContainer> observed, Function<AppKey, KeyHistory> history,
        Function<ObservedContainer, ProbeVerdict> readiness, Idling idling,
        Function<String, Optional<String>> imageDigests) {

    public PlanInputs {
        observed = List.copyOf(observed);
    }

    /** Inputs without idle culling, where no image's registry digest is known. */
    public PlanInputs(DesiredState desired, List<ObservedContainer> observed, Function<AppKey, KeyHistory> history,
            Function<ObservedContainer, ProbeVerdict> readiness) {
        this(desired, observed, history, readiness, Idling.OFF);
    }

    /** Inputs where no image's registry digest is known: nothing is recreated for an image update. */
    public PlanInputs(DesiredState desired, List<ObservedContainer> observed, Function<AppKey, KeyHistory> history,
            Function<ObservedContainer, ProbeVerdict> readiness, Idling idling) {
        this(desired, observed, history, readiness, idling, reference -> Optional.empty());
    }
}
