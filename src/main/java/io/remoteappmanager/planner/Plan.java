package io.remoteappmanager.planner;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The result of one planning pass: a decision per app key, warnings that concern no single key (for
 * example "spec directory empty: pruning nothing"), and when to look again if something waits on a back-off.
 */
public record Plan(List<Decision> decisions, List<String> warnings, Optional<Instant> requeueAt) {

    public Plan {
        decisions = List.copyOf(decisions);
        warnings = List.copyOf(warnings);
    }

    public List<Action> actions() {
        return decisions.stream().flatMap(d -> d.actions().stream()).toList();
    }

    public boolean isNoop() {
        return decisions.stream().allMatch(d -> d.actions().isEmpty());
    }
}
