package io.remoteappmanager.reconcile;

import io.remoteappmanager.manager.ContainerTemplate;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.planner.KeyHistory;
import io.remoteappmanager.planner.Plan;
import io.remoteappmanager.planner.Planner;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.source.SpecSource;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The read-only half of a pass: read the specs, list the realm (one API call), plan. The reconciler
 * acts on what it returns; {@code plan DIR} and {@code GET /api/v1/plan} only show it.
 * Not thread-safe: the caller serialises (the reconciler's passes never overlap).
 */
public final class PlanSnapshot {

    /** What was read and what the planner made of it. */
    public record Result(DesiredState desired, List<ObservedContainer> observed, Plan plan) {}

    private final SpecSource specs;
    private final ContainerRuntime runtime;
    private final LabelScheme labels;
    private final ContainerTemplate template;
    private final Planner planner;
    private Map<AppSpec, String> hashes = Map.of();

    public PlanSnapshot(SpecSource specs, ContainerRuntime runtime, LabelScheme labels, ContainerTemplate template,
            boolean pruneAllowEmpty) {
        this.specs = specs;
        this.runtime = runtime;
        this.labels = labels;
        this.template = template;
        this.planner = new Planner(pruneAllowEmpty, spec -> hashes.get(spec));
    }

    /** Reads the specs and their hashes; a hash is computed once per distinct spec, not once per pass. */
    public DesiredState readSpecs() {
        DesiredState desired = specs.read();
        Map<AppSpec, String> previous = hashes;
        Map<AppSpec, String> current = new HashMap<>(desired.apps().size() * 2);
        for (AppSpec spec : desired.apps().values()) {
            String known = previous.get(spec);
            current.put(spec, known != null ? known : template.specHash(spec));
        }
        hashes = current;
        return desired;
    }

    /** Every container of the realm; throws {@link io.remoteappmanager.runtime.RuntimeFault} when the engine cannot list. */
    public List<ObservedContainer> observe() {
        return ObservedContainers.from(runtime.list(labels.realmFilter()), labels);
    }

    /** Plans {@code desired} (from {@link #readSpecs}) against {@code observed}. */
    public Plan plan(DesiredState desired, List<ObservedContainer> observed, Function<AppKey, KeyHistory> history,
            Instant now) {
        return planner.plan(desired, observed, history, now);
    }

    /** All three steps at once: what a pass would do now. */
    public Result take(Function<AppKey, KeyHistory> history, Instant now) {
        DesiredState desired = readSpecs();
        List<ObservedContainer> observed = observe();
        return new Result(desired, observed, plan(desired, observed, history, now));
    }
}
