package io.remoteappmanager.reconcile;

import io.remoteappmanager.images.ImageUpdates;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.planner.Idling;
import io.remoteappmanager.planner.PlanInputs;
import io.remoteappmanager.readiness.ReadinessProbes;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads the planner's inputs beside the desired and observed state (key histories, probe verdicts, idling, image
 * digests) the same way for a whole pass, a preview and one key's attempt, so that all three decide alike.
 */
final class PlanInputsReader {

    private final KeyHistories histories;
    private final ReadinessProbes probes;
    private final Supplier<Idling> idling;
    private final ImageUpdates images;

    PlanInputsReader(KeyHistories histories, ReadinessProbes probes, Supplier<Idling> idling, ImageUpdates images) {
        this.histories = histories;
        this.probes = probes;
        this.idling = idling;
        this.images = images;
    }

    /** The inputs as they are now, around {@code desired} and {@code observed} (all containers, or one key's). */
    PlanInputs read(DesiredState desired, List<ObservedContainer> observed) {
        return new PlanInputs(desired, observed, histories::history, probes::verdict, idling.get(), images::digest);
    }
}
