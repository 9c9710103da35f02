package io.remoteappmanager.planner;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.SpecProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The spec problems of one pass, indexed by file and by app key, so each key's rules look them up in
 * constant time. Conflicts are kept apart: a conflict says "two documents", not "this file is broken"; a secret that
 * cannot be read is its app's problem, not its file's.
 */
final class ProblemIndex {

    private final Map<String, SpecProblem> byFile = new HashMap<>();
    private final Map<AppKey, SpecProblem> byKey = new HashMap<>();
    private final Map<AppKey, List<SpecProblem>> conflicts;

    ProblemIndex(List<SpecProblem> problems) {
        for (SpecProblem problem : problems) {
            if (problem.kind() != SpecProblem.Kind.CONFLICT) {
                if (problem.kind() != SpecProblem.Kind.SECRET) { // an app's own, not its file's
                    byFile.putIfAbsent(problem.file(), problem);
                }
                problem.key().ifPresent(key -> byKey.putIfAbsent(key, problem));
            }
        }
        conflicts = problems.stream()
                .filter(p -> p.kind() == SpecProblem.Kind.CONFLICT && p.key().isPresent())
                .collect(Collectors.groupingBy(p -> p.key().get()));
    }

    /** The first problem found in {@code file}: its apps run on their last good content. */
    Optional<SpecProblem> forFile(String file) {
        return Optional.ofNullable(byFile.get(file));
    }

    /** The first problem naming {@code key}: its document is broken, whatever else the directory holds. */
    Optional<SpecProblem> forKey(AppKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** Keys named only by a problem still get a decision, so status shows them as invalid. */
    Set<AppKey> keys() {
        return byKey.keySet();
    }

    /** The conflict problems reported for {@code key}, one per claiming document. */
    List<SpecProblem> conflicts(AppKey key) {
        return conflicts.getOrDefault(key, List.of());
    }
}
