package io.remoteappmanager.planner;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.ObservedContainer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides, as a pure function of its {@link PlanInputs} and the time, what a level-based reconcile must do: it
 * makes no call and keeps no state, so a pass can be planned again at any moment (the {@code plan} command and
 * the API's preview do exactly that), and every rule is tested without an engine.
 *
 * <p>There is one {@link Decision} per app key that is desired, observed, conflicting or named by a spec problem,
 * sorted by key. A key's decision depends only on that key's inputs (and on whether the source gave any app at
 * all), so keys may be acted on in any order and in parallel, and a worker can decide one key again on its own
 * ({@link #decide}) right before acting; within one decision the actions run in order (duplicates first).
 */
public final class Planner {

    private final boolean pruneAllowEmpty;
    private final boolean livenessByDefault;
    private final Function<AppSpec, String> specHash;

    /**
     * @param pruneAllowEmpty   {@code ram.prune.allow-empty}: prune even when the source gave no app at all
     * @param livenessByDefault {@code ram.liveness.enabled}: every app's liveness is checked, not only those whose
     *                          spec asks (which decides whether an image's HEALTHCHECK counts)
     * @param specHash          the {@code spec_hash} label value a container for this spec carries; called at most
     *                          once per desired key that is observed or to be created, so an expensive hash is worth
     *                          caching
     */
    public Planner(boolean pruneAllowEmpty, boolean livenessByDefault, Function<AppSpec, String> specHash) {
        this.pruneAllowEmpty = pruneAllowEmpty;
        this.livenessByDefault = livenessByDefault;
        this.specHash = specHash;
    }

    /** Plans every key. */
    public Plan plan(PlanInputs inputs, Instant now) {
        Map<AppKey, List<ObservedContainer>> byKey = groupByKey(inputs.observed());
        ProblemIndex problems = new ProblemIndex(inputs.desired().problems());
        KeyRules rules = rules(inputs, problems, now);
        BackOffHold backOff = new BackOffHold(inputs.history(), now);

        List<AppKey> keys = sortedKeys(inputs, byKey.keySet(), problems.keys());
        List<Decision> decisions = new ArrayList<>(keys.size());
        for (AppKey key : keys) {
            decisions.add(backOff.apply(rules.decide(key, byKey.getOrDefault(key, List.of()))));
        }
        List<String> warnings = rules.removalWithheld() ? List.of(Reasons.PRUNE_BLOCKED) : List.of();
        return new Plan(decisions, warnings, backOff.requeueAt());
    }

    /**
     * Plans one key; {@code inputs.observed()} may hold only that key's containers. Empty when the key is gone:
     * neither desired, observed, conflicting nor named by a spec problem.
     */
    public Optional<Decision> decide(AppKey key, PlanInputs inputs, Instant now) {
        List<ObservedContainer> containers = inputs.observed().stream().filter(c -> c.key().equals(key)).toList();
        ProblemIndex problems = new ProblemIndex(inputs.desired().problems());
        if (containers.isEmpty() && !inputs.desired().apps().containsKey(key)
                && !inputs.desired().conflicts().contains(key) && problems.forKey(key).isEmpty()) {
            return Optional.empty();
        }
        Decision decision = rules(inputs, problems, now).decide(key, containers);
        return Optional.of(new BackOffHold(inputs.history(), now).apply(decision));
    }

    private KeyRules rules(PlanInputs inputs, ProblemIndex problems, Instant now) {
        return new KeyRules(inputs, problems, specHash, inputs.desired().directoryUsable() || pruneAllowEmpty, now,
                livenessByDefault);
    }

    private static Map<AppKey, List<ObservedContainer>> groupByKey(List<ObservedContainer> observed) {
        Map<AppKey, List<ObservedContainer>> byKey = new HashMap<>(observed.size() * 2);
        for (ObservedContainer container : observed) {
            byKey.computeIfAbsent(container.key(), k -> new ArrayList<>(1)).add(container);
        }
        return byKey;
    }

    private static List<AppKey> sortedKeys(PlanInputs inputs, Set<AppKey> observed, Set<AppKey> problemKeys) {
        Set<AppKey> all = new HashSet<>(inputs.desired().apps().keySet());
        all.addAll(observed);
        all.addAll(inputs.desired().conflicts());
        all.addAll(problemKeys);
        List<AppKey> sorted = new ArrayList<>(all);
        sorted.sort(null);
        return sorted;
    }
}
