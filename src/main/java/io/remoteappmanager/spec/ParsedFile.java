package io.remoteappmanager.spec;

import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.SpecProblem;
import java.util.List;

/**
 * What one spec file holds: its valid apps in document order and its problems. A file with any problem
 * counts as failed as a whole, so that a half-broken file never changes what runs.
 */
public record ParsedFile(List<AppSpec> specs, List<SpecProblem> problems) {

    public ParsedFile {
        specs = List.copyOf(specs);
        problems = List.copyOf(problems);
    }

    /** A file that could not be used at all, with its one problem. */
    public static ParsedFile failed(SpecProblem problem) {
        return new ParsedFile(List.of(), List.of(problem));
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
