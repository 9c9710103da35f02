package io.remoteappmanager.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the spec directory asks for at one moment, with what could not be read, so the planner can
 * tell "the user removed this app" from "this app's file is broken".
 *
 * @param apps              every valid app by key, including the last good content of files that broke since
 * @param problems          every error found, for status, logs, metrics and {@code validate}
 * @param conflicts         keys claimed by two or more documents: their containers are left as they are
 * @param protectedSources  spec file names that are broken and never parsed: containers whose
 *                          {@code source} label names one of them are kept
 * @param directoryUsable   false when the directory is missing, unreadable, or its files give no app at all
 *                          (an emptied or half-written file included): then nothing is pruned unless
 *                          {@code ram.prune.allow-empty}
 * @param unsettled         spec files caught while being written: they keep their last good content and are
 *                          read again once they settle
 * @param released          keys no source wants any more because someone asked for their app to stop (the seed
 *                          API): their containers are removed even where the empty-directory guard withholds pruning
 */
public record DesiredState(
        Map<AppKey, AppSpec> apps,
        List<SpecProblem> problems,
        Set<AppKey> conflicts,
        Set<String> protectedSources,
        boolean directoryUsable,
        Set<String> unsettled,
        Set<AppKey> released) {

    /** Nothing read yet: no app, and unusable, so nothing would be pruned. */
    public static final DesiredState NONE = new DesiredState(Map.of(), List.of(), Set.of(), Set.of(), false, Set.of());

    public DesiredState {
        apps = Map.copyOf(apps);
        problems = List.copyOf(problems);
        conflicts = Set.copyOf(conflicts);
        protectedSources = Set.copyOf(protectedSources);
        unsettled = Set.copyOf(unsettled);
        released = Set.copyOf(released);
    }

    /** What a spec source reads: it releases nothing. */
    public DesiredState(Map<AppKey, AppSpec> apps, List<SpecProblem> problems, Set<AppKey> conflicts,
            Set<String> protectedSources, boolean directoryUsable, Set<String> unsettled) {
        this(apps, problems, conflicts, protectedSources, directoryUsable, unsettled, Set.of());
    }

    /** The same state with other apps and released keys (an overlay of requests laid over a source's). */
    public DesiredState with(Map<AppKey, AppSpec> otherApps, Set<AppKey> otherReleased) {
        return new DesiredState(otherApps, problems, conflicts, protectedSources, directoryUsable, unsettled,
                otherReleased);
    }
}
