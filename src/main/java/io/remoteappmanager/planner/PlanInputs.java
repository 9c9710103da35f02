package io.remoteappmanager.planner;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.ProbeVerdict;
import java.util.List;
import java.util.function.Function;

/**
 * Everything a plan is made from, read at one moment: the desired state, the observed containers, what the
 * controller remembers of each key, and what each container's readiness probe has found.
 *
 * @param history   asked only for keys that have something to do; may answer null for a key it does not know
 * @param readiness the verdict on a running container where it is served now
 */
public record PlanInputs(DesiredState desired, List<ObservedContainer> observed, Function<AppKey, KeyHistory> history,
        Function<ObservedContainer, ProbeVerdict> readiness) {

    public PlanInputs {
        observed = List.copyOf(observed);
    }
}
