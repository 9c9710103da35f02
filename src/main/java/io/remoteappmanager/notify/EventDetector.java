package io.remoteappmanager.notify;

import io.remoteappmanager.observe.EngineState;
import io.remoteappmanager.status.StatusSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns successive status snapshots into notifications: only changes are told, so a snapshot that repeats what is
 * known tells nothing. A controller that starts remembers nothing of what an earlier one told, so what it first
 * sees is taken as known, silently: the apps at the first snapshot with a trusted engine, the spec problems at the
 * first finished pass. Only what changes after that is told, and a restart does not tell everything again. The
 * engine is the exception: it is expected to answer, so one that is unreachable once it has been tried is told
 * (nobody else would tell of an engine that is down when the controller starts). Pure: time comes in with each
 * snapshot; one thread calls it.
 */
final class EventDetector {

    private final String realm;
    private final AppConditions apps;
    private boolean appsKnown;
    private boolean followingApps;
    private boolean engineDown;
    private Optional<Set<String>> problems = Optional.empty();

    EventDetector(String realm, Duration pendingTooLong) {
        this.realm = realm;
        this.apps = new AppConditions(realm, pendingTooLong);
    }

    /** The notifications that {@code snapshot}, seen at {@code now}, brings, in order: engine, problems, apps. */
    List<Notification> observe(StatusSnapshot snapshot, Instant now) {
        List<Notification> events = new ArrayList<>();
        engine(snapshot.engine(), events);
        if (snapshot.firstPassDone()) {
            problems(snapshot, events);
        }
        followingApps = snapshot.firstPassDone() && snapshot.engine().trusted();
        if (followingApps) {
            apps.follow(snapshot.all(), now, appsKnown ? events::add : ignored -> { });
            appsKnown = true;
        }
        return events;
    }

    /**
     * When to look again with no new snapshot: an app will have been Pending too long. Never while the engine is
     * unreachable: the apps are not followed then, and the snapshot that brings the engine back is looked at anyway.
     */
    Optional<Instant> wakeAt() {
        return followingApps ? apps.wakeAt() : Optional.empty();
    }

    private void engine(EngineState engine, List<Notification> events) {
        if (engine.equals(EngineState.starting(engine.since()))) {
            return; // not tried yet: nothing is known
        }
        boolean down = !engine.trusted();
        if (down != engineDown) {
            events.add(Notification.engine(realm, new Notification.Engine(!down, engine.error()), engine.since()));
            engineDown = down;
        }
    }

    private void problems(StatusSnapshot snapshot, List<Notification> events) {
        Set<String> now = new LinkedHashSet<>(snapshot.lastPass().problems());
        Instant at = snapshot.lastPass().finishedAt().orElseThrow();
        problems.ifPresent(before -> {
            now.stream().filter(p -> !before.contains(p)).forEach(p -> events.add(Notification.problem(realm, p, true, at)));
            before.stream().filter(p -> !now.contains(p)).forEach(p -> events.add(Notification.problem(realm, p, false, at)));
        });
        problems = Optional.of(now);
    }
}
