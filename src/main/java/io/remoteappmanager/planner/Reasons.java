package io.remoteappmanager.planner;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec.RestartPolicy;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.ProbeVerdict;
import io.remoteappmanager.model.SpecProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every reason and message the planner writes, in one place so the wording operators grep for stays
 * consistent; the happy path uses only the constants, so an unchanged key builds no strings.
 */
final class Reasons {

    static final String RUNNING = "running with the desired config";
    static final String SUSPENDED = "suspended: its container is left as it is";
    static final String PRUNE_BLOCKED =
            "spec directory is empty or missing; pruning nothing (set ram.prune.allow-empty=true to allow)";

    private Reasons() {}

    static String created(AppKey key) {
        return "created: no container for " + key;
    }

    static String recreated(String observedHash, String desiredHash) {
        return "recreated: spec_hash " + shortHash(observedHash) + "→" + shortHash(desiredHash);
    }

    static String started(ObservedContainer container) {
        return "started: container " + shortId(container.id()) + " was created but never started";
    }

    static String restarted(ObservedContainer container, RestartPolicy policy) {
        return "restarted: container " + shortId(container.id()) + " is " + state(container)
                + container.exitCode().stream().mapToObj(code -> " with exit code " + code).findFirst().orElse("")
                + " (restartPolicy " + policy + ")";
    }

    static String completed(ObservedContainer container, RestartPolicy policy) {
        return "completed: container " + shortId(container.id()) + " is " + state(container)
                + container.exitCode().stream().mapToObj(code -> " with exit code " + code).findFirst().orElse("")
                + " and restartPolicy " + policy + " leaves it so";
    }

    static String engineStarting(ObservedContainer container) {
        return "waiting for the engine to start it" + container.detail().map(d -> ": " + d).orElse("");
    }

    static String engineRestarting(ObservedContainer container) {
        return "restarting: it ended" + container.exitCode().stream().mapToObj(code -> " (exit code " + code + ")")
                .findFirst().orElse("") + " and the engine starts it again"
                + container.detail().map(d -> ": " + d).orElse("");
    }

    static String engineCrashLoop(ObservedContainer container) {
        return "back-off: it keeps ending (" + container.restarts() + " times lately" + container.exitCode().stream()
                .mapToObj(code -> ", last with exit code " + code).findFirst().orElse("")
                + "); the engine starts it again after its restart delay" + container.detail().map(d -> ": " + d).orElse("");
    }

    static String notReadyRemoved(ObservedContainer container, ProbeVerdict verdict) {
        return "removed container " + shortId(container.id()) + ", " + verdict.message();
    }

    static String notReadyAdopted(ProbeVerdict verdict) {
        return verdict.message() + " (an adopted container is never removed for readiness)";
    }

    static String unhealthy(ObservedContainer container, String why) {
        return "unhealthy: recreating container " + shortId(container.id()) + ", " + why;
    }

    static String healthcheckFailed(ObservedContainer container) {
        return "its image's HEALTHCHECK reports it unhealthy" + container.detail().map(d -> " (" + d + ")").orElse("");
    }

    static String imageUpdated(String image, String running, String latest) {
        return "recreated: " + image + " names " + shortDigest(latest) + " in its registry, container runs "
                + shortDigest(running);
    }

    static String awaitingRemoval(ObservedContainer container) {
        return "waiting: container " + shortId(container.id()) + " is being removed";
    }

    static String duplicate(ObservedContainer kept, AppKey key) {
        return "removed: duplicate of " + shortId(kept.id()) + " for " + key;
    }

    static String pruned(AppKey key, Optional<String> sourceFile) {
        return "removed: no spec for " + key + sourceFile.map(f -> " (source " + f + ")").orElse(" (no source label)");
    }

    static String released(AppKey key) {
        return "removed: " + key + " was asked to stop (seed API)";
    }

    static String pruneWithheld(AppKey key) {
        return "kept: no spec for " + key + ", but the spec directory is empty or missing";
    }

    static String protectedSource(String file, Optional<SpecProblem> problem) {
        return "kept: its spec file " + file + " is broken and never parsed" + problem.map(p -> ": " + p).orElse("");
    }

    static String mayBeInBrokenFile(AppKey key, Set<String> brokenFiles) {
        List<String> names = brokenFiles.stream().sorted().toList();
        String shown = names.size() <= 3 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
        return "kept: no spec for " + key + ", but " + shown + (names.size() == 1 ? " is" : " are")
                + " broken and never parsed, and may hold it (a renamed file or a moved document); nothing is pruned "
                + "until every file parses";
    }

    static String brokenSpec(SpecProblem problem) {
        return "kept: its spec is invalid: " + problem;
    }

    static String conflict(AppKey key, List<SpecProblem> problems) {
        if (problems.isEmpty()) {
            return "conflict: two or more specs claim " + key;
        }
        return "conflict: " + problems.stream().map(SpecProblem::toString).collect(Collectors.joining("; "));
    }

    static String lastGood(SpecProblem problem) {
        return "running on the last good content of " + problem.file() + ": " + problem;
    }

    static String culled(Instant lastUse, Duration timeout) {
        return "culled: no request since " + lastUse + " (idle timeout " + duration(timeout) + ")";
    }

    static String idle(ObservedContainer container, boolean drifted) {
        return "idle: container " + shortId(container.id()) + " is stopped; a request to its URL starts it"
                + (drifted ? "; its spec changed, so it is recreated when it wakes" : "");
    }

    static String idleBroken(SpecProblem problem) {
        return "kept idle: its spec file " + problem.file() + " is broken, so no request starts it: " + problem;
    }

    static String woken(Instant request) {
        return "woken: a request at " + request + " asked for it";
    }

    static String crashLoop(ObservedContainer container, KeyHistory history, Instant now) {
        return "back-off: container " + shortId(container.id()) + " keeps exiting (" + history.attempts()
                + " restarts); next start " + retry(history, now);
    }

    static String unhealthyAgain(ObservedContainer container, KeyHistory history, Instant now) {
        return "back-off: container " + shortId(container.id()) + " keeps failing its liveness checks ("
                + history.attempts() + " recreates); next recreate " + retry(history, now);
    }

    static String failed(KeyHistory history, Instant now) {
        return "failed: " + history.lastError().orElse("") + "; next try " + retry(history, now);
    }

    private static String retry(KeyHistory history, Instant now) {
        Instant at = history.notBefore().orElse(now);
        return "at " + at + " (in " + Duration.between(now, at).toSeconds() + "s)";
    }

    /** {@code 90s}, {@code 30m} or {@code 8h}, as spec files write an idle timeout. */
    private static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    private static String state(ObservedContainer container) {
        return container.state().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String shortId(String id) {
        return id.length() <= 12 ? id : id.substring(0, 12);
    }

    /** {@code sha256:} and the first 12 hex digits, as the engine shortens ids. */
    private static String shortDigest(String digest) {
        int colon = digest.indexOf(':');
        return digest.length() <= colon + 13 ? digest : digest.substring(0, colon + 13);
    }

    private static String shortHash(String hash) {
        if (hash == null || hash.isEmpty()) {
            return "(none)";
        }
        return hash.length() <= 8 ? hash : hash.substring(0, 8);
    }
}
