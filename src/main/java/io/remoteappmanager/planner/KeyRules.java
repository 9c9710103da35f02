package io.remoteappmanager.planner;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.AppSpec.PullPolicy;
import io.remoteappmanager.model.AppSpec.RestartPolicy;
import io.remoteappmanager.model.ContainerState;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.HealthStatus;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.model.ProbeVerdict;
import io.remoteappmanager.model.SpecProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reconcile and safety rules for one app key, before back-off: absent → create, differs → recreate, exited →
 * restart (as its restartPolicy and exit code say), unwanted → remove, started here and never ready → remove,
 * unhealthy → recreate, its tag names newer content (imagePullPolicy Always) → recreate, unused for its idle
 * timeout → stop, asleep and asked for → start, being (re)started by the engine itself (a swarm) → wait, released
 * (asked to stop) → remove, whatever the empty-directory guard says, else nothing. One instance serves one planning pass and notes whether the empty-directory guard withheld a removal.
 */
final class KeyRules {

    /** Engine restarts lately from which an app counts as crash-looping, as the second crash does on one engine. */
    static final int CRASH_LOOP_RESTARTS = 2;

    private final DesiredState desired;
    private final ProblemIndex problems;
    private final Function<AppSpec, String> specHash;
    private final boolean mayRemove;
    private final Function<AppKey, KeyHistory> history;
    private final Function<ObservedContainer, ProbeVerdict> readiness;
    private final IdleRules idle;
    private final Function<String, Optional<String>> imageDigests;
    private final boolean livenessByDefault;
    private boolean removalWithheld;

    KeyRules(PlanInputs inputs, ProblemIndex problems, Function<AppSpec, String> specHash, boolean mayRemove,
            Instant now, boolean livenessByDefault) {
        this.desired = inputs.desired();
        this.problems = problems;
        this.specHash = specHash;
        this.mayRemove = mayRemove;
        this.history = inputs.history();
        this.readiness = inputs.readiness();
        this.idle = new IdleRules(inputs.idling(), now);
        this.imageDigests = inputs.imageDigests();
        this.livenessByDefault = livenessByDefault;
    }

    /** The decision for {@code key}, whose containers (maybe none) are given. */
    Decision decide(AppKey key, List<ObservedContainer> containers) {
        AppSpec spec = desired.apps().get(key);
        if (desired.conflicts().contains(key)) {
            return leave(key, Phase.Conflict, containers, Reasons.conflict(key, problems.conflicts(key)));
        }
        if (spec != null && spec.suspend()) {
            return leave(key, Phase.Suspended, containers, Reasons.SUSPENDED);
        }
        if (spec == null && containers.isEmpty()) {
            return leave(key, Phase.Invalid, containers, Reasons.brokenSpec(problems.forKey(key).orElseThrow()));
        }
        if (containers.isEmpty()) {
            Action create = Action.create(spec, spec.urlId(), Reasons.created(key));
            return new Decision(key, Phase.Pending, List.of(create), Optional.empty(), create.reason(),
                    Optional.of(new AppVersion(specHash.apply(spec), Optional.empty())));
        }
        String hash = spec == null ? null : specHash.apply(spec);
        Survivor survivor = Survivor.among(containers, hash);
        boolean released = spec == null && desired.released().contains(key);
        List<Action> actions = removeDuplicates(key, survivor, released);
        Outcome outcome = released ? Outcome.of(Phase.Removing, Action.remove(key, survivor.kept(), Reasons.released(key)))
                : spec == null ? unwanted(key, survivor.kept()) : wanted(spec, hash, survivor.kept());
        if (outcome.action() != null) {
            actions.add(outcome.action());
        }
        return new Decision(key, outcome.phase(), actions, Optional.of(survivor.kept()), outcome.message(),
                Optional.of(version(hash, survivor.kept())));
    }

    /**
     * The version the key's actions serve: the desired spec's, with the image the kept container runs when it was made
     * from that spec (a new spec's image is not known before its container runs); without a spec, the kept one's.
     */
    private static AppVersion version(String hash, ObservedContainer kept) {
        if (hash == null || hash.equals(kept.specHash())) {
            return new AppVersion(kept.specHash(), kept.imageDigest());
        }
        return new AppVersion(hash, Optional.empty());
    }

    /** Whether a removal was withheld because the spec source gave no app at all. */
    boolean removalWithheld() {
        return removalWithheld;
    }

    /**
     * A desired app's kept container: recreate on drift, start when stopped, else report how it runs. With an idle
     * timeout, a stopped container this controller did not start since (it stopped it, or found it stopped) is asleep.
     */
    private Outcome wanted(AppSpec spec, String hash, ObservedContainer kept) {
        Optional<Duration> idleTimeout = idle.timeout(spec);
        if (idleTimeout.isPresent() && kept.state() == ContainerState.EXITED && !startedHere(spec.key(), kept)) {
            return idle.asleep(spec, hash, kept, idleTimeout.get(), problems.forFile(spec.origin().file()));
        }
        if (!hash.equals(kept.specHash())) {
            return Outcome.of(Phase.Recreating,
                    Action.recreate(spec, kept, urlId(spec, kept), Reasons.recreated(kept.specHash(), hash)));
        }
        if (kept.isRunning()) {
            return problems.forFile(spec.origin().file())
                    .map(broken -> new Outcome(Phase.Invalid, null, Reasons.lastGood(broken)))
                    .orElseGet(() -> kept.state() == ContainerState.RESTARTING ? startingByEngine(kept)
                            : running(spec, kept));
        }
        return switch (kept.state()) {
            case CREATED -> Outcome.of(Phase.Pending, Action.restart(spec.key(), kept, Reasons.started(kept)));
            case REMOVING -> new Outcome(Phase.Pending, null, Reasons.awaitingRemoval(kept));
            default -> restartsAfterExit(spec.restartPolicy(), kept)
                    ? Outcome.of(Phase.Restarting, again(spec, kept))
                    : new Outcome(Phase.Completed, null, Reasons.completed(kept, spec.restartPolicy()));
        };
    }

    /**
     * A running container with the desired config: Running once its readiness probe says so (stopped when unused for
     * its idle timeout), Starting until then; one this controller started that did not become ready in time is
     * removed (an adopted one never is); one that failed its liveness checks is recreated.
     */
    private Outcome running(AppSpec spec, ObservedContainer kept) {
        AppKey key = spec.key();
        ProbeVerdict verdict = Objects.requireNonNullElse(readiness.apply(kept), ProbeVerdict.READY);
        return switch (verdict.kind()) {
            case READY -> ready(spec, kept);
            case UNHEALTHY -> unhealthy(spec, kept, verdict.message());
            case PROBING -> new Outcome(Phase.Starting, null, verdict.message());
            case NOT_READY -> startedHere(key, kept)
                    ? Outcome.of(Phase.Failed, Action.removeNotReady(key, kept, Reasons.notReadyRemoved(kept, verdict)))
                    : new Outcome(Phase.Starting, null, Reasons.notReadyAdopted(verdict));
        };
    }

    /**
     * A ready container: Unhealthy when its image's HEALTHCHECK says so and its liveness is checked; Recreating when
     * it pulls Always and its tag names other content in the registry than it runs; Idle (stopped) when unused for
     * its idle timeout; else Running.
     */
    private Outcome ready(AppSpec spec, ObservedContainer kept) {
        if (kept.health() == HealthStatus.UNHEALTHY && spec.livenessChecked(livenessByDefault)) {
            return unhealthy(spec, kept, Reasons.healthcheckFailed(kept));
        }
        if (spec.imagePullPolicy() == PullPolicy.Always && kept.imageDigest().isPresent()) {
            String running = kept.imageDigest().get();
            Optional<String> latest = imageDigests.apply(spec.image()).filter(digest -> !digest.equals(running));
            if (latest.isPresent()) {
                return Outcome.of(Phase.Recreating, Action.recreate(spec, kept, urlId(spec, kept),
                        Reasons.imageUpdated(spec.image(), running, latest.get())));
            }
        }
        return idle.cull(spec, kept).map(stop -> Outcome.of(Phase.Idle, stop)).orElse(Outcome.RUNNING);
    }

    private static Outcome unhealthy(AppSpec spec, ObservedContainer kept, String why) {
        return Outcome.of(Phase.Unhealthy,
                Action.recreateUnhealthy(spec, kept, urlId(spec, kept), Reasons.unhealthy(kept, why)));
    }

    /** The url id a replacement keeps: the spec's, else the container's. */
    private static String urlId(AppSpec spec, ObservedContainer kept) {
        return spec.urlId().orElse(kept.urlId());
    }

    /**
     * The engine brings the container up on its own: a swarm places and starts the task, or starts it again under the
     * service's restart policy. The controller must not start it too; it says what the engine says, and calls a
     * container that keeps ending a crash loop, as on one engine.
     */
    private static Outcome startingByEngine(ObservedContainer kept) {
        if (kept.restarts() >= CRASH_LOOP_RESTARTS) {
            return new Outcome(Phase.CrashLoopBackOff, null, Reasons.engineCrashLoop(kept));
        }
        return kept.restarts() > 0 ? new Outcome(Phase.Restarting, null, Reasons.engineRestarting(kept))
                : new Outcome(Phase.Pending, null, Reasons.engineStarting(kept));
    }

    private boolean startedHere(AppKey key, ObservedContainer container) {
        KeyHistory past = history.apply(key);
        return past != null && past.started(container.id());
    }

    /** Always restarts; OnFailure restarts unless the process exited with 0; Never leaves it. */
    private static boolean restartsAfterExit(RestartPolicy policy, ObservedContainer kept) {
        return switch (policy) {
            case Always -> true;
            case OnFailure -> kept.state() == ContainerState.DEAD || kept.exitCode().orElse(1) != 0;
            case Never -> false;
        };
    }

    /**
     * Starts a stopped container again; a dead one (a removal the engine left half done, e.g. when it stopped
     * mid-create) cannot be started, only removed, so it is recreated with its url id.
     */
    private static Action again(AppSpec spec, ObservedContainer kept) {
        String reason = Reasons.restarted(kept, spec.restartPolicy());
        return kept.state() == ContainerState.DEAD
                ? Action.recreate(spec, kept, urlId(spec, kept), reason)
                : Action.restart(spec.key(), kept, reason);
    }

    /**
     * A container with no spec: pruned, unless its spec is only broken, some file that never parsed may hold it, or
     * the source gave no app at all.
     */
    private Outcome unwanted(AppKey key, ObservedContainer kept) {
        Optional<String> source = kept.sourceFile();
        if (source.isPresent() && desired.protectedSources().contains(source.get())) {
            return new Outcome(Phase.Invalid, null,
                    Reasons.protectedSource(source.get(), problems.forFile(source.get())));
        }
        Optional<SpecProblem> broken = problems.forKey(key);
        if (broken.isPresent()) {
            return new Outcome(Phase.Invalid, null, Reasons.brokenSpec(broken.get()));
        }
        if (!desired.protectedSources().isEmpty()) {
            // a file never parsed may hold this app now: a renamed file, or a document moved to another one
            return new Outcome(Phase.Invalid, null, Reasons.mayBeInBrokenFile(key, desired.protectedSources()));
        }
        if (!mayRemove) {
            removalWithheld = true;
            return new Outcome(Phase.Invalid, null, Reasons.pruneWithheld(key));
        }
        return Outcome.of(Phase.Removing, Action.remove(key, kept, Reasons.pruned(key, source)));
    }

    /** The duplicates' removals; withheld by the empty-directory guard unless the app was released. */
    private List<Action> removeDuplicates(AppKey key, Survivor survivor, boolean released) {
        List<Action> actions = new ArrayList<>(survivor.duplicates().size() + 1);
        if (!survivor.duplicates().isEmpty() && !mayRemove && !released) {
            removalWithheld = true;
            return actions;
        }
        for (ObservedContainer duplicate : survivor.duplicates()) {
            actions.add(Action.remove(key, duplicate, Reasons.duplicate(survivor.kept(), key)));
        }
        return actions;
    }

    /** Conflict, suspend, invalid: no action at all, even for duplicates; the containers stay as they are. */
    private static Decision leave(AppKey key, Phase phase, List<ObservedContainer> containers, String message) {
        Optional<ObservedContainer> shown = containers.isEmpty()
                ? Optional.empty()
                : Optional.of(Survivor.among(containers, null).kept());
        return new Decision(key, phase, List.of(), shown, message, Optional.empty());
    }

    /** The main verdict on a kept container: its phase, its one action or null for none, and its message. */
    record Outcome(Phase phase, Action action, String message) {

        static final Outcome RUNNING = new Outcome(Phase.Running, null, Reasons.RUNNING);

        static Outcome of(Phase phase, Action action) {
            return new Outcome(phase, action, action.reason());
        }
    }
}
