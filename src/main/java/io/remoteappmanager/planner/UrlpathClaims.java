package io.remoteappmanager.planner;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.SpecProblem;
import io.remoteappmanager.model.UrlPaths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps a spec from taking over a URL that another app's container serves: a spec with a fixed urlId whose
 * urlpath (decoded, as the proxy matches it) is that of a container of another key becomes a conflict, so no
 * container is made for it and no route moves. Applied to the desired state once per pass, before planning,
 * because it is the one rule that looks across keys.
 */
public final class UrlpathClaims {

    private UrlpathClaims() {}

    /**
     * {@code desired}, with every spec that claims another key's urlpath moved to the conflicts; {@code desired}
     * itself when no spec fixes its urlId (most sites), without decoding a path.
     */
    public static DesiredState guard(DesiredState desired, List<ObservedContainer> observed) {
        List<AppSpec> claims = desired.apps().values().stream().filter(spec -> spec.urlId().isPresent()).toList();
        if (claims.isEmpty()) {
            return desired;
        }
        Map<String, AppKey> servedBy = new HashMap<>();
        for (ObservedContainer container : observed) {
            container.urlpath().ifPresent(path -> servedBy.putIfAbsent(UrlPaths.decoded(path), container.key()));
        }
        Map<AppKey, AppSpec> apps = new HashMap<>(desired.apps());
        List<SpecProblem> problems = new ArrayList<>(desired.problems());
        Set<AppKey> conflicts = new HashSet<>(desired.conflicts());
        for (AppSpec spec : claims) {
            String urlpath = spec.urlpath(spec.urlId().get());
            AppKey holder = servedBy.get(UrlPaths.decoded(urlpath));
            if (holder != null && !holder.equals(spec.key())) {
                apps.remove(spec.key());
                conflicts.add(spec.key());
                problems.add(new SpecProblem(SpecProblem.Kind.CONFLICT, spec.origin().file(), spec.origin().line(),
                        "urlpath " + urlpath + " is served by app " + holder
                                + ": a URL never moves to another app while its container exists", Optional.of(spec.key())));
            }
        }
        if (conflicts.size() == desired.conflicts().size()) {
            return desired;
        }
        return new DesiredState(apps, problems, conflicts, desired.protectedSources(), desired.directoryUsable(),
                desired.unsettled(), desired.released());
    }
}
