package io.remoteappmanager.planner;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.ObservedContainer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides, as a pure function of desired specs, observed containers, per-key history and the time, what
 * one level-based reconcile pass must do: it makes no call and keeps no state, so a pass can be planned
 * again at any moment, and every rule is tested without an engine.
 *
 * <p>There is one {@link Decision} per app key that is desired, observed, conflicting or named by a spec
 * problem, sorted by key. A key's decision depends only on that key's inputs, so the executor may run
 * keys in any order and in parallel; within one decision the actions run in order (duplicates first).
 */
public final class Planner {

    private final boolean pruneAllowEmpty;
    private final Function<AppSpec, String> specHash;

    /**
     * @param pruneAllowEmpty {@code ram.prune.allow-empty}: prune even when the spec directory is unusable
     * @param specHash        the {@code spec_hash} label value a container for this spec carries; called
     *                        at most once per observed desired key, so an expensive hash is worth caching
     */
    public Planner(boolean pruneAllowEmpty, Function<AppSpec, String> specHash) {
        this.pruneAllowEmpty = pruneAllowEmpty;
        this.specHash = specHash;
    }

    /**
     * Plans one pass.
     *
     * @param observed every container of this realm, as listed by the engine
     * @param history  what the executor remembers of a key; may answer null or {@link KeyHistory#FRESH}
     *                 for a key it does not know; asked only for keys that have something to do
     * @param now      the caller's clock, compared with {@link KeyHistory#notBefore()}
     */
    public Plan plan(DesiredState desired, List<ObservedContainer> observed, Function<AppKey, KeyHistory> history,
            Instant now) {
        Map<AppKey, List<ObservedContainer>> byKey = groupByKey(observed);
        ProblemIndex problems = new ProblemIndex(desired.problems());
        KeyRules rules = new KeyRules(desired, problems, specHash, desired.directoryUsable() || pruneAllowEmpty);
        BackOff backOff = new BackOff(history, now);

        List<AppKey> keys = sortedKeys(desired, byKey.keySet(), problems.keys());
        List<Decision> decisions = new ArrayList<>(keys.size());
        for (AppKey key : keys) {
            decisions.add(backOff.apply(rules.decide(key, byKey.getOrDefault(key, List.of()))));
        }
        List<String> warnings = rules.removalWithheld() ? List.of(Reasons.PRUNE_BLOCKED) : List.of();
        return new Plan(decisions, warnings, backOff.requeueAt());
    }

    private static Map<AppKey, List<ObservedContainer>> groupByKey(List<ObservedContainer> observed) {
        Map<AppKey, List<ObservedContainer>> byKey = new HashMap<>(observed.size() * 2);
        for (ObservedContainer container : observed) {
            byKey.computeIfAbsent(container.key(), k -> new ArrayList<>(1)).add(container);
        }
        return byKey;
    }

    private static List<AppKey> sortedKeys(DesiredState desired, Set<AppKey> observed, Set<AppKey> problemKeys) {
        Set<AppKey> all = new HashSet<>(desired.apps().keySet());
        all.addAll(observed);
        all.addAll(desired.conflicts());
        all.addAll(problemKeys);
        List<AppKey> sorted = new ArrayList<>(all);
        sorted.sort(null);
        return sorted;
    }
}
