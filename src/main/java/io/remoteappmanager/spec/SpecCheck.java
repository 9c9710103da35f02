package io.remoteappmanager.spec;

import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.SpecProblem;
import java.util.List;

/**
 * An extra rule a parsed spec must pass before it counts (the policy, for example): a spec with problems
 * makes its whole file fail like an invalid file, so the file's last good content keeps running.
 */
@FunctionalInterface
public interface SpecCheck {

    /** No extra rule: every well-formed spec counts. */
    SpecCheck NONE = spec -> List.of();

    /** What is wrong with {@code spec}, located with its origin; empty when it passes. */
    List<SpecProblem> check(AppSpec spec);
}
