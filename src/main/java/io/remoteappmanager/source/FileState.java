package io.remoteappmanager.source;

import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.SpecProblem;
import io.remoteappmanager.model.SpecProblem.Kind;
import io.remoteappmanager.spec.ParsedFile;
import io.remoteappmanager.spec.SpecCheck;
import io.remoteappmanager.spec.SpecParser;
import java.util.List;
import java.util.Optional;

/**
 * One spec file as its source last saw it: what the newest version parsed into, and the specs of the newest
 * version that parsed, which keep running while the file is broken.
 *
 * @param lastGood the specs of the newest version that parsed, or null if no version ever did
 */
public record FileState(String name, ParsedFile parsed, List<AppSpec> lastGood) {

    /** The state after reading a new version, remembering {@code previous}'s good content if this one fails. */
    public static FileState next(String name, ParsedFile parsed, FileState previous) {
        List<AppSpec> good = parsed.ok() ? parsed.specs() : previous == null ? null : previous.lastGood();
        return new FileState(name, parsed, good);
    }

    /**
     * The state after reading {@code content} as a new version: parsed, checked against {@code check} (the policy; a
     * spec breaking it fails the whole file), stamped with the source version it was read at (a commit, named in
     * every spec's origin and every problem), and keeping {@code previous}'s good content if it fails.
     */
    public static FileState read(String name, byte[] content, SpecCheck check, Optional<String> revision,
            FileState previous) {
        ParsedFile parsed = checked(SpecParser.parse(name, content), check);
        return next(name, revision.map(r -> atRevision(parsed, r)).orElse(parsed), previous);
    }

    /** The file could not be read: it keeps its last good content. */
    public static FileState unreadable(String name, String reason, FileState previous) {
        SpecProblem problem = new SpecProblem(Kind.UNREADABLE, name, 0, "cannot read: " + reason, Optional.empty());
        return next(name, ParsedFile.failed(problem), previous);
    }

    /** A file seen for the first time while it is being written: no app yet, and it protects the containers its name labels. */
    public static FileState firstSeenMidWrite(String name) {
        return new FileState(name, new ParsedFile(List.of(), List.of()), null);
    }

    private static ParsedFile checked(ParsedFile parsed, SpecCheck check) {
        if (!parsed.ok()) {
            return parsed;
        }
        List<SpecProblem> problems = parsed.specs().stream().flatMap(spec -> check.check(spec).stream()).toList();
        return problems.isEmpty() ? parsed : new ParsedFile(List.of(), problems);
    }

    private static ParsedFile atRevision(ParsedFile parsed, String revision) {
        List<AppSpec> specs = parsed.specs().stream()
                .map(spec -> spec.withOrigin(spec.origin().atRevision(revision)))
                .toList();
        String commit = revision.substring(0, Math.min(12, revision.length()));
        List<SpecProblem> problems = parsed.problems().stream()
                .map(p -> new SpecProblem(p.kind(), p.file(), p.line(), p.message() + " (commit " + commit + ")", p.key()))
                .toList();
        return new ParsedFile(specs, problems);
    }
}
