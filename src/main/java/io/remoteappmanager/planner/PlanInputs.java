package io.remoteappmanager.planner;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.ProbeVerdict;
import java.util.List;
import java.util.function.Function;

/**
 * Everything a plan is made from, read at one moment: the desired state, the observed containers, what the
 * controller remembers of each key, what each container's readiness probe has found, and who uses which app.
 *
 * @param history   asked only for keys that have something to do; may answer null for a key it does not know
 * @param readiness the verdict on a running container where it is served now
 * @param idling    the proxy's activity and the wake requests, for idle culling
 */
public record PlanInputs(DesiredState desired, List<ObservedContainer> observed, Function<AppKey, KeyHistory> history,
        Function<ObservedContainer, ProbeVerdict> readiness, Idling idling) {

    public PlanInputs {
        observed = List.copyOf(observed);
    }

    /** Inputs without idle culling. */
    public PlanInputs(DesiredState desired, List<ObservedContainer> observed, Function<AppKey, KeyHistory> history,
            Function<ObservedContainer, ProbeVerdict> readiness) {
        this(desired, observed, history, readiness, Idling.OFF);
    }
}
