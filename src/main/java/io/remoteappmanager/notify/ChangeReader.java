package io.remoteappmanager.notify;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.EngineState;
import io.remoteappmanager.status.AppChange;
import io.remoteappmanager.status.LeaderState;
import io.remoteappmanager.status.StatusChanges;
import io.remoteappmanager.status.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the changes the status projection decided, every snapshot's in order, and says which are worth telling.
 * An app's <em>condition</em> is the trouble it is in: a troubled phase (by name, so phases added later count), or
 * {@code PendingTooLong} once it has been Pending for the configured time. Passing phases (Pending, Starting,
 * Restarting, Recreating, Removing) keep the condition, so a crash loop is one episode: one event when it begins and
 * one when the app settles (Running, Completed, Suspended, ...) or is gone. A controller that starts remembers
 * nothing of what an earlier one told, so what it first sees is taken as known, silently: the apps up to the first
 * snapshot that follows them (first pass done, engine trusted), the spec problems of the first finished pass. The
 * engine is the exception: one that is unreachable once it has been tried is told. A change of leader is told by the
 * controller that took the lead, once, and only when another led before it. Pure: time comes in with each
 * read; one thread calls it.
 */
final class ChangeReader {

    static final Set<String> TROUBLE = Set.of("CrashLoopBackOff", "Failed", "Unhealthy", "Invalid", "Conflict");
    static final Set<String> PASSING = Set.of("Pending", "Starting", "Restarting", "Recreating", "Removing");
    static final String PENDING = "Pending";
    static final String PENDING_TOO_LONG = "PendingTooLong";

    private final String realm;
    private final Duration pendingTooLong;
    private final Map<AppKey, Track> tracks = new HashMap<>();
    private boolean appsKnown;
    private boolean following;
    private boolean engineDown;
    private boolean passSeen;

    ChangeReader(String realm, Duration pendingTooLong) {
        this.realm = realm;
        this.pendingTooLong = pendingTooLong;
    }

    /**
     * The notifications one snapshot's {@code changes} bring, read at {@code now}, in order: this controller taking the
     * lead from another, engine, problems, apps;
     * {@code following} says whether that snapshot follows the apps (its first pass is done and its engine trusted).
     */
    List<Notification> read(StatusChanges changes, boolean following, Instant now) {
        List<Notification> events = new ArrayList<>();
        changes.leader().filter(LeaderState::handedOver).filter(LeaderState::leads)
                .ifPresent(leader -> events.add(Notification.leader(realm, leader.previous().orElseThrow(),
                        leader.self(), leader.since().orElse(now))));
        changes.engine().ifPresent(engine -> engine(engine, events));
        changes.problems().filter(p -> passSeen).ifPresent(p -> {
            p.appeared().forEach(problem -> events.add(Notification.problem(realm, problem, true, p.at())));
            p.cleared().forEach(problem -> events.add(Notification.problem(realm, problem, false, p.at())));
        });
        passSeen |= changes.pass().isPresent();
        Consumer<Notification> out = appsKnown ? events::add : ignored -> { };
        for (AppChange change : changes.apps()) {
            if (change.removed()) {
                Optional.ofNullable(tracks.remove(change.key())).ifPresent(track -> track.gone(change.at(), out));
            } else {
                tracks.computeIfAbsent(change.key(), Track::new).follow(change, out);
            }
        }
        this.following = following;
        if (following) {
            tracks.values().forEach(track -> track.checkPending(now, out));
            appsKnown = true;
        }
        return events;
    }

    /**
     * When to look again with no new snapshot: an app will have been Pending too long. Never while the apps are not
     * followed (the engine is unreachable): the snapshot that brings the engine back is read anyway.
     */
    Optional<Instant> wakeAt() {
        return following ? tracks.values().stream().flatMap(t -> t.pendingTooLongAt().stream()).min(Instant::compareTo)
                : Optional.empty();
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

    /** {@code 5m}, {@code 1m30s}: a duration as the configuration writes it. */
    private static String readable(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /** What is known of one app: its name, its phase and since when, its condition and the last transition read. */
    private final class Track {
        private final AppKey key;
        private Optional<String> name = Optional.empty();
        private Optional<String> phase = Optional.empty();
        private Instant phaseSince = Instant.MIN;
        private Optional<String> condition = Optional.empty();
        private Optional<Transition> lastSeen = Optional.empty();

        Track(AppKey key) {
            this.key = key;
        }

        void follow(AppChange change, Consumer<Notification> out) {
            name = change.now().flatMap(app -> app.name());
            change.transition().ifPresent(transition -> {
                checkPending(transition.at(), out);
                enter(transition, out);
            });
        }

        void gone(Instant at, Consumer<Notification> out) {
            if (condition.isPresent()) {
                out.accept(event(false, at, condition, Optional.empty(),
                        "the app is gone: no spec names it and its container is removed"));
            }
        }

        Optional<Instant> pendingTooLongAt() {
            return phase.filter(PENDING::equals).filter(p -> !condition.equals(Optional.of(PENDING_TOO_LONG)))
                    .map(p -> phaseSince.plus(pendingTooLong));
        }

        private void enter(Transition transition, Consumer<Notification> out) {
            String to = transition.to().name();
            Optional<String> next = TROUBLE.contains(to) ? Optional.of(to)
                    : PASSING.contains(to) ? condition : Optional.empty();
            if (!next.equals(condition)) {
                out.accept(event(next.isPresent(), transition.at(),
                        condition.or(() -> transition.from().map(Enum::name)), next.or(() -> Optional.of(to)),
                        transition.reason()));
            }
            condition = next;
            phase = Optional.of(to);
            phaseSince = transition.at();
            lastSeen = Optional.of(transition);
        }

        void checkPending(Instant at, Consumer<Notification> out) {
            Optional<Instant> due = pendingTooLongAt();
            if (due.isPresent() && !at.isBefore(due.get())) {
                String why = lastSeen.map(Transition::reason).orElse("");
                out.accept(event(true, due.get(), condition.or(() -> phase), Optional.of(PENDING_TOO_LONG),
                        "Pending for more than " + readable(pendingTooLong) + ": " + why));
                condition = Optional.of(PENDING_TOO_LONG);
            }
        }

        private Notification event(boolean firing, Instant time, Optional<String> from, Optional<String> to,
                String reason) {
            return Notification.app(realm, new Notification.App(key, name), firing, time, from, to, reason);
        }
    }
}
