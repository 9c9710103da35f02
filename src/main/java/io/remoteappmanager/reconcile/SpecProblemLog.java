package io.remoteappmanager.reconcile;

import io.remoteappmanager.model.SpecProblem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/** Logs each spec problem and pass warning once when it appears and once when it clears, not on every pass. */
final class SpecProblemLog {

    private static final Logger LOG = Logger.getLogger(SpecProblemLog.class);

    private Set<String> problems = Set.of();
    private Set<String> warnings = Set.of();

    void report(List<SpecProblem> current) {
        problems = diff(problems, current.stream().map(Object::toString).toList(), "spec error: ", "spec error cleared: ");
    }

    void warnings(List<String> current) {
        warnings = diff(warnings, current, "", "cleared: ");
    }

    private static Set<String> diff(Set<String> before, List<String> current, String newPrefix, String clearedPrefix) {
        Set<String> now = new LinkedHashSet<>(current);
        now.stream().filter(p -> !before.contains(p)).forEach(p -> LOG.warn(newPrefix + p));
        before.stream().filter(p -> !now.contains(p)).forEach(p -> LOG.info(clearedPrefix + p));
        return now;
    }
}
