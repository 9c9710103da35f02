package io.remoteappmanager.source;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.SpecProblem;
import io.remoteappmanager.model.SpecProblem.Kind;
import io.remoteappmanager.model.UrlPaths;
import io.remoteappmanager.spec.ParsedFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Combines the per-file results of one read of a source (a directory, a git commit) into a {@link DesiredState}: broken files contribute
 * their last good content (or protect their containers), and specs that clash across files (one key, or one urlpath
 * from a fixed urlId) are reported as conflicts.
 */
public final class DesiredStateAssembler {

    private DesiredStateAssembler() {}

    /**
     * {@code files} in a stable order (by name) so that problems come out in a stable order. A directory whose
     * files give no app at all counts as unusable: an emptied or half-written file must not prune everything.
     */
    public static DesiredState assemble(Iterable<FileState> files, boolean hasFiles, Set<String> unsettled) {
        List<SpecProblem> problems = new ArrayList<>();
        Set<String> protectedSources = new HashSet<>();
        List<AppSpec> specs = new ArrayList<>();
        for (FileState file : files) {
            problems.addAll(file.parsed().problems());
            if (file.lastGood() == null) {
                protectedSources.add(file.name());
            } else {
                specs.addAll(file.lastGood());
            }
        }
        Map<AppKey, List<AppSpec>> conflicts = clashes(specs, AppSpec::key);
        conflicts.forEach((key, claimants) -> report(problems, claimants, Kind.CONFLICT,
                "app " + key + " is claimed by " + claimants.size() + " documents (" + where(claimants)
                        + "): its container is left as it is"));
        Set<AppKey> conflicting = new HashSet<>(conflicts.keySet());
        List<AppSpec> fixedUrls = specs.stream().filter(spec -> spec.urlId().isPresent()).toList();
        clashes(fixedUrls, spec -> UrlPaths.decoded(spec.urlpath(spec.urlId().get()))).forEach((path, claimants) -> {
            report(problems, claimants, Kind.CONFLICT, "urlpath " + path + " is claimed by " + claimants.size()
                    + " documents (" + where(claimants) + "): no route is moved; their containers are left as they are");
            claimants.forEach(spec -> conflicting.add(spec.key()));
        });
        clashes(specs, AppSpec::name).forEach((name, users) -> report(problems, users, Kind.INVALID,
                "metadata.name \"" + name + "\" is used by " + users.size() + " documents (" + where(users)
                        + "): names must be unique in the directory"));
        Map<AppKey, AppSpec> apps = new HashMap<>(specs.size() * 2);
        for (AppSpec spec : specs) {
            if (!conflicting.contains(spec.key())) {
                apps.put(spec.key(), spec);
            }
        }
        boolean usable = hasFiles && !specs.isEmpty();
        return new DesiredState(apps, problems, conflicting, protectedSources, usable, unsettled);
    }

    /** The groups of specs that share one identity, in order of first appearance. */
    private static <K> Map<K, List<AppSpec>> clashes(List<AppSpec> specs, Function<AppSpec, K> identity) {
        Map<K, AppSpec> first = new HashMap<>(specs.size() * 2);
        Map<K, List<AppSpec>> clashes = new LinkedHashMap<>();
        for (AppSpec spec : specs) {
            AppSpec earlier = first.putIfAbsent(identity.apply(spec), spec);
            if (earlier != null) {
                clashes.computeIfAbsent(identity.apply(spec), k -> new ArrayList<>(List.of(earlier))).add(spec);
            }
        }
        return clashes;
    }

    private static void report(List<SpecProblem> problems, List<AppSpec> specs, Kind kind, String message) {
        for (AppSpec spec : specs) {
            problems.add(new SpecProblem(kind, spec.origin().file(), spec.origin().line(), message,
                    Optional.of(spec.key())));
        }
    }

    private static String where(List<AppSpec> specs) {
        return specs.stream()
                .map(spec -> spec.origin().file() + ":" + spec.origin().line() + " " + spec.name())
                .collect(Collectors.joining(", "));
    }
}
